import type { ClusterSummary } from '../model/ClusterSummary';
import { makeCluster, makeFleet } from './__fixtures__';
import { clusterQueryToParams, parseClusterQuery } from './clusterQueryParams';
import { buildFleet } from './FleetIndex';
import { queryClusters } from './queryClusters';
import { summarizeCluster } from './summarizeCluster';

const clusters: ClusterSummary[] = [
  summarizeCluster(
    makeCluster({
      name: 'pay-prod',
      namespace: 'payments',
      owner: 'payments',
      environment: 'prod',
      region: 'eu-west-1',
      workers: 6,
    }),
  ),
  summarizeCluster(
    makeCluster({
      name: 'pay-dev',
      namespace: 'payments',
      owner: 'payments',
      environment: 'dev',
      cloud: 'gcp',
      health: 'degraded',
    }),
  ),
  summarizeCluster(
    makeCluster({
      name: 'search-prod',
      namespace: 'search',
      owner: 'search',
      environment: 'prod',
      cloud: 'azure',
      health: 'unhealthy',
      kubernetesVersion: 'v1.29.10',
    }),
  ),
  summarizeCluster(
    makeCluster({
      name: 'sandbox',
      namespace: 'lab',
      cloud: 'other',
      kubernetesVersion: 'v1.9.0',
      workers: 0,
    }),
  ),
];
const names = (items: ClusterSummary[]) => items.map(c => c.name);

describe('queryClusters', () => {
  it('filters by facets (OR within a facet, AND across facets)', () => {
    const page = queryClusters(clusters, {
      cloud: ['aws', 'gcp'],
      environment: ['prod'],
    });
    expect(names(page.items)).toEqual(['pay-prod']);
    expect(page).toMatchObject({ total: 1, unfilteredTotal: 4, offset: 0 });
  });

  it('counts each facet with the other filters applied, keeping selected values', () => {
    const page = queryClusters(clusters, {
      cloud: ['aws'],
      owner: ['payments'],
    });
    // cloud chips: what each cloud would give for owner=payments
    expect(page.facets.cloud).toEqual([
      { value: 'aws', count: 1 },
      { value: 'gcp', count: 1 },
    ]);
    // owner chips: what each owner would give for cloud=aws
    expect(page.facets.owner).toEqual([{ value: 'payments', count: 1 }]);
    expect(page.facets.verdict).toEqual([{ value: 'healthy', count: 1 }]);

    const none = queryClusters(clusters, { region: ['ap-south-1'] });
    expect(none.facets.region).toContainEqual({
      value: 'ap-south-1',
      count: 0,
    });
    expect(none.facets.region).toContainEqual({ value: 'eu-west-1', count: 1 });
  });

  it('filters clusters without a value through `unknown`', () => {
    expect(
      names(queryClusters(clusters, { owner: ['unknown'] }).items),
    ).toEqual(['sandbox']);
  });

  it('searches name, namespace, region and owner; every word must match', () => {
    expect(names(queryClusters(clusters, { text: 'PAY' }).items)).toEqual([
      'pay-dev',
      'pay-prod',
    ]);
    expect(
      names(queryClusters(clusters, { text: 'payments eu-west' }).items),
    ).toEqual(['pay-prod']);
    expect(names(queryClusters(clusters, { text: 'lab' }).items)).toEqual([
      'sandbox',
    ]);
  });

  it('sorts by any column, missing values last, worst verdict first', () => {
    expect(names(queryClusters(clusters, { sort: 'verdict' }).items)).toEqual([
      'search-prod',
      'pay-dev',
      'sandbox',
      'pay-prod',
    ]); // ties by ref
    expect(
      names(queryClusters(clusters, { sort: 'machines', order: 'desc' }).items),
    ).toEqual(['pay-prod', 'pay-dev', 'search-prod', 'sandbox']);
    expect(names(queryClusters(clusters, { sort: 'version' }).items)).toEqual([
      'sandbox',
      'search-prod',
      'pay-dev',
      'pay-prod',
    ]);
    expect(
      names(queryClusters(clusters, { sort: 'region', order: 'desc' }).items),
    ).toEqual(['pay-dev', 'pay-prod', 'search-prod', 'sandbox']);
    const costs: Record<string, number> = {
      'payments/pay-prod': 3,
      'search/search-prod': 5,
    };
    const byCost = queryClusters(
      clusters,
      { sort: 'cost', order: 'desc' },
      { costPerHour: c => costs[c.ref] },
    );
    expect(names(byCost.items)).toEqual([
      'search-prod',
      'pay-prod',
      'sandbox',
      'pay-dev',
    ]);
  });

  it('pages with offset and limit', () => {
    const page = queryClusters(clusters, { sort: 'name', offset: 1, limit: 2 });
    expect(names(page.items)).toEqual(['pay-prod', 'sandbox']);
    expect(page).toMatchObject({ total: 4, offset: 1, limit: 2 });
    expect(queryClusters(clusters, { offset: 10 }).items).toEqual([]);
  });

  it('answers for 10,000 clusters (sanity)', () => {
    const fleet = buildFleet(makeFleet(250)).clusters;
    const many = Array.from({ length: 40 }, () => fleet).flat();
    const page = queryClusters(many, {
      cloud: ['aws'],
      text: 'team',
      sort: 'verdict',
      limit: 50,
    });
    expect(page.total).toBe(many.filter(c => c.cloud === 'aws').length);
    expect(page.items).toHaveLength(50);
  });
});

describe('parseClusterQuery', () => {
  it('parses filters, text, sort and paging', () => {
    expect(
      parseClusterQuery({
        cloud: 'aws,gcp',
        verdict: ['degraded', 'unhealthy'],
        q: ' pay ',
        sort: 'cost',
        order: 'desc',
        offset: '0',
        limit: '50',
      }),
    ).toEqual({
      ok: true,
      query: {
        cloud: ['aws', 'gcp'],
        verdict: ['degraded', 'unhealthy'],
        text: 'pay',
        sort: 'cost',
        order: 'desc',
        offset: 0,
        limit: 50,
      },
    });
    expect(parseClusterQuery({})).toEqual({ ok: true, query: {} });
  });

  it('explains bad input', () => {
    expect(parseClusterQuery({ sort: 'colour' })).toEqual({
      ok: false,
      error: expect.stringContaining('sort must be one of name,'),
    });
    expect(parseClusterQuery({ order: 'up' })).toEqual({
      ok: false,
      error: 'order must be asc or desc; got "up"',
    });
    expect(parseClusterQuery({ limit: '-1' })).toEqual({
      ok: false,
      error: 'limit must be a whole number ≥ 0; got "-1"',
    });
  });

  it('round-trips through URL parameters', () => {
    const query = {
      cloud: ['aws'],
      owner: ['payments', 'search'],
      text: 'prod',
      sort: 'name' as const,
      order: 'asc' as const,
      offset: 20,
      limit: 10,
    };
    const params = clusterQueryToParams(query);
    expect(params.toString()).toBe(
      'cloud=aws&owner=payments%2Csearch&q=prod&sort=name&order=asc&offset=20&limit=10',
    );
    expect(parseClusterQuery(Object.fromEntries(params))).toEqual({
      ok: true,
      query,
    });
  });
});
