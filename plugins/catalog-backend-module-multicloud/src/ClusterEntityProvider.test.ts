import { mockServices } from '@backstage/backend-test-utils';
import {
  entityEnvelopeSchemaValidator,
  entitySchemaValidator,
} from '@backstage/catalog-model';
import type {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import type {
  ClusterSummary,
  FleetStatus,
} from '@internal/plugin-multicloud-common';
import type { FleetService, FleetView } from '@internal/plugin-multicloud-node';
import { ClusterEntityProvider } from './ClusterEntityProvider';

function cluster(
  namespace: string,
  name: string,
  overrides: Partial<ClusterSummary> = {},
): ClusterSummary {
  return {
    ref: `${namespace}/${name}`,
    namespace,
    name,
    apiVersion: 'cluster.x-k8s.io/v1beta2',
    cloud: 'aws',
    region: 'us-west-2',
    kubernetesVersion: 'v1.31.2',
    workers: { desired: 3, ready: 3, available: 3, upToDate: 3 },
    workerPools: [],
    machinesByInstanceType: {},
    machinesByPhase: {},
    labels: {
      owner: 'team-payments',
      environment: 'production',
      system: 'trustram',
    },
    annotations: {},
    health: { verdict: 'healthy', reasons: [] },
    errors: [],
    ...overrides,
  };
}

class FakeFleet implements FleetService {
  listeners = new Set<(f: FleetView) => void>();
  view: FleetView = {
    version: 1,
    builtAt: '',
    clusters: [],
    summary: {} as any,
    stale: false,
  };
  synced = true;
  getFleet = () => this.view;
  getStatus = () => ({ synced: this.synced } as FleetStatus);
  getCluster = () => undefined;
  getClusterObjects = () => [];
  subscribe(listener: (f: FleetView) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  publish(clusters: ClusterSummary[]) {
    this.view = { ...this.view, version: this.view.version + 1, clusters };
    this.listeners.forEach(l => l(this.view));
  }
}

async function setup() {
  const fleet = new FakeFleet();
  const mutations: EntityProviderMutation[] = [];
  const connection: EntityProviderConnection = {
    applyMutation: async m => {
      mutations.push(m);
    },
    refresh: async () => {},
  };
  const logger = mockServices.logger.mock();
  let fullRefresh: () => Promise<void> = async () => {};
  const provider = new ClusterEntityProvider({
    fleet,
    logger,
    schedule: {
      run: async task => void (fullRefresh = task.fn as () => Promise<void>),
    },
    entity: {
      managementCluster: 'mgmt',
      defaultOwner: 'group:default/platform-team',
      portalBaseUrl: 'http://portal',
    },
  });
  await provider.connect(connection);
  const settle = () => new Promise(r => setImmediate(r));
  return { fleet, mutations, logger, fullRefresh: () => fullRefresh(), settle };
}

describe('ClusterEntityProvider', () => {
  it('turns clusters into valid kubernetes-cluster Resources, unique across namespaces', async () => {
    const { fleet, mutations, fullRefresh } = await setup();
    fleet.view = {
      ...fleet.view,
      clusters: [
        cluster('default', 'prod'),
        cluster('team-b', 'prod', { cloud: 'gcp', region: 'us-west1' }),
      ],
    };
    await fullRefresh();

    expect(mutations).toHaveLength(1);
    const mutation = mutations[0] as Extract<
      EntityProviderMutation,
      { type: 'full' }
    >;
    const entities = mutation.entities.map(e => e.entity);
    expect(entities.map(e => e.metadata.name)).toEqual([
      'prod',
      'team-b--prod',
    ]);
    const validate = entityEnvelopeSchemaValidator();
    for (const entity of entities) {
      expect(() => validate(entity)).not.toThrow();
      expect(entitySchemaValidator()(entity)).toBe(entity);
    }
    expect(entities[0]).toMatchObject({
      kind: 'Resource',
      spec: {
        type: 'kubernetes-cluster',
        owner: 'team-payments',
        system: 'trustram',
      },
      metadata: {
        annotations: {
          'multicloud.io/cluster-ref': 'default/prod',
          'multicloud.io/cloud': 'aws',
          'multicloud.io/region': 'us-west-2',
          'multicloud.io/kubernetes-version': 'v1.31.2',
          'backstage.io/managed-by-location': 'multicloud:mgmt',
        },
        links: [
          {
            url: 'http://portal/multicloud/clusters/default/prod',
            title: 'Multicloud portal',
            icon: 'dashboard',
          },
        ],
      },
    });
  });

  it('names same-named clusters of two management clusters apart, each with its own', async () => {
    const { fleet, mutations, fullRefresh } = await setup();
    fleet.view = {
      ...fleet.view,
      clusters: ['eu', 'us'].map(mc =>
        cluster('default', 'prod', {
          ref: `${mc}/default/prod`,
          managementCluster: mc,
        }),
      ),
    };
    await fullRefresh();

    const mutation = mutations[0] as Extract<
      EntityProviderMutation,
      { type: 'full' }
    >;
    expect(
      mutation.entities.map(({ entity }) => [
        entity.metadata.name,
        entity.metadata.annotations?.['multicloud.io/cluster-ref'],
        entity.metadata.annotations?.['multicloud.io/management-cluster'],
        entity.metadata.annotations?.['backstage.io/managed-by-location'],
      ]),
    ).toEqual([
      ['eu--default--prod', 'eu/default/prod', 'eu', 'multicloud:eu'],
      ['us--default--prod', 'us/default/prod', 'us', 'multicloud:us'],
    ]);
  });

  it('sends only what changed as deltas when clusters appear and disappear', async () => {
    const { fleet, mutations, settle } = await setup();
    fleet.publish([cluster('default', 'a'), cluster('default', 'b')]);
    await settle();
    fleet.publish([
      cluster('default', 'a'),
      cluster('default', 'b', {
        health: { verdict: 'unhealthy', reasons: [] },
      }),
    ]);
    await settle();
    fleet.publish([cluster('default', 'a'), cluster('default', 'c')]);
    await settle();

    expect(mutations).toEqual([
      expect.objectContaining({
        type: 'delta',
        removed: [],
        added: [expect.anything(), expect.anything()],
      }),
      // A verdict change is not catalog data: no mutation for it.
      expect.objectContaining({
        type: 'delta',
        added: [
          expect.objectContaining({
            entity: expect.objectContaining({
              metadata: expect.objectContaining({ name: 'c' }),
            }),
          }),
        ],
        removed: [
          {
            entityRef: 'resource:default/b',
            locationKey: 'multicloud-clusters:mgmt',
          },
        ],
      }),
    ]);
  });

  it('writes nothing before the fleet is synced, so a cold cache never deletes entities', async () => {
    const { fleet, mutations, settle, fullRefresh } = await setup();
    fleet.synced = false;
    fleet.publish([]);
    await settle();
    await fullRefresh();
    expect(mutations).toEqual([]);
  });

  it('gives a valid entity and one warning for invalid labels', async () => {
    const { fleet, mutations, logger, settle } = await setup();
    const bad = cluster('default', 'odd', {
      labels: { owner: 'Team Payments!', environment: 'prod env' },
    });
    fleet.publish([bad]);
    await settle();
    fleet.publish([bad, cluster('default', 'other')]);
    await settle();

    const first = (
      mutations[0] as Extract<EntityProviderMutation, { type: 'delta' }>
    ).added[0].entity;
    expect(first.spec).toMatchObject({ owner: 'group:default/platform-team' });
    expect(first.metadata.labels).toEqual({ 'multicloud.io/cloud': 'aws' });
    expect(entitySchemaValidator()(first)).toBe(first);
    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect(logger.warn).toHaveBeenCalledWith(
      "Cluster default/odd: label owner='Team Payments!' is not a valid entity reference; ignored",
    );
  });
});
