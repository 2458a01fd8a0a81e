import YAML from 'yaml';

export interface KubeconfigInput {
  /** Name of the cluster, user and context entries. */
  name: string;
  server: string;
  /** PEM of the CA; written base64-encoded as `certificate-authority-data`. */
  caCert: string;
  token: string;
  namespace?: string;
}

/** A kubeconfig (YAML) with one cluster, one bearer-token user and one current context. */
export function buildKubeconfig(input: KubeconfigInput): string {
  const { name } = input;
  return YAML.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name,
        cluster: {
          server: input.server,
          'certificate-authority-data': Buffer.from(input.caCert).toString(
            'base64',
          ),
        },
      },
    ],
    users: [{ name: `${name}-user`, user: { token: input.token } }],
    contexts: [
      {
        name,
        context: {
          cluster: name,
          user: `${name}-user`,
          ...(input.namespace ? { namespace: input.namespace } : {}),
        },
      },
    ],
    'current-context': name,
    preferences: {},
  });
}

/** The bearer token of a kubeconfig's current user, if it has one. */
export function kubeconfigToken(kubeconfig: string): string | undefined {
  const doc = YAML.parse(kubeconfig) as {
    users?: Array<{ name: string; user?: { token?: string } }>;
    contexts?: Array<{ name: string; context?: { user?: string } }>;
    'current-context'?: string;
  };
  const context = doc.contexts?.find(c => c.name === doc['current-context']);
  return doc.users?.find(u => u.name === context?.context?.user)?.user?.token;
}
