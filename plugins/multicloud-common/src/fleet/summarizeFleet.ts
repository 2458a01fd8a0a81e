import { CLOUDS, type Cloud } from '../model/cloud';
import {
  VERDICTS,
  type ClusterSummary,
  type Verdict,
} from '../model/ClusterSummary';

/** Key used in count maps when a cluster does not state the value (no region, no version, no phase). */
export const UNSET_VALUE = 'unknown';

/** Counts over a set of clusters: one per cloud and one for the whole fleet. */
export interface FleetBucket {
  clusters: number;
  byVerdict: Record<Verdict, number>;
  /** Cluster `status.phase` (Pending, Provisioning, Provisioned, Deleting, Failed, Unknown). */
  byPhase: Record<string, number>;
  /** Machine objects, by `status.phase` (managed node pools have none). */
  machines: { total: number; byPhase: Record<string, number> };
  /** Billed nodes by instance type: machines plus managed pool replicas (see countMachines). */
  nodesByInstanceType: Record<string, number>;
  kubernetesVersions: Record<string, number>;
  regions: Record<string, number>;
  /** Clusters with at least one malformed object. */
  withErrors: number;
}

/** `GET /fleet`: the whole fleet and each cloud, `other` included. */
export interface FleetSummary {
  total: FleetBucket;
  byCloud: Record<Cloud, FleetBucket>;
}

function emptyBucket(): FleetBucket {
  return {
    clusters: 0,
    byVerdict: Object.fromEntries(VERDICTS.map(v => [v, 0])) as Record<
      Verdict,
      number
    >,
    byPhase: {},
    machines: { total: 0, byPhase: {} },
    nodesByInstanceType: {},
    kubernetesVersions: {},
    regions: {},
    withErrors: 0,
  };
}

function bump(map: Record<string, number>, key: string | undefined, n = 1) {
  const k = key || UNSET_VALUE;
  map[k] = (map[k] ?? 0) + n;
}

function addCluster(bucket: FleetBucket, c: ClusterSummary) {
  bucket.clusters += 1;
  bucket.byVerdict[c.health.verdict] += 1;
  bump(bucket.byPhase, c.phase);
  bump(bucket.kubernetesVersions, c.kubernetesVersion);
  bump(bucket.regions, c.region);
  for (const [phase, n] of Object.entries(c.machinesByPhase)) {
    bump(bucket.machines.byPhase, phase, n);
    bucket.machines.total += n;
  }
  for (const [type, n] of Object.entries(c.machinesByInstanceType)) {
    bump(bucket.nodesByInstanceType, type, n);
  }
  if (c.errors.length > 0) bucket.withErrors += 1;
}

export function summarizeFleet(
  clusters: readonly ClusterSummary[],
): FleetSummary {
  const byCloud = Object.fromEntries(
    [...CLOUDS, 'other'].map(cloud => [cloud, emptyBucket()]),
  ) as Record<Cloud, FleetBucket>;
  const total = emptyBucket();
  for (const c of clusters) {
    addCluster(total, c);
    addCluster(byCloud[c.cloud] ?? byCloud.other, c);
  }
  return { total, byCloud };
}
