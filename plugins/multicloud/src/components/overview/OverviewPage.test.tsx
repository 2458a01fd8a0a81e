import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  makeBucket,
  makeCluster,
  makeClustersResponse,
  makeFleet,
  mockApi,
} from '../../__testUtils__/clusters';
import { LocationProbe } from '../../__testUtils__/LocationProbe';
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

function render(
  api = mockApi({
    getFleet: async () => makeFleet(),
    listClusters: async () => attention,
  }),
  route = '/multicloud',
) {
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
    render(
      mockApi({
        getFleet: async () => fleet,
        listClusters: async () => attention,
      }),
    );
    expect(
      await screen.findByRole('heading', { name: 'Other' }),
    ).toBeInTheDocument();
  });

  it('lists what needs attention, worst first, in words, with links to the detail', async () => {
    const listClusters = jest.fn(async () => attention);
    render(mockApi({ getFleet: async () => makeFleet(), listClusters }));
    const list = await screen.findByRole('list', {
      name: 'Clusters needing attention',
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

  it('shows no cost or compliance numbers until those APIs exist', async () => {
    render();
    await screen.findByRole('heading', { name: 'AWS' });
    expect(screen.queryByText(/\$/)).not.toBeInTheDocument();
    expect(screen.queryByText(/complian/i)).not.toBeInTheDocument();
  });

  it('warns when the data is the last known state', async () => {
    render(
      mockApi({
        getFleet: async () => makeFleet({ stale: true }),
        listClusters: async () => attention,
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
    render(mockApi({ getFleet, listClusters: async () => attention }));
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
      mockApi({
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
      mockApi({
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
      mockApi({
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
    render(mockApi({ getFleet, listClusters }));
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
  });
});
