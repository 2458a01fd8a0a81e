import type { IncomingMessage, ServerResponse } from 'node:http';
import { errors } from './api/status';
import type { Counters } from './counters';
import { sendJson } from './http/respond';
import { assertCloud, type Scenarios } from './scenarios';

export interface AdminDeps {
  scenarios: Scenarios;
  counters: Counters;
  tick(): void;
  state(): Record<string, unknown>;
}

function number(query: URLSearchParams, name: string): number {
  const value = Number(query.get(name));
  if (query.get(name) === null || Number.isNaN(value))
    throw errors.badRequest(`query parameter ${name} must be a number`);
  return value;
}

function flag(query: URLSearchParams, name: string): boolean {
  const value = query.get(name) ?? 'true';
  if (value !== 'true' && value !== 'false')
    throw errors.badRequest(`query parameter ${name} must be true or false`);
  return value === 'true';
}

/**
 * `/_sim/...`: scenario and fault control over HTTP (same bearer token as the API), for the
 * CLI-started simulator. Faults never apply to these requests, so they can always be lifted.
 */
export async function handleAdmin(
  deps: AdminDeps,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: URLSearchParams,
): Promise<void> {
  try {
    await route(deps, req, res, path, query);
  } catch (e) {
    // Out-of-range scenario arguments are the caller's mistake.
    throw e instanceof RangeError ? errors.badRequest(e.message) : e;
  }
}

async function route(
  deps: AdminDeps,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: URLSearchParams,
): Promise<void> {
  const { scenarios } = deps;
  const segments = path
    .split('/')
    .filter(Boolean)
    .slice(1)
    .map(decodeURIComponent);
  // `clusters/{namespace}/{name}/…` and `regions/{cloud}/{region}/…` match as `clusters/*/*/…`.
  const pattern = segments
    .map((s, i) =>
      i > 0 && i <= 2 && ['clusters', 'regions'].includes(segments[0])
        ? '*'
        : s,
    )
    .join('/');
  const ok = (body: Record<string, unknown> = {}) =>
    sendJson(res, 200, JSON.stringify({ ok: true, ...body }));
  switch (`${req.method} ${pattern}`) {
    case 'GET state':
      return sendJson(res, 200, JSON.stringify(deps.state()));
    case 'GET counters':
      return sendJson(res, 200, JSON.stringify(deps.counters.snapshot()));
    case 'POST counters/reset':
      deps.counters.reset();
      return ok();
    case 'POST tick': {
      const count = query.has('count') ? number(query, 'count') : 1;
      for (let i = 0; i < count; i++) deps.tick();
      return ok({ ticks: count });
    }
    case 'POST clusters/*/*/fail':
      scenarios.failCluster(`${segments[1]}/${segments[2]}`);
      return ok();
    case 'POST clusters/*/*/recover':
      scenarios.recoverCluster(`${segments[1]}/${segments[2]}`);
      return ok();
    case 'POST regions/*/*/outage':
      return ok({
        clusters: scenarios.regionOutage(assertCloud(segments[1]), segments[2]),
      });
    case 'POST regions/*/*/recover':
      return ok({
        clusters: scenarios.recoverRegion(
          assertCloud(segments[1]),
          segments[2],
        ),
      });
    case 'POST latency':
      scenarios.setLatency(number(query, 'ms'));
      return ok();
    case 'POST error-rate':
      scenarios.setErrorRate(number(query, 'fraction'));
      return ok();
    case 'POST watches/drop':
      scenarios.dropWatches();
      return ok();
    case 'POST watches/stall':
      scenarios.stallWatches(flag(query, 'enabled'));
      return ok();
    case 'POST watches/expire':
      scenarios.forceExpired();
      return ok();
    case 'POST connections/reset':
      scenarios.resetConnections(flag(query, 'enabled'));
      return ok();
    case 'POST down': {
      // Over HTTP, `down` needs a duration: nothing could reach the server to lift it.
      const seconds = number(query, 'seconds');
      ok({ seconds });
      res.on('finish', () => {
        void scenarios
          .down(true)
          .then(() =>
            setTimeout(
              () => void scenarios.down(false),
              seconds * 1000,
            ).unref(),
          );
      });
      return undefined;
    }
    default:
      throw errors.pathNotFound();
  }
}
