import { allowedRegionsFor } from '../compliance/residency';
import { Verdict, VERDICTS } from '../model/ClusterSummary';
import type { PlacementConfig } from './config';
import { ReplicaShape, replicasPerNode } from './hosting';
import type { HostingPlanScratch } from './hosting';
import { blocksPlacement, CLOUD_CODES, PlacementIndex } from './placementIndex';
import type { LatencyTier } from './prioritizers/latency';
import type { SpreadBasis } from './prioritizers/spread';
import { usd } from './numbers';
import type { PlacementRequest } from './request';
import {
  HostingPlan,
  PLACEMENT_FILTERS,
  PlacementFilter,
  Rejection,
} from './result';

/** Why pools of cluster `i` could not take more replicas. */
function poolLimits(
  ix: PlacementIndex,
  i: number,
  shape: ReplicaShape,
): string[] {
  const notes: string[] = [];
  for (let p = ix.poolStart[i]; p < ix.poolStart[i + 1]; p++) {
    const name = ix.poolName[p];
    const type = ix.poolInstanceType[p];
    const perNode = replicasPerNode(
      ix.poolVcpu[p],
      ix.poolMem[p],
      ix.poolGpu[p],
      shape,
    );
    if (ix.poolVcpu[p] === 0) {
      notes.push(
        `${name}: size of ${type ?? 'an unknown instance type'} unknown`,
      );
    } else if (perNode === 0) {
      notes.push(`${name}: one replica does not fit on ${type}`);
    } else if (ix.poolHeadroom[p] <= 0) {
      notes.push(`${name}: no autoscaler headroom`);
    }
  }
  return notes;
}

/** The message of one failed filter of cluster `i`. */
function reasonFor(
  filter: PlacementFilter,
  ix: PlacementIndex,
  i: number,
  request: PlacementRequest,
  config: PlacementConfig,
  plan: HostingPlanScratch,
): string[] {
  const c = ix.clusters[i];
  switch (filter) {
    case 'health': {
      const degraded =
        c.health.verdict === 'degraded'
          ? ' (degraded clusters are not allowed)'
          : '';
      const first = c.health.reasons[0]?.message;
      return [
        `verdict ${c.health.verdict}${degraded}${first ? `: ${first}` : ''}`,
      ];
    }
    case 'environment':
      return [
        `environment ${c.labels.environment ?? '(none)'} is not ${
          request.environment
        }`,
      ];
    case 'compliance': {
      const failing = (ix.reports[i]?.checks ?? []).filter(
        k =>
          blocksPlacement(k) && config.blockingSeverities.includes(k.severity),
      );
      return [
        `fails ${failing.map(k => `${k.id} (${k.severity})`).join(', ')}`,
      ];
    }
    case 'residency': {
      const messages: string[] = [];
      const allowance = allowedRegionsFor(c.cloud, request.dataClass, ix.rules);
      if (!c.region || !allowance.regions.includes(c.region)) {
        messages.push(
          `region ${c.region ?? '(unknown)'} is not in ${
            allowance.rule
          } [${allowance.regions.join(', ')}]`,
        );
      }
      const own = ix.ownClass[i] ? ix.classes[ix.ownClass[i] - 1] : undefined;
      if (own !== allowance.restrictedClass) {
        messages.push(
          `cluster data class ${
            own ?? '(unrestricted)'
          } differs from the request's ${
            allowance.restrictedClass ?? '(unrestricted)'
          }; restricted-class clusters only host their class`,
        );
      }
      return messages;
    }
    case 'cloud':
      return [
        `${c.cloud} is not in allowedClouds [${request.allowedClouds.join(
          ', ',
        )}]`,
      ];
    case 'capacity': {
      const limits = poolLimits(ix, i, request);
      const gpu = request.gpu ? `, ${request.gpu} GPU` : '';
      return [
        `room for ${plan.placed} of ${request.replicas} replicas (${
          request.cpu
        } cores, ${request.memory} GiB${gpu} each)${
          limits.length ? `; ${limits.join('; ')}` : ''
        }`,
      ];
    }
    default:
      return [
        !Number.isNaN(plan.cost)
          ? `marginal cost ${usd(plan.cost)} exceeds maxHourlyCost ${usd(
              request.maxHourlyCost!,
            )}`
          : `no price for the new nodes in ${
              c.region ?? 'an unknown region'
            }; the budget cannot be checked`,
      ];
  }
}

