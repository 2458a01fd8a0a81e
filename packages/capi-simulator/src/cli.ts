import { parseArgs } from 'node:util';
import { startSimulator } from './startSimulator';

const USAGE = `Usage: capi-sim [options]

  --port <n>             port on 127.0.0.1 (default 6443; 0 picks a free port)
  --host <addr>          loopback address to bind (default 127.0.0.1)
  --clusters <n>         fleet size (default: the seed document's three clusters)
  --seed <s>             seed of the generated fleet (default capi-sim)
  --speed <x>            simulated seconds per real second (default 1)
  --kubeconfig-out <f>   write the management kubeconfig to this file
  --secret-marker <s>    embed this string into every generated token
  --latency <ms>         start with this request latency (fault; admin: POST /_sim/latency)
  --error-rate <f>       start with this share (0-1) of requests failing with 500
  --bookmark-interval <s> seconds between watch BOOKMARK events (default 60)
  --event-window <n>     events kept for watch resumption before 410 Gone (default 10000)
  --help                 show this help`;

function positiveNumber(
  value: string | undefined,
  name: string,
  integer = false,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) {
    throw new Error(
      `--${name} must be a non-negative ${
        integer ? 'integer' : 'number'
      }, got "${value}"`,
    );
  }
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      clusters: { type: 'string' },
      seed: { type: 'string' },
      speed: { type: 'string' },
      'kubeconfig-out': { type: 'string' },
      'secret-marker': { type: 'string' },
      latency: { type: 'string' },
      'error-rate': { type: 'string' },
      'bookmark-interval': { type: 'string' },
      'event-window': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const clusters = positiveNumber(values.clusters, 'clusters', true);
  if (clusters !== undefined && (clusters < 1 || clusters > 10_000))
    throw new Error('--clusters must be between 1 and 10000');
  const sim = await startSimulator({
    port: positiveNumber(values.port, 'port', true) ?? 6443,
    host: values.host,
    clusters,
    seed: values.seed,
    speed: positiveNumber(values.speed, 'speed'),
    kubeconfigOut: values['kubeconfig-out'],
    secretMarker: values['secret-marker'],
    bookmarkIntervalMs:
      (positiveNumber(values['bookmark-interval'], 'bookmark-interval') ?? 60) *
      1000,
    eventWindow: positiveNumber(values['event-window'], 'event-window', true),
  });
  sim.scenarios.setLatency(positiveNumber(values.latency, 'latency') ?? 0);
  sim.scenarios.setErrorRate(
    positiveNumber(values['error-rate'], 'error-rate') ?? 0,
  );
  process.stdout.write(
    `capi-simulator ready: ${sim.url} (${
      sim.clusters.length
    } clusters) kubeconfig: ${
      sim.kubeConfigPath ?? '(not written; use --kubeconfig-out)'
    }\n`,
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(error => {
  process.stderr.write(
    `capi-sim: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
