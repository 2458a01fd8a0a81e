import type {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  FAILOVER_ACTIONS,
  multicloudFailoverExecutePermission,
  type ClusterSummary,
} from '@internal/plugin-multicloud-common';
import type { FleetService } from '@internal/plugin-multicloud-node';
import type { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { ClusterAccess } from '../service/clusterAccess';
import { parseOrThrow } from '../service/validation';
import type { BreakerStore } from './BreakerStore';
import {
  PlanRefusedError,
  type FailoverService,
  type PlanRequest,
} from './FailoverService';
import type { FailoverRun } from './RunStore';

const clusterRefSchema = z
  .string()
  .regex(
    /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\/[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/,
    'must be namespace/name of a cluster',
  );

const planRequestSchema = z
  .object({
    cluster: clusterRefSchema,
    target: clusterRefSchema.optional(),
    action: z.enum(FAILOVER_ACTIONS),
    istioLocalityFailover: z.boolean().optional(),
  })
  .strict();

// Run ids are UUIDs: anything else (a path, a huge string) is refused before a lookup.
const runParamsSchema = z.object({
  id: z.uuid({ error: 'must be a failover run id (a UUID)' }),
});

const clusterQuerySchema = z
  .object({ cluster: clusterRefSchema.optional() })
  .strict();

export interface FailoverRoutesOptions {
  service: FailoverService;
  breakers: BreakerStore;
  fleet: FleetService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  /** Read access of a request (`createClusterAccessResolver`): what it may see. */
  resolveAccess: (credentials: BackstageCredentials) => Promise<ClusterAccess>;
}

/**
 * `/failover/*`: policies, breakers, dry-run plans and runs. Reads are filtered by
 * `multicloud.cluster.read`; starting or cancelling a run needs `multicloud.failover.execute`
 * on that cluster and is checked before anything is written.
 */
export function createFailoverRoutes(options: FailoverRoutesOptions) {
  const {
    service,
    breakers,
    fleet,
    httpAuth,
    permissions,
    auditor,
    resolveAccess,
  } = options;
  const router = Router();

  /**
   * Starting or cancelling a run is a person's decision, audited under their name: service
   * principals (a scrape token, another plugin) are refused here, because the permission
   * framework allows them every permission their token is not restricted from.
   */
  const readAccess = async (req: Request, runExecution = false) => {
    const credentials = runExecution
      ? await httpAuth.credentials(req, { allow: ['user'] })
      : await httpAuth.credentials(req);
    const access = await resolveAccess(credentials);
    const visible = (ref: string) => {
      const cluster = fleet.getCluster(ref);
      return (
        access.scope === 'all' ||
        (cluster !== undefined && access.allows(cluster))
      );
    };
    return { credentials, visible };
  };

  /** A cluster the user may not read is reported like a missing one: no existence leak. */
  const readableCluster = (
    ref: string,
    visible: (ref: string) => boolean,
  ): ClusterSummary => {
    const cluster = fleet.getCluster(ref);
    if (!cluster || !visible(ref))
      throw new NotFoundError(`cluster ${ref} not found`);
    return cluster;
  };

  const visibleRun = async (
    req: Request,
    visible: (ref: string) => boolean,
  ): Promise<FailoverRun> => {
    const { id } = parseOrThrow(runParamsSchema, req.params, 'params');
    const run = await service.getRun(id);
    if (!run || !visible(run.cluster))
      throw new NotFoundError(`failover run ${id} not found`);
    return run;
  };

  const authorizeExecute = async (
    clusterRef: string,
    credentials: BackstageCredentials,
  ) => {
    const [decision] = await permissions.authorize(
      [
        {
          permission: multicloudFailoverExecutePermission,
          resourceRef: clusterRef,
        },
      ],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `${multicloudFailoverExecutePermission.name} is not allowed on ${clusterRef}`,
      );
    }
  };

  router.get('/failover/policies', async (req, res) => {
    const { visible } = await readAccess(req);
    res.json({ policies: service.policies().filter(p => visible(p.cluster)) });
  });

  router.get('/failover/breakers', async (req, res) => {
    const { visible } = await readAccess(req);
    const { cluster } = parseOrThrow(clusterQuerySchema, req.query, 'query');
    if (cluster) readableCluster(cluster, visible);
    const list = (await breakers.list()).filter(
      b => visible(b.cluster) && (!cluster || b.cluster === cluster),
    );
    res.json({
      breakers: cluster
        ? await Promise.all(
            list.map(async b => ({
              ...b,
              transitions: await breakers.transitions(b.cluster),
            })),
          )
        : list,
    });
  });

  router.post('/failover/plan', async (req, res) => {
    const { credentials, visible } = await readAccess(req);
    const request = parseOrThrow(planRequestSchema, req.body, 'body');
    readableCluster(request.cluster, visible);
    res.json({
      plan: await withPlanErrors(() =>
        service.plan(request, actorOf(credentials)),
      ),
    });
  });

  router.post('/failover/runs', async (req, res) => {
    const { credentials, visible } = await readAccess(req, true);
    const request: PlanRequest = parseOrThrow(
      planRequestSchema,
      req.body,
      'body',
    );
    readableCluster(request.cluster, visible);
    const actor = actorOf(credentials);
    const event = await auditor.createEvent({
      eventId: 'failover-run',
      severityLevel: 'medium',
      request: req,
      meta: {
        actor,
        cluster: request.cluster,
        action: request.action,
        target: request.target ?? null,
        mode: 'manual',
      },
    });
    try {
      await authorizeExecute(request.cluster, credentials);
      const { run, created } = await withPlanErrors(() =>
        service.startRun(request, actor, 'manual'),
      );
      await event.success({ meta: { run: run.id, created } });
      res.status(created ? 201 : 200).json({ run: present(run) });
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  router.get('/failover/runs', async (req, res) => {
    const { visible } = await readAccess(req);
    const { cluster } = parseOrThrow(clusterQuerySchema, req.query, 'query');
    if (cluster) readableCluster(cluster, visible);
    const runs = await service.listRuns(cluster);
    res.json({ runs: runs.filter(r => visible(r.cluster)).map(present) });
  });

  router.get('/failover/runs/:id', async (req, res) => {
    const { visible } = await readAccess(req);
    res.json({ run: present(await visibleRun(req, visible)) });
  });

  router.post('/failover/runs/:id/cancel', async (req, res) => {
    const { credentials, visible } = await readAccess(req, true);
    const run = await visibleRun(req, visible);
    const event = await auditor.createEvent({
      eventId: 'failover-run-cancel',
      severityLevel: 'medium',
      request: req,
      meta: { actor: actorOf(credentials), cluster: run.cluster, run: run.id },
    });
    try {
      await authorizeExecute(run.cluster, credentials);
      const cancelled = await service.cancel(run.id);
      await event.success();
      res.json({ run: present(cancelled) });
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  return router;
}

/** Plan refusals as HTTP errors: 400 naming `body.target` when the caller's own target was refused, else 409. */
async function withPlanErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (!(error instanceof PlanRefusedError)) throw error;
    if (error.explicitTarget && error.refusals.some(r => r.kind === 'target')) {
      throw new InputError(`body.target: ${error.message}`);
    }
    throw new ConflictError(error.message);
  }
}

function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? principal.subject ?? principal.type;
}

/** A run with each step's definition and execution state side by side. */
function present(run: FailoverRun) {
  const { steps: executions, plan, ...rest } = run;
  const { steps, ...summary } = plan;
  return {
    ...rest,
    plan: summary,
    steps: steps.map((step, i) => ({ ...step, execution: executions[i] })),
  };
}
