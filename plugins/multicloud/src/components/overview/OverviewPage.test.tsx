import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  makeBucket,
  makeCluster,
  makeClustersResponse,
  makeFleet,
  mockApi,
} from '../../__testUtils__/clusters';
import {
  FLEET_COSTS,
  FLEET_REPORTS,
  makeClusterCost,
  makeComplianceResponse,
  makeCostResponse,
  makeHistory,
} from '../../__testUtils__/insights';
import { LocationProbe } from '../../__testUtils__/LocationProbe';
import type { HistoryQuery } from '@internal/plugin-multicloud-common';
import type { MulticloudApi } from '../../api/MulticloudApi';
import { renderWithApi } from '../../__testUtils__/render';
import { OverviewPage } from './OverviewPage';

const attention = makeClustersResponse(
  [
    makeCluster('trustram-aws-cluster', { verdict: 'unhealthy' }),
    makeCluster('search-gcp', {
      verdict: 'degraded',
      cloud: 'gcp',
      region: 'europe-west1',
    }),
  ],
  { total: 14 },
);

const DAY_MS = 86_400_000;

/** The overview's APIs answering the seed-like fleet; override what the test is about. */
function overviewApi(impl: Partial<MulticloudApi> = {}): MulticloudApi {
  return mockApi({
    getFleet: async () => makeFleet(),
    listClusters: async () => attention,
    getCost: async () => makeCostResponse(FLEET_COSTS),
    getCompliance: async () => makeComplianceResponse(FLEET_REPORTS),
    getHistory: async () => makeHistory(),
    ...impl,
  });
}

function render(api = overviewApi(), route = '/multicloud') {
  return renderWithApi(
    <>
      <OverviewPage />
      <LocationProbe />
    </>,
    api,
    { initialRouteEntries: [route] },
  );
}

