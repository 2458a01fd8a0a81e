import { KubeConfig } from '@kubernetes/client-node';
import type { CounterSnapshot } from '@internal/capi-simulator';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { ROOT, TOKEN, start, waitFor } from '../../bench/lib/processes';

/** Files of one suite run (configs, kubeconfig, logs): `.run/suites/<suite>`. */
export function runDir(suite: string): string {
  const dir = path.join(ROOT, '.run/suites', suite);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** `start` of bench/lib logs under `.run/bench`; suites keep theirs next to their other files. */
function logName(dir: string, file: string): string {
  return path.relative(path.join(ROOT, '.run/bench'), path.join(dir, file));
}

export interface SimulatorProcess {
  url: string;
  port: number;
  kubeconfigPath: string;
  process: ChildProcess;
  /** A request to the management API or the `/_sim` admin endpoint, with the simulator's token and CA. */
  request(
    method: string,
    urlPath: string,
    body?: unknown,
    contentType?: string,
  ): Promise<any>;
  admin(method: 'GET' | 'POST', urlPath: string): Promise<any>;
  counters(): Promise<CounterSnapshot>;
  resetCounters(): Promise<void>;
  state(): Promise<SimState>;
}

export interface SimState {
  openWatches: number;
  resourceVersion: string;
  faults: Record<string, unknown>;
  clusters: number;
}

/** The simulator CLI as a process of its own, as the portal meets a real management cluster. */
export async function startSimulatorProcess(options: {
  dir: string;
  port: number;
  clusters: number;
  bookmarkIntervalSeconds?: number;
  /** Simulated seconds per real second: faster convergence of scaled machine deployments. */
  speed?: number;
}): Promise<SimulatorProcess> {
  const kubeconfigPath = path.join(options.dir, 'kubeconfig');
  fs.rmSync(kubeconfigPath, { force: true });
  const child = start(
    'node',
    [
      'packages/capi-simulator/bin/capi-sim',
      '--port',
      String(options.port),
      '--clusters',
      String(options.clusters),
      '--kubeconfig-out',
      kubeconfigPath,
      '--bookmark-interval',
      String(options.bookmarkIntervalSeconds ?? 10),
      '--speed',
      String(options.speed ?? 1),
    ],
    logName(options.dir, 'sim.log'),
  );
  await waitFor(
    async () => fs.existsSync(kubeconfigPath),
    180_000,
    'the simulator start',
  );
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  const cluster = kc.getCurrentCluster()!;
  const ca = Buffer.from(cluster.caData!, 'base64');
  const token = kc.getCurrentUser()!.token!;
  const url = cluster.server;

  const request = (
    method: string,
    urlPath: string,
    body?: unknown,
    contentType = 'application/json',
  ) =>
    new Promise<any>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = https.request(
        `${url}${urlPath}`,
        {
          method,
          ca,
          headers: {
            Authorization: `Bearer ${token}`,
            ...(payload
              ? {
                  'Content-Type': contentType,
                  'Content-Length': Buffer.byteLength(payload),
                }
              : {}),
          },
          timeout: 30_000,
        },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', c => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if ((res.statusCode ?? 500) >= 300)
              reject(
                new Error(
                  `${method} ${urlPath}: ${res.statusCode} ${text.slice(
                    0,
                    200,
                  )}`,
                ),
              );
            else resolve(text ? JSON.parse(text) : undefined);
          });
        },
      );
      req.on('timeout', () =>
        req.destroy(new Error(`${method} ${urlPath}: timed out`)),
      );
      req.on('error', reject);
      req.end(payload);
    });
  const admin = (method: 'GET' | 'POST', urlPath: string) =>
    request(method, `/_sim/${urlPath}`);
  return {
    url,
    port: options.port,
    kubeconfigPath,
    process: child,
    request,
    admin,
    counters: () => admin('GET', 'counters'),
    resetCounters: () => admin('POST', 'counters/reset'),
    state: () => admin('GET', 'state'),
  };
}

