import { mockServices } from '@backstage/backend-test-utils';
import type { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';
import type { ClusterSummary } from '@internal/plugin-multicloud-common';
import type { FleetService, FleetView } from '@internal/plugin-multicloud-node';
import { CapiClusterSupplier } from './CapiClusterSupplier';

const MARKER = 'SECRET-MARKER-7f3a';
const kubeconfig = (server: string, user: string) => `
apiVersion: v1
kind: Config
clusters: [{ name: c, cluster: { server: '${server}', certificate-authority-data: Q0E= } }]
users: [{ name: u, user: ${user} }]
contexts: [{ name: x, context: { cluster: c, user: u } }]
current-context: x
`;

function fleetWith(refs: string[]): FleetService & { refs: string[] } {
  const fleet = {
    refs,
    getFleet: () => ({ clusters: fleet.refs.map(ref => ({ ref }) as ClusterSummary) }) as unknown as FleetView,
    getStatus: () => ({}) as any,
    getCluster: () => undefined,
    getClusterObjects: () => [],
    subscribe: () => () => {},
  };
  return fleet;
}

const serviceAccount: AuthenticationStrategy = {
  getCredential: async () => ({ type: 'bearer token', token: 'from-config' }),
  validateCluster: () => [new Error('wrapped validation')],
  presentAuthMetadata: () => ({}),
};

function setup() {
  const secrets = new Map([
    ['default/trustram-aws-cluster', kubeconfig('https://127.0.0.1:6443/workload/default/trustram-aws-cluster', `{ token: ${MARKER}-token }`)],
    ['team-a/prod', kubeconfig('https://10.0.0.2', `{ client-certificate-data: Q0VSVA==, client-key-data: ${Buffer.from(`${MARKER}-key`).toString('base64')} }`)],
    ['default/broken', kubeconfig('https://10.0.0.3', `{ username: ${MARKER}-user }`)],
  ]);
  const source = { reads: 0, fail: false, read: async () => {
    source.reads++;
    if (source.fail) throw new Error('connect ECONNREFUSED');
    return secrets;
  } };
  const fleet = fleetWith(['default/trustram-aws-cluster', 'team-a/prod']);
  const logger = mockServices.logger.mock();
  let now = 0;
  const supplier = new CapiClusterSupplier({ sources: [{ secrets: source }], fleet, logger, ttlMs: 60_000, now: () => now });
  return { supplier, source, fleet, logger, tick: (ms: number) => (now += ms) };
}

describe('CapiClusterSupplier', () => {
  it('supplies one cluster per kubeconfig secret, named like the catalog Resource, with no key material', async () => {
    const { supplier, logger } = setup();
    const clusters = await supplier.getClusters();
    expect(clusters.map(c => [c.name, c.url])).toEqual([
      ['team-a--prod', 'https://10.0.0.2'],
      ['trustram-aws-cluster', 'https://127.0.0.1:6443/workload/default/trustram-aws-cluster'],
    ]);
    expect(clusters[1]).toMatchObject({
      caData: 'Q0E=',
      authMetadata: { 'kubernetes.io/auth-provider': 'serviceAccount', 'multicloud.io/capi-cluster': 'true' },
    });
    expect(JSON.stringify(clusters)).not.toContain(MARKER);
    expect(supplier.wrapServiceAccountStrategy(serviceAccount).presentAuthMetadata(clusters[0].authMetadata)).toEqual({});

    const logged = JSON.stringify(logger.warn.mock.calls);
    expect(logged).toContain('Skipping kubeconfig secret of cluster default/broken');
    expect(logged).not.toContain(MARKER);
  });

  it('reads every management cluster, names clusters like their catalog Resources, and keeps an unreachable one', async () => {
    const fleet = fleetWith([]);
    fleet.getFleet = () =>
      ({
        clusters: ['eu', 'us'].map(mc => ({ ref: `${mc}/default/prod`, namespace: 'default', name: 'prod', managementCluster: mc })),
      }) as unknown as FleetView;
    const source = (mc: string, server: string, extra: [string, string][] = []) => {
      const s = {
        fail: false,
        read: async () => {
          if (s.fail) throw new Error(`connect ECONNREFUSED (${mc})`);
          return new Map([['default/prod', kubeconfig(server, `{ token: ${mc}-token }`)], ...extra]);
        },
      };
      return s;
    };
    const eu = source('eu', 'https://10.0.0.8');
    const us = source('us', 'https://10.0.0.9', [['default/unknown', kubeconfig('https://10.0.0.10', '{ token: t }')]]);
    const logger = mockServices.logger.mock();
    let now = 0;
    const supplier = new CapiClusterSupplier({
      sources: [
        { managementCluster: 'eu', secrets: eu },
        { managementCluster: 'us', secrets: us },
      ],
      fleet,
      logger,
      ttlMs: 60_000,
      now: () => now,
    });
    const expected = [
      ['eu--default--prod', 'eu/default/prod', 'https://10.0.0.8'],
      ['us--default--prod', 'us/default/prod', 'https://10.0.0.9'],
      // Not in the fleet yet: named as the catalog will name it.
      ['us--default--unknown', 'us/default/unknown', 'https://10.0.0.10'],
    ];
    expect((await supplier.getClusters()).map(c => [c.name, c.title, c.url])).toEqual(expected);
    const strategy = supplier.wrapServiceAccountStrategy(serviceAccount);
    const clusters = await supplier.getClusters();
    await expect(strategy.getCredential(clusters[0], {})).resolves.toEqual({ type: 'bearer token', token: 'eu-token' });
    await expect(strategy.getCredential(clusters[1], {})).resolves.toEqual({ type: 'bearer token', token: 'us-token' });

    now += 61_000;
    us.fail = true;
    expect((await supplier.getClusters()).map(c => [c.name, c.title, c.url])).toEqual(expected);
    expect(JSON.stringify(logger.warn.mock.calls)).toContain('of management cluster us: connect ECONNREFUSED (us)');
  });

  it('starts with the management clusters it can read when another is down', async () => {
    const fleet = fleetWith(['a/default/x']);
    const supplier = new CapiClusterSupplier({
      sources: [
        { managementCluster: 'a', secrets: { read: async () => new Map([['default/x', kubeconfig('https://10.0.0.1', '{ token: t }')]]) } },
        { managementCluster: 'b', secrets: { read: async () => Promise.reject(new Error('down')) } },
      ],
      fleet,
      logger: mockServices.logger.mock(),
      ttlMs: 60_000,
    });
    expect((await supplier.getClusters()).map(c => c.title)).toEqual(['a/default/x']);
  });

  it('gives the auth strategy the token or client certificate of each cluster', async () => {
    const { supplier } = setup();
    const strategy = supplier.wrapServiceAccountStrategy(serviceAccount);
    const [certCluster, tokenCluster] = await supplier.getClusters();
    await expect(strategy.getCredential(tokenCluster, {})).resolves.toEqual({
      type: 'bearer token',
      token: `${MARKER}-token`,
    });
    await expect(strategy.getCredential(certCluster, {})).resolves.toEqual({
      type: 'x509 client certificate',
      cert: 'CERT',
      key: `${MARKER}-key`,
    });
  });

  it('leaves configured service-account clusters to the wrapped strategy', async () => {
    const { supplier } = setup();
    const strategy = supplier.wrapServiceAccountStrategy(serviceAccount);
    const configured = { name: 'configured', url: 'https://x', authMetadata: { serviceAccountToken: 'cfg' } };
    await expect(strategy.getCredential(configured, {})).resolves.toEqual({ type: 'bearer token', token: 'from-config' });
    expect(strategy.validateCluster({})).toEqual([new Error('wrapped validation')]);
  });

  it('caches for the TTL, refreshes when clusters appear or go, and keeps the last state on errors', async () => {
    const { supplier, source, fleet, tick } = setup();
    await supplier.getClusters();
    await supplier.getClusters();
    expect(source.reads).toBe(1);

    fleet.refs = [...fleet.refs, 'default/new'];
    await supplier.getClusters();
    expect(source.reads).toBe(2);

    tick(61_000);
    source.fail = true;
    await expect(supplier.getClusters()).resolves.toHaveLength(2);
    expect(source.reads).toBe(3);
  });
});
