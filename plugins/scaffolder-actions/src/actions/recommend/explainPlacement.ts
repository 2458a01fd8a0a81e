import {
  CLOUD_TITLES,
  type NewClusterOption,
  type PlacementResult,
  type RankedCandidate,
} from '@internal/plugin-multicloud-common';
import { hourlyToMonthly, perMonth } from '../money';

function optionCost(option: NewClusterOption): string {
  if (option.costPerHour === null) return 'cost unknown';
  const estimated =
    option.provenance === 'exact' ? '' : ` (${option.provenance})`;
  return `≈ ${perMonth(hourlyToMonthly(option.costPerHour))}${estimated}`;
}

export function describeOption(option: NewClusterOption): string {
  return `${CLOUD_TITLES[option.cloud]} ${option.region}: ${
    option.workers.nodes
  } × ${option.workers.instanceType} for the workload + ${
    option.controlPlane.nodes
  } × ${option.controlPlane.instanceType} control plane, ${optionCost(option)}`;
}

function priceNotes(option: NewClusterOption): string[] {
  return [option.workers.price.note, option.controlPlane.price.note].filter(
    (note, i, all): note is string => !!note && all.indexOf(note) === i,
  );
}

function rejectionCounts(result: PlacementResult): string {
  const counts = new Map<string, number>();
  for (const r of result.rejected) {
    for (const reason of r.reasons)
      counts.set(reason.filter, (counts.get(reason.filter) ?? 0) + 1);
  }
  return [...counts].map(([filter, n]) => `${filter} ${n}`).join(', ');
}

/**
 * Existing clusters in counts only: the request runs with the scaffolder's own credentials,
 * so naming clusters here could show a requester clusters their permissions hide.
 */
function existingLine(result: PlacementResult): string {
  if (result.candidates.length) {
    return `Existing clusters: ${result.candidates.length} could host the workload instead of a new cluster.`;
  }
  const counts = rejectionCounts(result);
  return `Existing clusters: none fits${
    result.rejected.length
      ? ` (${result.rejected.length} rejected: ${counts})`
      : ''
  }.`;
}

/** Plain-text reasons for a new-cluster choice: why this cloud and region, what else was possible. */
export function explainNewCluster(
  result: PlacementResult,
  chosen: NewClusterOption,
): string {
  const others = result.newClusters.filter(o => o !== chosen);
  return [
    `Recommended new cluster: ${describeOption(chosen)}.`,
    `Residency: ${chosen.region} is allowed by ${chosen.residencyRule}.`,
    ...priceNotes(chosen).map(note => `Price note: ${note}.`),
    ...(others.length
      ? [`Alternatives: ${others.map(describeOption).join('; ')}.`]
      : []),
    ...(result.newClusterGaps.length
      ? [`Not offered: ${result.newClusterGaps.map(g => g.reason).join('; ')}.`]
      : []),
    existingLine(result),
  ].join('\n');
}

/** Plain-text reasons for placing onto an existing cluster. */
export function explainExisting(
  result: PlacementResult,
  best: RankedCandidate,
): string {
  return [
    `Recommended existing cluster: ${best.ref} (${CLOUD_TITLES[best.cloud]} ${
      best.region ?? ''
    }), score ${best.score}/100.`,
    ...best.scores.map(
      s => `${s.prioritizer} ${s.score} × weight ${s.weight}: ${s.reason}`,
    ),
    `${result.candidates.length} existing cluster(s) could host the workload.`,
  ].join('\n');
}
