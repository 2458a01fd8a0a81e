import { parse } from 'yaml';

/** What the Kubernetes plugin needs to reach a workload cluster, kept server side. */
export interface WorkloadClusterAccess {
  url: string;
  caData?: string;
  skipTLSVerify: boolean;
  /** Credentials; never presented to the browser or logged. */
  credentials:
    | { type: 'token'; token: string }
    | { type: 'client-certificate'; certData: string; keyData: string };
}

/**
 * Reads the kubeconfig CAPI stores in `<cluster>-kubeconfig` (key `value`): the current
 * context's cluster and user. Errors name what is missing but never echo secret content.
 */
export function parseClusterKubeconfig(kubeconfigYaml: string): WorkloadClusterAccess {
  let doc: any;
  try {
    doc = parse(kubeconfigYaml);
  } catch {
    throw new Error('kubeconfig is not valid YAML');
  }
  const contextName = doc?.['current-context'] ?? doc?.contexts?.[0]?.name;
  const context = doc?.contexts?.find((c: any) => c?.name === contextName)?.context;
  const cluster = doc?.clusters?.find((c: any) => c?.name === context?.cluster)?.cluster;
  const user = doc?.users?.find((u: any) => u?.name === context?.user)?.user;
  if (!cluster?.server) {
    throw new Error('kubeconfig has no cluster server for its current context');
  }
  let credentials: WorkloadClusterAccess['credentials'];
  if (typeof user?.token === 'string' && user.token) {
    credentials = { type: 'token', token: user.token };
  } else if (user?.['client-certificate-data'] && user?.['client-key-data']) {
    credentials = {
      type: 'client-certificate',
      certData: user['client-certificate-data'],
      keyData: user['client-key-data'],
    };
  } else {
    throw new Error('kubeconfig user has neither a token nor client certificate data');
  }
  return {
    url: cluster.server,
    caData: cluster['certificate-authority-data'],
    skipTLSVerify: cluster['insecure-skip-tls-verify'] === true,
    credentials,
  };
}
