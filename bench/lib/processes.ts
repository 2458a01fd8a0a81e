import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { prepareBuiltBackend } from './builtBackend';
import { ROOT, RUN } from './paths';

export { ROOT, RUN };
export const TOKEN = 'bench-static-token-0123456789';

const children: ChildProcess[] = [];

/** Starts a process in its own group, logging to a file; all are stopped on exit. */
export function start(command: string, args: string[], log: string, env: NodeJS.ProcessEnv = {}, cwd = ROOT) {
  fs.mkdirSync(RUN, { recursive: true });
  const out = fs.openSync(path.join(RUN, log), 'w');
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out],
    detached: true,
  });
  children.push(child);
  return child;
}

export function stopAll() {
  for (const child of children) {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}
process.on('exit', stopAll);
process.on('SIGINT', () => process.exit(130));

export async function waitFor(probe: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
}

export async function getJson(url: string): Promise<any> {
  const res = await fetch(url, { headers: { Authorization: `Bearer ${TOKEN}` } });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.json();
}

/**
 * How the backend runs: `dev` is `backstage-cli package start` (what `scripts/start.sh`
 * uses: TypeScript transpiled on the fly, source maps, a watching parent process); `built`
 * is the bundle of `backstage-cli package build` under plain `node`, as a deployment runs it.
 */
export type BackendMode = 'dev' | 'built';

/**
 * The simulator (as a process) with `clusters` clusters, then the real backend
 * (packages/backend) pointed at it on `backendPort`, with a static service token.
 */
export async function startPortalBackend(options: {
  clusters: number;
  simPort: number;
  backendPort: number;
  mode?: BackendMode;
  /** Built mode: start the existing bundle instead of building (see prepareBuiltBackend). */
  reuseBuild?: boolean;
  /** Backend database settings lines under `backend:` (see postgresDatabase); SQLite in memory otherwise. */
  database?: string[];
}) {
  const kubeconfig = path.join(RUN, 'kubeconfig');
  fs.mkdirSync(RUN, { recursive: true });
  fs.rmSync(kubeconfig, { force: true });
  start(
    'node',
    ['packages/capi-simulator/bin/capi-sim', '--port', String(options.simPort), '--clusters', String(options.clusters), '--kubeconfig-out', kubeconfig, '--bookmark-interval', '30'],
    'sim.log',
  );
  await waitFor(async () => fs.existsSync(kubeconfig), 180_000, 'the simulator start');

  const config = path.join(RUN, 'app-config.bench.yaml');
  fs.writeFileSync(
    config,
    [
      'backend:',
      `  baseUrl: http://localhost:${options.backendPort}`,
      `  listen: { port: ${options.backendPort} }`,
      '  auth:',
      '    externalAccess:',
      '      - type: static',
      `        options: { token: ${TOKEN}, subject: bench }`,
      ...(options.database ?? []),
      'multicloud:',
      '  managementClusters:',
      '    - name: simulated',
      `      kubeconfig: { path: ${kubeconfig} }`,
      '  gitops:',
      `    localRepositoryPath: ${path.join(RUN, 'gitops.git')}`,
      '',
    ].join('\n'),
  );
  const configArgs = ['--config', path.join(ROOT, 'app-config.yaml'), '--config', config];
  const builtDir =
    options.mode === 'built' ? prepareBuiltBackend({ reuseBuild: options.reuseBuild }) : undefined;
  const startedAt = Date.now();
  const backend = builtDir
    ? start('node', ['.', ...configArgs], 'backend.log', { NODE_ENV: 'production' }, builtDir)
    : start('yarn', ['workspace', 'backend', 'start', ...configArgs], 'backend.log');
  const base = `http://localhost:${options.backendPort}`;
  await waitFor(async () => (await fetch(`${base}/api/multicloud/health`)).ok, 300_000, 'the backend start');
  return { backend, base, kubeconfig, startedAt };
}

/**
 * RSS in MB of the backend itself: the leaf of the process tree (yarn → backstage-cli →
 * the backend's node process), not the tooling processes above it.
 */
export function backendRssMb(rootPid: number): number {
  let pid = rootPid;
  for (;;) {
    const file = `/proc/${pid}/task/${pid}/children`;
    const children = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean) : [];
    if (children.length === 0) break;
    pid = Number(children[children.length - 1]);
  }
  const status = fs.existsSync(`/proc/${pid}/status`) ? fs.readFileSync(`/proc/${pid}/status`, 'utf8') : '';
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}
