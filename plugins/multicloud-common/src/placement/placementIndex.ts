import type {
  ComplianceCheck,
  ComplianceReport,
  ComplianceSeverity,
} from '../compliance/types';
import {
  ComplianceRules,
  DEFAULT_COMPLIANCE_RULES,
  environmentKey,
} from '../compliance/rules';
import { isRegionAllowed, restrictedDataClass } from '../compliance/residency';
import type { Cloud } from '../model/cloud';
import type { ClusterSummary, Verdict } from '../model/ClusterSummary';
import type { ClusterRef } from '../model/kube';
import type { PriceQuote } from '../cost/PriceBook';
import type { InstancePricing } from './pricing';

/** Current use of a cluster's worker capacity, fractions 0–1. */
export interface Utilisation {
  cpu: number;
  memory: number;
  /** Omitted: GPUs count as fully used. */
  gpu?: number;
}

export interface PlacementIndexOptions {
  rules?: ComplianceRules;
  /** Compliance reports by cluster; a cluster without one is not judged by the compliance filter. */
  compliance?: Readonly<Record<ClusterRef, ComplianceReport>>;
  /** Utilisation by cluster; without it, existing nodes count as full (only scale-out room is used). */
  utilisation?: Readonly<Record<ClusterRef, Utilisation>>;
}

export const CLOUD_CODES: readonly Cloud[] = ['aws', 'azure', 'gcp', 'other'];
export const HEALTH_HEALTHY = 0;
export const HEALTH_DEGRADED = 1;
export const HEALTH_OTHER = 2;
const HEALTH_CODES: Partial<Record<Verdict, number>> = {
  healthy: HEALTH_HEALTHY,
  degraded: HEALTH_DEGRADED,
};
/** One bit per severity, so the blocking set from config is a mask test. */
export const SEVERITY_BIT: Record<ComplianceSeverity, number> = {
  low: 1,
  medium: 2,
  high: 4,
  critical: 8,
};

/**
 * Everything placement reads about the fleet, computed once per fleet snapshot and laid out
 * in flat typed arrays (one slot per cluster, clusters sorted by ref) so a request is a
 * tight loop without per-cluster allocation.
 */
export interface PlacementIndex {
  readonly clusters: readonly ClusterSummary[];
  readonly rules: ComplianceRules;
  readonly reports: ReadonlyArray<ComplianceReport | undefined>;
  /** Restricted data classes; slot 0 of `allowed` is the general list, slot c+1 class c. */
  readonly classes: readonly string[];
  readonly cloud: Uint8Array;
  readonly health: Uint8Array;
  readonly environment: Int32Array;
  readonly environments: ReadonlyMap<string, number>;
  /** Restricted class slot of the cluster's own data class (0: none). */
  readonly ownClass: Int32Array;
  readonly allowed: Uint8Array;
  readonly region: Int32Array;
  readonly regions: readonly string[];
  /** SEVERITY_BITs of the failing checks (data residency excluded). */
  readonly failedSeverities: Uint8Array;
  readonly owners: ReadonlyMap<string, Int32Array>;
  readonly fleetClouds: Int32Array;
  // Headroom, request-independent: cluster totals at max size and what is still free.
  readonly totalCpu: Float64Array;
  readonly totalMem: Float64Array;
  readonly totalGpu: Float64Array;
  readonly freeCpu: Float64Array;
  readonly freeMem: Float64Array;
  readonly freeGpu: Float64Array;
  readonly utilCpu: Float64Array;
  readonly utilMem: Float64Array;
  readonly utilGpu: Float64Array;
  // Worker pools of cluster i: [poolStart[i], poolStart[i + 1]).
  readonly poolStart: Int32Array;
  readonly poolName: readonly string[];
  readonly poolInstanceType: ReadonlyArray<string | undefined>;
  readonly poolVcpu: Float64Array;
  readonly poolMem: Float64Array;
  readonly poolGpu: Float64Array;
  /** USD per node-hour; NaN when unknown. */
  readonly poolPrice: Float64Array;
  readonly poolPriceInfo: ReadonlyArray<PriceQuote | undefined>;
  readonly poolCurrent: Int32Array;
  readonly poolHeadroom: Int32Array;
  readonly maxPools: number;
  readonly pricing: InstancePricing;
}

export function cloudCode(cloud: Cloud): number {
  const code = CLOUD_CODES.indexOf(cloud);
  return code < 0 ? CLOUD_CODES.length - 1 : code;
}

/** A failed check that can block placement; residency is judged against the request instead. */
export function blocksPlacement(check: ComplianceCheck): boolean {
  return check.status === 'fail' && check.id !== 'data-residency';
}

function byRef(a: ClusterSummary, b: ClusterSummary): number {
  // A ref seen twice (two management clusters) is ordered by cloud and region: any total
  // order keeps the output independent of the input order.
  const ka = `${a.ref}\u0000${a.cloud}/${a.region}`;
  const kb = `${b.ref}\u0000${b.cloud}/${b.region}`;
  if (ka === kb) return 0;
  return ka < kb ? -1 : 1;
}

/** A utilisation fraction clamped to 0–1; unreadable counts as fully busy. */
function busy(fraction: number): number {
  return Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 1;
}

function interned(
  map: Map<string, number>,
  list: string[],
  key: string,
): number {
  let id = map.get(key);
  if (id === undefined) {
    id = list.length;
    list.push(key);
    map.set(key, id);
  }
  return id;
}

