import type { ClusterSummary } from '@internal/plugin-multicloud-common';
import type { FleetService } from '@internal/plugin-multicloud-node';
import { Gauge, Registry } from 'prom-client';
import type { FleetInsights } from '../insights/FleetInsights';

/** Cluster phases of CAPI; the current one is 1, the others 0, as kube-state-metrics does. */
export const CLUSTER_PHASES = [
  'Pending',
  'Provisioning',
  'Provisioned',
  'Deleting',
  'Failed',
  'Unknown',
];

/**
 * The Prometheus exposition of the fleet with the seed's metric names. Gauges are filled at
 * scrape time from the current fleet version (a few thousand series for 1,000 clusters);
 * nothing is computed per cluster between scrapes.
 */
export function createFleetMetrics(
  fleet: FleetService,
  insights: FleetInsights,
): Registry {
  const registry = new Registry();
  const gauge = <T extends string>(
    name: string,
    help: string,
    labelNames: readonly T[],
    fill: (g: Gauge<T>) => void,
  ) =>
    new Gauge<T>({
      name,
      help,
      labelNames,
      registers: [registry],
      collect() {
        this.reset();
        fill(this);
      },
    });
  const base = (c: ClusterSummary) => ({
    cluster: c.name,
    namespace: c.namespace,
    cloud: c.cloud,
  });

  gauge(
    'cluster_api_cluster_phase',
    'Phase of each CAPI Cluster: 1 for the current phase, 0 for the others',
    ['cluster', 'namespace', 'cloud', 'region', 'phase'],
    g => {
      for (const c of fleet.getFleet().clusters) {
        const current = CLUSTER_PHASES.includes(c.phase ?? '')
          ? c.phase
          : 'Unknown';
        for (const phase of CLUSTER_PHASES) {
          g.set(
            { ...base(c), region: c.region ?? '', phase },
            phase === current ? 1 : 0,
          );
        }
      }
    },
  );
  gauge(
    'cluster_api_machine_phase',
    'Machines of each cluster by phase',
    ['cluster', 'namespace', 'cloud', 'phase'],
    g => {
      for (const c of fleet.getFleet().clusters) {
        for (const [phase, count] of Object.entries(c.machinesByPhase)) {
          g.set({ ...base(c), phase }, count);
        }
      }
    },
  );
  gauge(
    'cluster_api_machine_cost_per_hour',
    'USD per hour of the machines of one instance type in a cluster (absent when no price is known)',
    ['cluster', 'namespace', 'cloud', 'region', 'instance_type', 'provenance'],
    g => {
      const { costs } = insights.current();
      for (const c of fleet.getFleet().clusters) {
        for (const line of costs.get(c.ref)?.lines ?? []) {
          if (line.kind === 'instances' && line.perHour !== null) {
            g.set(
              {
                ...base(c),
                region: c.region ?? '',
                instance_type: line.instanceType ?? 'unknown',
                provenance: line.provenance,
              },
              line.perHour,
            );
          }
        }
      }
    },
  );
  gauge(
    'cluster_api_cost_per_hour',
    'USD per hour of each cluster: machines plus the managed control-plane fee (known prices only)',
    ['cluster', 'namespace', 'cloud', 'region', 'provenance'],
    g => {
      const { costs } = insights.current();
      for (const c of fleet.getFleet().clusters) {
        const cost = costs.get(c.ref);
        if (cost) {
          g.set(
            { ...base(c), region: c.region ?? '', provenance: cost.provenance },
            cost.perHour,
          );
        }
      }
    },
  );
  gauge(
    'multicloud_cluster_verdict',
    'Health verdict of each cluster: 1 for the current verdict, 0 for the others',
    ['cluster', 'namespace', 'cloud', 'verdict'],
    g => {
      for (const c of fleet.getFleet().clusters) {
        for (const verdict of [
          'healthy',
          'degraded',
          'unhealthy',
          'provisioning',
          'deleting',
          'unknown',
        ]) {
          g.set({ ...base(c), verdict }, c.health.verdict === verdict ? 1 : 0);
        }
      }
    },
  );
  gauge(
    'multicloud_compliance_failures',
    'Failing compliance checks of each cluster, by check and severity',
    ['cluster', 'namespace', 'cloud', 'check', 'severity'],
    g => {
      const { compliance } = insights.current();
      for (const c of fleet.getFleet().clusters) {
        for (const check of compliance.get(c.ref)?.checks ?? []) {
          if (check.status !== 'not-applicable') {
            g.set(
              { ...base(c), check: check.id, severity: check.severity },
              check.status === 'fail' ? 1 : 0,
            );
          }
        }
      }
    },
  );
  gauge(
    'multicloud_fleet_stale',
    '1 while the fleet is the last known state of an unreachable or unsynced management cluster',
    [],
    g => {
      g.set(fleet.getFleet().stale ? 1 : 0);
    },
  );
  gauge(
    'multicloud_fleet_clusters',
    'Clusters known to the fleet cache',
    [],
    g => {
      g.set(fleet.getFleet().clusters.length);
    },
  );
  return registry;
}
