import https from 'node:https';
import {
  ApiException,
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
} from '@kubernetes/client-node';

export function kubeConfigFrom(yaml: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromString(yaml);
  return kc;
}

export function clients(yaml: string) {
  const kc = kubeConfigFrom(yaml);
  return {
    kc,
    custom: kc.makeApiClient(CustomObjectsApi),
    core: kc.makeApiClient(CoreV1Api),
    apps: kc.makeApiClient(AppsV1Api),
  };
}

/** The Kubernetes `Status` of a failed client-node call. */
export async function failure(
  promise: Promise<unknown>,
): Promise<{ code: number; status: any }> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ApiException) {
      const body = typeof e.body === 'string' ? JSON.parse(e.body) : e.body;
      return { code: e.code, status: body };
    }
    throw e;
  }
  throw new Error('expected the call to fail');
}

export const CAPI = { group: 'cluster.x-k8s.io', version: 'v1beta2' };

/** Resolves when `predicate` holds, polling; fails after `timeoutMs`. */
export async function eventually(
  predicate: () => boolean,
  timeoutMs = 5000,
): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs)
      throw new Error('condition not met in time');
    await new Promise(r => setTimeout(r, 10));
  }
}

/** A plain HTTPS request to the simulator, for what client-node does not expose. */
export function rawRequest(
  sim: { url: string; caCert: string },
  path: string,
  options: {
    token?: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
  } = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      `${sim.url}${path}`,
      {
        method: options.method ?? 'GET',
        ca: sim.caCert,
        headers: {
          ...(options.token
            ? { Authorization: `Bearer ${options.token}` }
            : {}),
          ...options.headers,
        },
      },
      res => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', chunk => (body += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