export interface BackendProcess {
  base: string;
  process: ChildProcess;
  logPath: string;
  get(urlPath: string): Promise<any>;
  /**
   * `as: 'guest'` signs in through the guest provider (a platform-team member in
   * app-config.yaml): starting a failover run is refused to service tokens.
   */
  post(
    urlPath: string,
    body: unknown,
    as?: 'service' | 'guest',
  ): Promise<{ status: number; body: any }>;
}

/**
 * The real backend (packages/backend) run by node with Backstage's TypeScript transform,
 * without `backstage-cli package start`: that dev server restarts the backend whenever a
 * source file changes, and a suite must keep one backend process for its whole run.
 * `config` is merged over app-config.yaml; the static token `TOKEN` is accepted.
 */
export async function startBackendProcess(options: {
  dir: string;
  name: string;
  port: number;
  kubeconfigPath: string;
  config?: Record<string, unknown>;
  /** `multicloud` keys merged over the management-cluster entry. */
  multicloud?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
}): Promise<BackendProcess> {
  const configPath = path.join(options.dir, `${options.name}.app-config.yaml`);
  // JSON is YAML: no YAML writer needed.
  fs.writeFileSync(
    configPath,
    JSON.stringify({
      ...options.config,
      backend: {
        baseUrl: `http://localhost:${options.port}`,
        listen: { port: options.port },
        auth: {
          externalAccess: [
            { type: 'static', options: { token: TOKEN, subject: 'suite' } },
          ],
        },
        // The multicloud plugin's debug lines are what the suites count scheduled runs by.
        logger: {
          overrides: [{ matchers: { plugin: 'multicloud' }, level: 'debug' }],
        },
        ...(options.config?.backend as object),
      },
      multicloud: {
        managementClusters: [
          { name: 'simulated', kubeconfig: { path: options.kubeconfigPath } },
        ],
        ...options.multicloud,
      },
    }),
  );
  const log = `${options.name}.log`;
  // `start` runs from the repository root; the backend's config paths are relative to its package.
  const child = start(
    'sh',
    [
      '-c',
      'cd packages/backend && exec "$@"',
      'sh',
      process.execPath,
      '--enable-source-maps',
      '--require',
      require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
      'src/index.ts',
      '--config',
      '../../app-config.yaml',
      '--config',
      configPath,
    ],
    logName(options.dir, log),
    {
      NODE_ENV: 'development',
      ESBK_TSCONFIG_PATH: path.join(ROOT, 'tsconfig.json'),
      ...options.env,
    },
  );
  const base = `http://localhost:${options.port}/api/multicloud`;
  await waitFor(
    async () => (await fetch(`${base}/health`)).ok,
    300_000,
    `the start of backend ${options.name}`,
  );
  const headers = { Authorization: `Bearer ${TOKEN}` };
  const guestToken = async () => {
    const res = await fetch(
      `http://localhost:${options.port}/api/auth/guest/refresh?env=development`,
      {
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
      },
    );
    if (!res.ok) throw new Error(`guest sign-in: ${res.status}`);
    return (await res.json()).backstageIdentity.token as string;
  };
  return {
    base,
    process: child,
    logPath: path.join(options.dir, log),
    async get(urlPath) {
      const res = await fetch(`${base}${urlPath}`, {
        headers,
        signal: AbortSignal.timeout(30_000),
      });
      if (!res.ok)
        throw new Error(
          `GET ${urlPath}: ${res.status} ${(await res.text()).slice(0, 200)}`,
        );
      return res.json();
    },
    async post(urlPath, body, as = 'service') {
      const token = as === 'guest' ? await guestToken() : TOKEN;
      const res = await fetch(`${base}${urlPath}`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      return {
        status: res.status,
        body: await res.json().catch(() => undefined),
      };
    },
  };
}