export function buildPlacementIndex(
  clusters: readonly ClusterSummary[],
  pricing: InstancePricing,
  options: PlacementIndexOptions = {},
): PlacementIndex {
  const rules = options.rules ?? DEFAULT_COMPLIANCE_RULES;
  const sorted = [...clusters].sort(byRef);
  const n = sorted.length;
  const classes = Object.keys(rules.dataClasses).sort();
  const slots = classes.length + 1;
  const poolCount = sorted.reduce((sum, c) => sum + c.workerPools.length, 0);

  const ix = {
    clusters: sorted,
    rules,
    reports: sorted.map(c => options.compliance?.[c.ref]),
    classes,
    cloud: new Uint8Array(n),
    health: new Uint8Array(n),
    environment: new Int32Array(n),
    environments: new Map<string, number>(),
    ownClass: new Int32Array(n),
    allowed: new Uint8Array(n * slots),
    region: new Int32Array(n),
    regions: [] as string[],
    failedSeverities: new Uint8Array(n),
    owners: new Map<string, Int32Array>(),
    fleetClouds: new Int32Array(CLOUD_CODES.length),
    totalCpu: new Float64Array(n),
    totalMem: new Float64Array(n),
    totalGpu: new Float64Array(n),
    freeCpu: new Float64Array(n),
    freeMem: new Float64Array(n),
    freeGpu: new Float64Array(n),
    utilCpu: new Float64Array(n).fill(NaN),
    utilMem: new Float64Array(n).fill(NaN),
    utilGpu: new Float64Array(n).fill(NaN),
    poolStart: new Int32Array(n + 1),
    poolName: [] as string[],
    poolInstanceType: [] as Array<string | undefined>,
    poolVcpu: new Float64Array(poolCount),
    poolMem: new Float64Array(poolCount),
    poolGpu: new Float64Array(poolCount),
    poolPrice: new Float64Array(poolCount).fill(NaN),
    poolPriceInfo: [] as Array<PriceQuote | undefined>,
    poolCurrent: new Int32Array(poolCount),
    poolHeadroom: new Int32Array(poolCount),
    maxPools: 0,
    pricing,
  };
  const envIds = ix.environments as Map<string, number>;
  const envList: string[] = [];
  const regionIds = new Map<string, number>();

  let p = 0;
  sorted.forEach((c, i) => {
    const code = cloudCode(c.cloud);
    ix.cloud[i] = code;
    ix.fleetClouds[code] += 1;
    if (c.labels.owner) {
      let counts = ix.owners.get(c.labels.owner);
      if (!counts)
        ix.owners.set(
          c.labels.owner,
          (counts = new Int32Array(CLOUD_CODES.length)),
        );
      counts[code] += 1;
    }
    ix.health[i] = HEALTH_CODES[c.health.verdict] ?? HEALTH_OTHER;
    ix.environment[i] = interned(
      envIds,
      envList,
      environmentKey(c.labels.environment, rules),
    );
    ix.region[i] = interned(regionIds, ix.regions, c.region ?? '');

    const own = restrictedDataClass(c.labels.dataClass, rules);
    ix.ownClass[i] = own === undefined ? 0 : classes.indexOf(own) + 1;
    ix.allowed[i * slots] = isRegionAllowed(c.cloud, c.region, undefined, rules)
      ? 1
      : 0;
    classes.forEach((cls, k) => {
      ix.allowed[i * slots + k + 1] = isRegionAllowed(
        c.cloud,
        c.region,
        cls,
        rules,
      )
        ? 1
        : 0;
    });

    for (const check of ix.reports[i]?.checks ?? []) {
      if (blocksPlacement(check)) {
        ix.failedSeverities[i] |= SEVERITY_BIT[check.severity];
      }
    }

    // Without utilisation, existing nodes count as full: only scale-out room is free.
    const util = options.utilisation?.[c.ref];
    const busyCpu = util ? busy(util.cpu) : 1;
    const busyMem = util ? busy(util.memory) : 1;
    const busyGpu = util ? busy(util.gpu ?? 1) : 1;
    if (util) {
      ix.utilCpu[i] = busyCpu;
      ix.utilMem[i] = busyMem;
      ix.utilGpu[i] = busyGpu;
    }

    ix.poolStart[i] = p;
    for (const pool of c.workerPools) {
      const spec = pool.instanceType
        ? pricing.specOf(c.cloud, pool.instanceType)
        : undefined;
      const price = pool.instanceType
        ? pricing.priceOf(c.cloud, c.region, pool.instanceType)
        : undefined;
      const current = pool.replicas.desired;
      const headroom = pool.autoscaler
        ? Math.max(0, pool.autoscaler.max - current)
        : 0;
      const max = current + headroom;
      ix.poolName.push(pool.name);
      ix.poolInstanceType.push(pool.instanceType);
      ix.poolPriceInfo.push(price);
      if (typeof price?.perHour === 'number') ix.poolPrice[p] = price.perHour;
      ix.poolCurrent[p] = current;
      ix.poolHeadroom[p] = headroom;
      if (spec) {
        ix.poolVcpu[p] = spec.vcpu;
        ix.poolMem[p] = spec.memoryGiB;
        ix.poolGpu[p] = spec.gpu;
        ix.totalCpu[i] += max * spec.vcpu;
        ix.totalMem[i] += max * spec.memoryGiB;
        ix.totalGpu[i] += max * spec.gpu;
        ix.freeCpu[i] += (headroom + current * (1 - busyCpu)) * spec.vcpu;
        ix.freeMem[i] += (headroom + current * (1 - busyMem)) * spec.memoryGiB;
        ix.freeGpu[i] += (headroom + current * (1 - busyGpu)) * spec.gpu;
      }
      p += 1;
    }
    ix.maxPools = Math.max(ix.maxPools, c.workerPools.length);
  });
  ix.poolStart[n] = p;
  return ix;
}