/**
 * Filters whose message depends only on a fact many clusters share, and that fact as a
 * number: their rejections are built once per evaluation and shared between clusters.
 */
const SHARED_FACT: Partial<
  Record<PlacementFilter, (ix: PlacementIndex, i: number) => number>
> = {
  environment: (ix, i) => ix.environment[i],
  cloud: (ix, i) => ix.cloud[i],
  residency: (ix, i) =>
    (ix.region[i] * CLOUD_CODES.length + ix.cloud[i]) *
      (ix.classes.length + 1) +
    ix.ownClass[i],
};

export type RejectionExplainer = (
  i: number,
  failed: number,
  plan: HostingPlanScratch,
) => Rejection[];

/** Explains rejections for one request: the reasons behind each set bit of `failed` (bit k = PLACEMENT_FILTERS[k]). */
export function rejectionExplainer(
  ix: PlacementIndex,
  request: PlacementRequest,
  config: PlacementConfig,
): RejectionExplainer {
  const shared = PLACEMENT_FILTERS.map(() => new Map<number, Rejection[]>());
  return (i, failed, plan) => {
    const reasons: Rejection[] = [];
    for (let bit = 0; bit < PLACEMENT_FILTERS.length; bit++) {
      if (!(failed & (1 << bit))) continue;
      const filter = PLACEMENT_FILTERS[bit];
      const fact = SHARED_FACT[filter]?.(ix, i);
      let rejections = fact === undefined ? undefined : shared[bit].get(fact);
      if (!rejections) {
        rejections = reasonFor(filter, ix, i, request, config, plan).map(
          message => ({ filter, message }),
        );
        if (fact !== undefined) shared[bit].set(fact, rejections);
      }
      reasons.push(...rejections);
    }
    return reasons;
  };
}

export function costReason(hosting: HostingPlan): string {
  const newNodes = hosting.pools.reduce((sum, p) => sum + p.newNodes, 0);
  if (newNodes === 0) return 'fits on idle capacity of existing nodes: $0/h';
  if (hosting.costPerHour === null)
    return `price unknown for ${newNodes} new node(s)`;
  const label =
    hosting.provenance === 'estimated' ? ' (estimated: fallback price)' : '';
  return `${usd(hosting.costPerHour)} for ${newNodes} new node(s)${label}`;
}

/** Whole percents: a reason per value, shared by every candidate. */
const HEADROOM_REASONS = Array.from(
  { length: 101 },
  (_, percent) => `${percent}% of the maximum worker capacity stays free`,
);

export function headroomReason(score: number): string {
  return HEADROOM_REASONS[Math.round(score)];
}

const VERDICT_REASONS = Object.fromEntries(
  VERDICTS.map(v => [v, `verdict ${v}`]),
) as Record<Verdict, string>;

export function healthReason(verdict: Verdict): string {
  return VERDICT_REASONS[verdict];
}

const LATENCY_REASONS: Record<LatencyTier, string> = {
  'no-preference': 'no preferred regions given',
  'preferred-region': 'in a preferred region',
  'same-area': 'same area as a preferred region',
  'same-continent': 'same continent as a preferred region',
  elsewhere: 'far from the preferred regions',
};

export function latencyReason(
  region: string | undefined,
  tier: LatencyTier,
): string {
  return `${region ?? 'unknown region'}: ${LATENCY_REASONS[tier]}`;
}

export function spreadReason(
  spread: SpreadBasis,
  cloudIndex: number,
  owner?: string,
): string {
  const whose = spread.basis === 'owner' ? `${owner}'s` : "the fleet's";
  return `${CLOUD_CODES[cloudIndex]} hosts ${spread.counts[cloudIndex]} of ${spread.total} of ${whose} clusters`;
}
