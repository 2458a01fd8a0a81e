import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { FleetService } from '@internal/plugin-multicloud-node';
import { ClusterDependencyProcessor } from './ClusterDependencyProcessor';

const component = (dependsOn: string[]): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'team-payments',
    lifecycle: 'production',
    dependsOn,
  },
});

type FleetCluster = {
  ref: string;
  namespace: string;
  name: string;
  managementCluster?: string;
};

const SINGLE_MANAGEMENT_CLUSTER: FleetCluster[] = [
  {
    ref: 'default/trustram-aws-cluster',
    namespace: 'default',
    name: 'trustram-aws-cluster',
  },
  { ref: 'team-a/prod', namespace: 'team-a', name: 'prod' },
];

function setup(synced = true, clusters = SINGLE_MANAGEMENT_CLUSTER) {
  const fleet = {
    getStatus: () => ({ synced }),
    getFleet: () => ({ version: 1, clusters }),
  } as unknown as FleetService;
  const catalog = catalogServiceMock({
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: { name: 'orders-db', namespace: 'default' },
        spec: {},
      },
    ],
  });
  const logger = mockServices.logger.mock();
  let now = 0;
  const processor = new ClusterDependencyProcessor({
    fleet,
    catalog,
    auth: mockServices.auth(),
    logger,
    now: () => now,
  });
  return { processor, logger, advance: (ms: number) => (now += ms) };
}

describe('ClusterDependencyProcessor', () => {
  it('warns about a dependency on a cluster that does not exist, once an hour', async () => {
    const { processor, logger, advance } = setup();
    const entity = component(['resource:default/trustram-aws-clustr']);
    await expect(processor.postProcessEntity(entity)).resolves.toBe(entity);
    await processor.postProcessEntity(entity);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      'component:default/payments-api depends on resource:default/trustram-aws-clustr, which is neither a cluster of the multicloud fleet nor a catalog entity',
    );
    advance(61 * 60 * 1000);
    await processor.postProcessEntity(entity);
    expect(logger.warn).toHaveBeenCalledTimes(2);
  });

  it('accepts fleet clusters (by catalog name) and other catalog resources', async () => {
    const { processor, logger } = setup();
    await processor.postProcessEntity(
      component([
        'resource:default/trustram-aws-cluster',
        'resource:team-a--prod',
        'resource:default/orders-db',
        'component:default/other',
      ]),
    );
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('knows clusters of several management clusters by their qualified names', async () => {
    const { processor, logger } = setup(true, [
      {
        ref: 'eu/default/prod',
        namespace: 'default',
        name: 'prod',
        managementCluster: 'eu',
      },
      {
        ref: 'us/default/prod',
        namespace: 'default',
        name: 'prod',
        managementCluster: 'us',
      },
    ]);
    await processor.postProcessEntity(
      component([
        'resource:default/eu--default--prod',
        'resource:default/us--default--prod',
      ]),
    );
    expect(logger.warn).not.toHaveBeenCalled();
    await processor.postProcessEntity(component(['resource:default/prod']));
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });

  it('says nothing before the fleet has synced', async () => {
    const { processor, logger } = setup(false);
    await processor.postProcessEntity(component(['resource:default/unknown']));
    expect(logger.warn).not.toHaveBeenCalled();
  });
});
