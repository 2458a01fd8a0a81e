import type { ClusterSummary } from '@internal/plugin-multicloud-common';

/**
 * What is wrong with a cluster in one line, from its verdict reasons (worst first) and
 * any objects that could not be read: "control plane 1/3 available (below etcd quorum); +1 more".
 */
export function clusterProblem(cluster: ClusterSummary): string {
  const reasons = cluster.health.reasons;
  const problems = reasons.filter(r => r.severity !== 'info');
  const shown = (problems.length > 0 ? problems : reasons).map(r => r.message);
  const parts = shown.slice(0, 1);
  if (shown.length > 1) parts.push(`+${shown.length - 1} more`);
  if (cluster.errors.length > 0) {
    parts.push(
      cluster.errors.length === 1
        ? '1 object could not be read'
        : `${cluster.errors.length} objects could not be read`,
    );
  }
  return parts.join('; ') || 'no reason reported';
}
