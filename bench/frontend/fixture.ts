import { generateFleet } from '@internal/capi-simulator';
import {
  buildFleet,
  type ClusterSummary,
} from '@internal/plugin-multicloud-common';

/**
 * The fleet both tables show: the simulator's generator summarised by the portal's own fleet
 * model, so rows carry realistic names, verdicts, reasons and labels. Seeded: every run and
 * both pages see the same clusters.
 */
export function benchClusters(count: number): ClusterSummary[] {
  const generated = generateFleet({
    seed: 'bench-frontend',
    clusters: count,
    now: new Date('2026-01-01T00:00:00Z'),
    serverUrl: 'https://127.0.0.1:6443',
    caCert: '',
  });
  return buildFleet([...generated.objects()]).clusters;
}