describe('OverviewPage', () => {
  it('shows a card per cloud with clusters, attention and verdicts in words', async () => {
    render();
    expect(await screen.findByText('Multicloud fleet')).toBeInTheDocument();
    const aws = (await screen.findByRole('heading', { name: 'AWS' })).closest(
      '.MuiCard-root',
    ) as HTMLElement;
    expect(
      within(aws).getByRole('link', { name: /12\s+clusters/ }),
    ).toHaveAttribute('href', '/multicloud/clusters?cloud=aws');
    expect(
      within(aws).getByRole('link', { name: '3 need attention' }),
    ).toHaveAttribute(
      'href',
      '/multicloud/clusters?cloud=aws&verdict=unhealthy%2Cdegraded%2Cunknown%2Cprovisioning%2Cdeleting&sort=verdict',
    );
    const verdicts = within(aws).getByRole('list', {
      name: 'Clusters by verdict',
    });
    expect(verdicts).toHaveTextContent('9 healthy');
    expect(verdicts).toHaveTextContent('2 degraded');
    expect(verdicts).toHaveTextContent('1 unhealthy');
    expect(
      within(aws).getByText('60 (58 running, 2 failed)'),
    ).toBeInTheDocument();
    expect(
      within(aws).getByRole('link', { name: 'eu-west-1 (8)' }),
    ).toHaveAttribute(
      'href',
      '/multicloud/clusters?cloud=aws&region=eu-west-1',
    );
    expect(within(aws).getByText(/v1\.30\.2 \(10\)/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Azure' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'GCP' })).toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: 'Other' }),
    ).not.toBeInTheDocument();
  });

  it('adds an Other card only when clusters run elsewhere', async () => {
    const fleet = makeFleet();
    fleet.summary.byCloud.other = makeBucket({
      clusters: 1,
      byVerdict: { ...makeBucket().byVerdict, unknown: 1 },
    });
    render(overviewApi({ getFleet: async () => fleet }));
    expect(
      await screen.findByRole('heading', { name: 'Other' }),
    ).toBeInTheDocument();
  });

  it('lists what needs attention, worst first, in words, with links to the detail', async () => {
    const listClusters = jest.fn(async () => attention);
    render(overviewApi({ listClusters }));
    const list = await screen.findByRole('list', {
      name: 'Unhealthy, degraded and unknown clusters',
    });
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(
      'trustram-aws-cluster: control plane 1/3 available (below etcd quorum)',
    );
    expect(
      within(items[0]).getByRole('link', { name: 'trustram-aws-cluster' }),
    ).toHaveAttribute(
      'href',
      '/multicloud/clusters/default/trustram-aws-cluster',
    );
    expect(items[1]).toHaveTextContent('search-gcp: workers 2/3 available');
    expect(listClusters).toHaveBeenCalledWith({
      verdict: ['unhealthy', 'degraded', 'unknown'],
      sort: 'verdict',
      limit: 10,
    });
    expect(
      screen.getByText('All 14 clusters needing attention'),
    ).toBeInTheDocument();
  });

  it("shows each cloud's cost in both units with provenance, and its compliance rate", async () => {
    render();
    const aws = (await screen.findByRole('heading', { name: 'AWS' })).closest(
      '.MuiCard-root',
    ) as HTMLElement;
    // payments-eu $1.50/h (exact) + payments-us $0.50/h (estimated) = $2/h, $1,460/month.
    expect(
      await within(aws).findByText(/\$2\.00\/h · \$1,460\/month/),
    ).toHaveTextContent('(estimated: some prices are fallbacks)');
    expect(
      within(aws).getByRole('link', { name: '1 of 2 compliant (50%)' }),
    ).toHaveAttribute('href', '/multicloud/compliance');
    const gcp = screen
      .getByRole('heading', { name: 'GCP' })
      .closest('.MuiCard-root') as HTMLElement;
    expect(
      within(gcp).getByText('$12.00/h · $8,760/month'),
    ).toBeInTheDocument();
    expect(within(gcp).getByText('0 of 1 compliant (0%)')).toBeInTheDocument();
    // Azure has clusters in the fleet summary but no cost or report: no made-up numbers.
    const azure = screen
      .getByRole('heading', { name: 'Azure' })
      .closest('.MuiCard-root') as HTMLElement;
    expect(within(azure).queryByText(/\$/)).not.toBeInTheDocument();
    expect(within(azure).queryByText(/compliant/)).not.toBeInTheDocument();
  });

  it('lists compliance failures, most severe first, and clusters costing over twice the median', async () => {
    const costs = [
      ...FLEET_COSTS,
      makeClusterCost('default/batch-big', 40, { owner: 'team-batch' }),
    ];
    render(overviewApi({ getCost: async () => makeCostResponse(costs) }));
    const failures = await screen.findByRole('list', {
      name: 'Compliance failures',
    });
    const items = within(failures).getAllByRole('listitem');
    expect(items.map(i => i.textContent)).toEqual([
      expect.stringMatching(
        /payments-us: fails Workload identity instead of static credentials.*critical · AWS · team-payments/,
      ),
      expect.stringMatching(
        /search-gcp: fails Node disk encryption.*high · GCP/,
      ),
    ]);
    expect(
      within(items[0]).getByRole('link', { name: 'payments-us' }),
    ).toHaveAttribute('href', '/multicloud/clusters/default/payments-us');
    // Median of 0.5, 1.5, 12, 40 is $6.75/h: search-gcp (1.8×) stays, batch-big (5.9×) is listed.
    const expensive = screen.getByRole('list', {
      name: 'High cost (over 2× the median cluster)',
    });
    expect(within(expensive).getAllByRole('listitem')).toHaveLength(1);
    expect(expensive).toHaveTextContent(
      'batch-big: $29,200/month, 5.9× the median cluster',
    );
  });

  it('keeps the cards when cost and compliance cannot be loaded', async () => {
    render(
      overviewApi({
        getCost: async () => {
          throw new Error('cost engine down');
        },
        getCompliance: async () => {
          throw new Error('compliance engine down');
        },
      }),
    );
    expect(
      await screen.findByText(/Could not load the fleet's cost/),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/Could not load the compliance reports/),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'AWS' })).toBeInTheDocument();
    expect(
      await screen.findByRole('list', {
        name: 'Unhealthy, degraded and unknown clusters',
      }),
    ).toBeInTheDocument();
  });

  it('charts cost by cloud and verdicts over the chosen range, with the latest values in words', async () => {
    const t = Date.parse('2026-01-15T12:00:00Z');
    const getHistory = jest.fn(async (q: { metric: string }) =>
      q.metric === 'verdicts'
        ? makeHistory({
            metric: 'verdicts',
            series: [
              {
                key: 'fleet',
                points: [
                  {
                    t,
                    value: 2,
                    verdicts: {
                      healthy: 2,
                      degraded: 1,
                      unhealthy: 0,
                      other: 0,
                    },
                  },
                ],
              },
            ],
          })
        : makeHistory({
            series: [
              { key: 'aws', points: [{ t, value: 2 }] },
              { key: 'gcp', points: [{ t, value: null }] },
            ],
          }),
    );
    render(overviewApi({ getHistory }));
    expect(
      await screen.findByText(
        'Cost per hour by cloud; latest: AWS $2.00/h, GCP unknown',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Clusters by verdict; latest: 2 healthy, 1 degraded, 0 unhealthy, 0 other',
      ),
    ).toBeInTheDocument();
    expect(getHistory).toHaveBeenCalledWith(
      expect.objectContaining({ metric: 'cost_per_hour', groupBy: 'cloud' }),
    );
    // The charts' ranges, read from their verdicts requests (the sparklines ask for cost only).
    const verdictRanges = () =>
      (getHistory.mock.calls as unknown as Array<[HistoryQuery]>)
        .filter(([q]) => q.metric === 'verdicts')
        .map(([q]) => q.to! - q.from!);
    expect(verdictRanges()).toEqual([DAY_MS]);

    fireEvent.click(screen.getByRole('button', { name: '7 days' }));
    await waitFor(() => expect(verdictRanges()).toEqual([DAY_MS, 7 * DAY_MS]));
    expect(screen.getByRole('button', { name: '7 days' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it("draws each cloud's 30-day cost trend in its card, but not for My team", async () => {
    const t = Date.parse('2026-01-15T12:00:00Z');
    const getHistory = jest.fn(async (q: HistoryQuery) =>
      makeHistory({
        series:
          q.metric === 'cost_per_hour'
            ? [
                {
                  key: 'aws',
                  points: [
                    { t, value: 2 },
                    { t: t + 3_600_000, value: 2.5 },
                  ],
                },
              ]
            : [],
      }),
    );
    render(overviewApi({ getHistory }));
    const aws = (await screen.findByRole('heading', { name: 'AWS' })).closest(
      '.MuiCard-root',
    ) as HTMLElement;
    expect(await within(aws).findByText('30 days')).toBeInTheDocument();
    const gcp = screen
      .getByRole('heading', { name: 'GCP' })
      .closest('.MuiCard-root') as HTMLElement;
    expect(within(gcp).queryByText('30 days')).not.toBeInTheDocument();
    const trend = (getHistory.mock.calls as unknown as Array<[HistoryQuery]>)
      .map(([q]) => q)
      .filter(q => q.to! - q.from! === 30 * DAY_MS);
    expect(trend).toEqual([
      expect.objectContaining({ metric: 'cost_per_hour', groupBy: 'cloud' }),
    ]);
  });

  it('says when there is no history yet', async () => {
    render();
    expect(
      await screen.findByText(/No samples in the last 24 hours yet/),
    ).toBeInTheDocument();
  });

  it('explains a history request the backend refuses', async () => {
    render(
      overviewApi({
        getHistory: async () => {
          throw new Error(
            'cluster: required when your access is limited to the clusters your groups own',
          );
        },
      }),
    );
    expect(
      await screen.findByText(/Could not load the history/),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/required when your access is limited/).length,
    ).toBeGreaterThan(0);
  });

  it('warns when the data is the last known state', async () => {
    render(
      overviewApi({
        getFleet: async () => makeFleet({ stale: true }),
        getStatus: async () => ({
          synced: true,
          stale: true,
          version: 7,
          managementClusters: [
            {
              name: 'mgmt-eu',
              discovered: true,
              lastError: 'connect ECONNREFUSED',
              kinds: [],
            },
          ],
        }),
      }),
    );
    expect(
      await screen.findByText(
        /Showing the last known state: the management cluster is not reachable/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'AWS' })).toBeInTheDocument();
    expect(await screen.findByText('connect ECONNREFUSED')).toBeInTheDocument();
  });

  it('explains a failing backend and retries', async () => {
    const getFleet = jest
      .fn()
      .mockRejectedValueOnce(new Error('connection refused'))
      .mockResolvedValue(makeFleet());
    render(overviewApi({ getFleet }));
    expect(
      await screen.findByText(/Could not load the fleet summary/),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('heading', { name: 'AWS' }),
    ).toBeInTheDocument();
  });

  it('says so when there are no clusters', async () => {
    render(
      overviewApi({
        getFleet: async () =>
          makeFleet({
            summary: {
              total: makeBucket(),
              byCloud: {
                aws: makeBucket(),
                azure: makeBucket(),
                gcp: makeBucket(),
                other: makeBucket(),
              },
            },
          }),
        listClusters: async () => makeClustersResponse([]),
      }),
    );
    expect(await screen.findByText('No clusters yet')).toBeInTheDocument();
  });

  it('does not claim the fleet is empty while it is still being read', async () => {
    const empty = makeBucket();
    render(
      overviewApi({
        getFleet: async () =>
          makeFleet({
            stale: true,
            summary: {
              total: empty,
              byCloud: { aws: empty, azure: empty, gcp: empty, other: empty },
            },
          }),
        listClusters: async () => makeClustersResponse([]),
        getStatus: async () => ({
          synced: false,
          stale: true,
          version: 0,
          managementClusters: [],
        }),
      }),
    );
    expect(
      await screen.findByText('No clusters known yet'),
    ).toBeInTheDocument();
  });

  it('disables My team for a user in no team', async () => {
    renderWithApi(
      <OverviewPage />,
      overviewApi({
        getFleet: async () => makeFleet(),
        listClusters: async () => attention,
      }),
      {
        initialRouteEntries: ['/multicloud'],
        ownershipEntityRefs: ['user:default/ada'],
      },
    );
    await screen.findByRole('heading', { name: 'AWS' });
    await waitFor(() =>
      expect(
        screen.getByRole('checkbox', { name: 'My team' }).closest('label'),
      ).toHaveAttribute(
        'title',
        'You are not a member of any team in the catalog',
      ),
    );
    expect(screen.getByRole('checkbox', { name: 'My team' })).toBeDisabled();
  });

  it('narrows everything to my team with the toggle, keeping it in the URL', async () => {
    const mine = makeCluster('payments-eu', { verdict: 'degraded' });
    const listClusters = jest.fn(async () => makeClustersResponse([mine]));
    const getFleet = jest.fn(async () => makeFleet());
    const getHistory = jest.fn(async () => makeHistory());
    render(overviewApi({ getFleet, listClusters, getHistory }));
    const toggle = await screen.findByRole('checkbox', { name: 'My team' });
    await waitFor(() => expect(toggle).toBeEnabled());
    fireEvent.click(toggle);
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        '/multicloud?owner=team-payments',
      ),
    );
    await waitFor(() =>
      expect(listClusters).toHaveBeenCalledWith({
        owner: ['team-payments'],
        limit: 5000,
      }),
    );
    const aws = (await screen.findByRole('heading', { name: 'AWS' })).closest(
      '.MuiCard-root',
    ) as HTMLElement;
    await waitFor(() =>
      expect(
        within(aws).getByRole('link', { name: /1\s+cluster$/ }),
      ).toHaveAttribute(
        'href',
        '/multicloud/clusters?cloud=aws&owner=team-payments',
      ),
    );
    expect(getFleet).toHaveBeenCalledTimes(1);
    // Cost, compliance and history follow the toggle: team-search's GCP cluster drops out.
    expect(
      within(aws).getByText(/\$2\.00\/h · \$1,460\/month/),
    ).toBeInTheDocument();
    const gcp = screen
      .getByRole('heading', { name: 'GCP' })
      .closest('.MuiCard-root') as HTMLElement;
    expect(within(gcp).queryByText(/\$/)).not.toBeInTheDocument();
    const failures = screen.getByRole('list', { name: 'Compliance failures' });
    expect(within(failures).getAllByRole('listitem')).toHaveLength(1);
    expect(failures).toHaveTextContent('payments-us');
    await waitFor(() =>
      expect(getHistory).toHaveBeenCalledWith(
        expect.objectContaining({ metric: 'verdicts', groupBy: 'owner' }),
      ),
    );
    // Only the charts ask with owners on; the cloud sparklines are not asked for again.
    const calls = (
      getHistory.mock.calls as unknown as Array<[HistoryQuery]>
    ).map(([q]) => q);
    const afterToggle = calls.slice(
      calls.findIndex(q => q.groupBy === 'owner'),
    );
    expect(afterToggle.every(q => q.groupBy === 'owner')).toBe(true);
    expect(
      await screen.findByText(/No samples in the last 24 hours yet/),
    ).toBeInTheDocument();
    expect(screen.getByText('Your teams')).toBeInTheDocument();
  });
});
