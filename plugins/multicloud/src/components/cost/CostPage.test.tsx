import { fireEvent, screen, waitFor } from '@testing-library/react';
import { mockApi } from '../../__testUtils__/clusters';
import { FLEET_COSTS, makeCostResponse } from '../../__testUtils__/insights';
import { LocationProbe } from '../../__testUtils__/LocationProbe';
import { renderWithApi } from '../../__testUtils__/render';
import { findTableRows } from '../../__testUtils__/tableRows';
import type { MulticloudApi } from '../../api/MulticloudApi';
import { CostPage } from './CostPage';

const SERVICES = {
  'component:default/payments-api': [
    'default/payments-eu',
    'default/search-gcp',
  ],
  'component:default/search-indexer': ['default/search-gcp'],
};

function render(impl: Partial<MulticloudApi> = {}, route = '/multicloud/cost') {
  return renderWithApi(
    <>
      <CostPage />
      <LocationProbe />
    </>,
    mockApi({
      getCost: async () => makeCostResponse(FLEET_COSTS, SERVICES),
      ...impl,
    }),
    { initialRouteEntries: [route] },
  );
}

describe('CostPage', () => {
  it('shows the total in both units and the cost per cloud with shares and provenance', async () => {
    render();
    expect(
      await screen.findByText(/\$14\.00\/h · \$10,220\/month/),
    ).toHaveTextContent('(estimated: some prices are fallbacks)');
    expect(
      screen.getByText('3 clusters; prices from the snapshot of 2026-01-15'),
    ).toBeInTheDocument();
    expect(await findTableRows('Cost by cloud')).toEqual([
      ['GCP', '1 cluster', '$12.00', '$8,760', '86%', 'exact prices'],
      [
        'AWS',
        '2 clusters',
        '$2.00',
        '$1,460',
        '14%',
        'estimated: some prices are fallbacks',
      ],
    ]);
    expect(screen.getByRole('link', { name: '2 clusters' })).toHaveAttribute(
      'href',
      '/multicloud/clusters?cloud=aws',
    );
  });

  it('groups by team with the switch, keeping the grouping in the URL', async () => {
    render();
    fireEvent.click(await screen.findByRole('button', { name: 'Team' }));
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        '/multicloud/cost?by=owner',
      ),
    );
    expect((await findTableRows('Cost by team')).map(r => r[0])).toEqual([
      'team-search',
      'team-payments',
    ]);
    expect(screen.getByRole('link', { name: '2 clusters' })).toHaveAttribute(
      'href',
      '/multicloud/clusters?owner=team-payments',
    );
    expect(screen.getByRole('button', { name: 'Team' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('splits shared clusters among services, states the rule and lists the unallocated ones', async () => {
    render({}, '/multicloud/cost?by=service');
    expect(await findTableRows('Cost by service')).toEqual([
      [
        'payments-api',
        'payments-eu, search-gcp',
        '$7.50',
        '$5,475',
        '54%',
        'exact prices',
      ],
      [
        'search-indexer',
        'search-gcp',
        '$6.00',
        '$4,380',
        '43%',
        'exact prices',
      ],
      [
        'Unallocated (no service depends on these)',
        'payments-us',
        '$0.50',
        '$365',
        '4%',
        'estimated: some prices are fallbacks',
      ],
    ]);
    expect(
      screen.getAllByRole('link', { name: 'search-gcp' })[0],
    ).toHaveAttribute('href', '/multicloud/clusters/default/search-gcp');
    expect(
      screen.getByText(/split equally among the services that depend on it/),
    ).toBeInTheDocument();
  });

  it('says why service costs are missing instead of showing none', async () => {
    render(
      {
        getCost: async () =>
          makeCostResponse(FLEET_COSTS, SERVICES, {
            services: { error: 'service costs unavailable: catalog timeout' },
          }),
      },
      '/multicloud/cost?by=service',
    );
    expect(
      await screen.findByText(/Cost per service is unavailable/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/service costs unavailable: catalog timeout/),
    ).toBeInTheDocument();
    // The fleet total is still there.
    expect(screen.getByText(/\$14\.00\/h/)).toBeInTheDocument();
  });

  it('lists the most expensive clusters with links to their detail', async () => {
    render();
    const rows = await findTableRows('Most expensive clusters');
    expect(rows.map(r => r[0])).toEqual([
      'search-gcp',
      'payments-eu',
      'payments-us',
    ]);
    expect(rows[0]).toEqual([
      'search-gcp',
      'GCP',
      'europe-west1',
      'team-search',
      'staging',
      '$12.00',
      '$8,760',
      'exact prices',
    ]);
  });

  it("narrows to my team's clusters with the toggle", async () => {
    render();
    const toggle = await screen.findByRole('checkbox', { name: 'My team' });
    await waitFor(() => expect(toggle).toBeEnabled());
    fireEvent.click(toggle);
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        '/multicloud/cost?owner=team-payments',
      ),
    );
    expect(await screen.findByText('Cost of your teams')).toBeInTheDocument();
    expect(screen.getByText(/\$2\.00\/h · \$1,460\/month/)).toBeInTheDocument();
    expect((await findTableRows('Cost by cloud')).map(r => r[0])).toEqual([
      'AWS',
    ]);
    expect(screen.getByRole('link', { name: '2 clusters' })).toHaveAttribute(
      'href',
      '/multicloud/clusters?cloud=aws&owner=team-payments',
    );
  });

  it('says when my teams own nothing', async () => {
    render({}, '/multicloud/cost?owner=team-nobody');
    expect(
      await screen.findByText('Your teams own no clusters'),
    ).toBeInTheDocument();
  });

  it('says so when there are no clusters', async () => {
    render({ getCost: async () => makeCostResponse([]) });
    expect(await screen.findByText('No clusters yet')).toBeInTheDocument();
  });

  it('warns when the data is the last known state', async () => {
    render({
      getCost: async () =>
        makeCostResponse(FLEET_COSTS, SERVICES, { stale: true }),
      getStatus: async () => ({
        synced: true,
        stale: true,
        version: 7,
        managementClusters: [],
      }),
    });
    expect(
      await screen.findByText(/Showing the last known state/),
    ).toBeInTheDocument();
    expect(screen.getByText(/\$14\.00\/h/)).toBeInTheDocument();
  });

  it('explains a failing backend and retries', async () => {
    const getCost = jest
      .fn()
      .mockRejectedValueOnce(new Error('connection refused'))
      .mockResolvedValue(makeCostResponse(FLEET_COSTS, SERVICES));
    render({ getCost });
    expect(
      await screen.findByText(/Could not load the fleet's cost/),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText(/\$14\.00\/h/)).toBeInTheDocument();
  });
});
