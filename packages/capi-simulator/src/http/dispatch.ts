import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { handleAdmin, type AdminDeps } from '../admin';
import { errors } from '../api/status';
import type { Faults } from '../faults';
import type { WorkloadClusters } from '../workload/workloadClusters';
import { bearerToken, tokenMatches } from './auth';
import type { ApiEndpoint } from './endpoint';
import { sendError } from './respond';

export interface DispatchDeps {
  token: string;
  management: ApiEndpoint;
  workloads: WorkloadClusters;
  faults: Faults;
  admin: AdminDeps;
}

function authorized(req: IncomingMessage, token: string): boolean {
  return tokenMatches(bearerToken(req), token);
}

/**
 * Routes a request: `/_sim/...` (admin), `/workload/{namespace}/{name}/...` (a workload
 * cluster, its own token) or the management cluster API (the management token). Faults
 * apply before anything else, except to the admin endpoint.
 */
export function createDispatcher(deps: DispatchDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const url = new URL(req.url ?? '/', 'https://simulator');
      const path = url.pathname;
      if (path === '/_sim' || path.startsWith('/_sim/')) {
        if (!authorized(req, deps.token)) throw errors.unauthorized();
        await handleAdmin(deps.admin, req, res, path, url.searchParams);
        return;
      }
      if (deps.faults.resetConnections) {
        req.socket.destroy();
        return;
      }
      if (deps.faults.latencyMs > 0) await sleep(deps.faults.latencyMs);
      if (deps.faults.injectError()) {
        deps.admin.counters.recordInjectedError();
        throw errors.internal('injected fault (capi-simulator error rate)');
      }
      const workload = /^\/workload\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path);
      if (workload) {
        const [, namespace, name, rest] = workload;
        await deps.workloads.handle(
          req,
          res,
          decodeURIComponent(namespace),
          decodeURIComponent(name),
          bearerToken(req),
          rest ?? '/',
          url.searchParams,
        );
        return;
      }
      if (!authorized(req, deps.token)) throw errors.unauthorized();
      await deps.management.handle(req, res, path, url.searchParams);
    } catch (error) {
      sendError(res, error);
    }
  };
}
