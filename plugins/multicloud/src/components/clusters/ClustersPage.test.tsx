import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import type { ClusterQuery } from '@internal/plugin-multicloud-common';
import {
  makeCluster,
  makeClustersResponse,
  mockApi,
} from '../../__testUtils__/clusters';
import { LocationProbe } from '../../__testUtils__/LocationProbe';
import { renderWithApi } from '../../__testUtils__/render';
import { ClustersPage } from './ClustersPage';
import { SEARCH_DEBOUNCE_MS } from './ClusterSearchField';

const clusters = [
  makeCluster('payments-eu', { verdict: 'unhealthy' }),
  makeCluster('search-gcp', {
    cloud: 'gcp',
    region: 'europe-west1',
    labels: { owner: 'team-search' },
  }),
  makeCluster('broken', {
    verdict: 'unknown',
    errors: [
      'MachineDeployment default/broken-md-0: spec.replicas is not a number',
    ],
  }),
];

function render(
  api = mockApi({ listClusters: async () => makeClustersResponse(clusters) }),
  route = '/multicloud/clusters',
) {
  return renderWithApi(
    <>
      <ClustersPage />
      <LocationProbe />
    </>,
    api,
    { initialRouteEntries: [route] },
  );
}

const location = () => screen.getByTestId('location').textContent;

describe('ClustersPage', () => {
  it('lists clusters with verdicts in words and per-row errors', async () => {
    render();
    const table = await screen.findByRole('grid');
    expect(await within(table).findByText('payments-eu')).toBeInTheDocument();
    expect(
      within(table).getByText(
        'control plane 1/3 available (below etcd quorum)',
      ),
    ).toBeInTheDocument();
    expect(within(table).getByText(/1 unreadable object/)).toBeInTheDocument();
    expect(screen.getByText('3 clusters')).toBeInTheDocument();
  });

  it('fetches the whole filtered list in one request, with the filters from the URL', async () => {
    const listClusters = jest.fn(async (_q?: ClusterQuery) =>
      makeClustersResponse(clusters),
    );
    render(
      mockApi({ listClusters }),
      '/multicloud/clusters?cloud=aws,gcp&verdict=degraded&q=eu&sort=machines&order=desc',
    );
    await screen.findByRole('grid');
    expect(listClusters).toHaveBeenCalledWith({
      cloud: ['aws', 'gcp'],
      verdict: ['degraded'],
      text: 'eu',
      sort: 'machines',
      order: 'desc',
      offset: 0,
      limit: 5000,
    });
    expect(
      screen.getByRole('searchbox', { name: 'Search clusters' }),
    ).toHaveValue('eu');
  });

  it('offers chips with counts per value and keeps the selection in the URL', async () => {
    const listClusters = jest.fn(async (_q?: ClusterQuery) =>
      makeClustersResponse(clusters),
    );
    render(mockApi({ listClusters }));
    const cloud = await screen.findByRole('group', { name: 'Cloud' });
    const gcp = within(cloud).getByRole('button', { name: 'GCP 1' });
    expect(gcp).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(gcp);
    await waitFor(() =>
      expect(location()).toBe('/multicloud/clusters?cloud=gcp'),
    );
    await waitFor(() =>
      expect(listClusters).toHaveBeenLastCalledWith(
        expect.objectContaining({ cloud: ['gcp'] }),
      ),
    );
    expect(
      within(screen.getByRole('group', { name: 'Cloud' })).getByRole('button', {
        name: 'GCP 1',
      }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(
      within(screen.getByRole('group', { name: 'Owner' })).getByRole('button', {
        name: 'team-search 1',
      }),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('group', { name: 'Health' })).getByRole(
        'button',
        { name: 'Unhealthy 1' },
      ),
    ).toBeInTheDocument();
  });

  it('debounces the search and sorts by a column header', async () => {
    jest.useFakeTimers();
    try {
      const listClusters = jest.fn(async (_q?: ClusterQuery) =>
        makeClustersResponse(clusters),
      );
      render(mockApi({ listClusters }));
      await screen.findByRole('grid');
      const search = screen.getByRole('searchbox', { name: 'Search clusters' });
      fireEvent.change(search, { target: { value: 'pay' } });
      fireEvent.change(search, { target: { value: 'paym' } });
      expect(location()).toBe('/multicloud/clusters');
      await act(async () => {
        jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
      });
      expect(location()).toBe('/multicloud/clusters?q=paym');
      expect(listClusters).not.toHaveBeenCalledWith(
        expect.objectContaining({ text: 'pay' }),
      );

      fireEvent.click(screen.getByRole('columnheader', { name: /Machines/ }));
      await waitFor(() =>
        expect(location()).toBe(
          '/multicloud/clusters?q=paym&sort=machines&order=asc',
        ),
      );
    } finally {
      jest.useRealTimers();
    }
  });

  it('narrows the rows it has at each keystroke, before the debounced request', async () => {
    jest.useFakeTimers();
    try {
      const listClusters = jest.fn(async (q?: ClusterQuery) =>
        makeClustersResponse(q?.text === 'search' ? [clusters[1]] : clusters),
      );
      render(mockApi({ listClusters }));
      const table = await screen.findByRole('grid');
      await within(table).findByText('payments-eu');
      const requests = listClusters.mock.calls.length;

      fireEvent.change(
        screen.getByRole('searchbox', { name: 'Search clusters' }),
        { target: { value: 'search' } },
      );
      expect(within(table).getByText('search-gcp')).toBeInTheDocument();
      expect(within(table).queryByText('payments-eu')).not.toBeInTheDocument();
      expect(screen.getByText('1 of 3 clusters')).toBeInTheDocument();
      expect(listClusters).toHaveBeenCalledTimes(requests);
      expect(location()).toBe('/multicloud/clusters');

      await act(async () => {
        jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
      });
      await waitFor(() =>
        expect(listClusters).toHaveBeenLastCalledWith(
          expect.objectContaining({ text: 'search' }),
        ),
      );

      // Broader than the search the rows answer: they stay until the backend answers.
      fireEvent.change(
        screen.getByRole('searchbox', { name: 'Search clusters' }),
        { target: { value: 'sea' } },
      );
      expect(within(table).queryByText('payments-eu')).not.toBeInTheDocument();
      await act(async () => {
        jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
      });
      expect(await within(table).findByText('payments-eu')).toBeInTheDocument();
    } finally {
      jest.useRealTimers();
    }
  });

  it('stops narrowing when another filter changes: the rows then wait for the backend', async () => {
    jest.useFakeTimers();
    try {
      render();
      const table = await screen.findByRole('grid');
      await within(table).findByText('payments-eu');
      fireEvent.change(
        screen.getByRole('searchbox', { name: 'Search clusters' }),
        { target: { value: 'search' } },
      );
      expect(within(table).queryByText('payments-eu')).not.toBeInTheDocument();

      // The rows on screen answer no cloud filter: they cannot say which AWS clusters match.
      fireEvent.click(
        within(screen.getByRole('group', { name: 'Cloud' })).getByRole(
          'button',
          { name: /^AWS/ },
        ),
      );
      expect(within(table).getByText('payments-eu')).toBeInTheDocument();
    } finally {
      jest.useRealTimers();
    }
  });

  it('opens the detail on row click', async () => {
    render();
    const table = await screen.findByRole('grid');
    fireEvent.click(await within(table).findByText('search-gcp'));
    await waitFor(() =>
      expect(location()).toBe('/multicloud/clusters/default/search-gcp'),
    );
  });

  it('names the management cluster in the link when the fleet spans several', async () => {
    const qualified = makeCluster('payments-eu', {
      ref: 'mc-east/default/payments-eu',
      managementCluster: 'mc-east',
    });
    render(
      mockApi({ listClusters: async () => makeClustersResponse([qualified]) }),
    );
    const table = await screen.findByRole('grid');
    fireEvent.click(await within(table).findByText('payments-eu'));
    await waitFor(() =>
      expect(location()).toBe(
        '/multicloud/clusters/default/payments-eu?managementCluster=mc-east',
      ),
    );
  });

  it('opens the detail with the Enter key', async () => {
    render();
    const table = await screen.findByRole('grid');
    const row = (await within(table).findByText('payments-eu')).closest(
      '[role="row"]',
    ) as HTMLElement;
    act(() => row.focus());
    fireEvent.keyDown(row, { key: 'Enter' });
    fireEvent.keyUp(row, { key: 'Enter' });
    await waitFor(() =>
      expect(location()).toBe('/multicloud/clusters/default/payments-eu'),
    );
  });

  it('tells when no cluster matches and offers to clear the filters', async () => {
    render(
      mockApi({ listClusters: async () => makeClustersResponse([]) }),
      '/multicloud/clusters?cloud=azure&sort=name',
    );
    expect(
      await screen.findByText('No cluster matches these filters'),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() =>
      expect(location()).toBe('/multicloud/clusters?sort=name'),
    );
  });

  it('ignores an invalid link with an explanation', async () => {
    const listClusters = jest.fn(async (_q?: ClusterQuery) =>
      makeClustersResponse(clusters),
    );
    render(mockApi({ listClusters }), '/multicloud/clusters?sort=price');
    expect(await screen.findByText(/sort must be one of/)).toBeInTheDocument();
    expect(listClusters).toHaveBeenCalledWith({ offset: 0, limit: 5000 });
  });

  it('shows the stale banner and an error without losing the page', async () => {
    render(
      mockApi({
        listClusters: async () =>
          makeClustersResponse(clusters, { stale: true }),
      }),
    );
    expect(
      await screen.findByText(/Showing the last known state/),
    ).toBeInTheDocument();
    expect(screen.getByRole('grid')).toBeInTheDocument();
  });

  it('explains a failed request', async () => {
    render(
      mockApi({
        listClusters: async () =>
          Promise.reject(new Error('limit must be at most 5000')),
      }),
    );
    expect(
      await screen.findByText(/Could not list the clusters/),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/limit must be at most 5000/).length,
    ).toBeGreaterThan(0);
  });

  it('filters to my team with the toggle', async () => {
    const listClusters = jest.fn(async (_q?: ClusterQuery) =>
      makeClustersResponse(clusters),
    );
    render(mockApi({ listClusters }), '/multicloud/clusters?cloud=aws');
    const toggle = await screen.findByRole('checkbox', { name: 'My team' });
    await waitFor(() => expect(toggle).toBeEnabled());
    fireEvent.click(toggle);
    await waitFor(() =>
      expect(location()).toBe(
        '/multicloud/clusters?cloud=aws&owner=team-payments',
      ),
    );
  });
});

describe('ClustersPage with 2,000 clusters', () => {
  const sizes = { clientHeight: 600, clientWidth: 1200 };
  const originals = Object.fromEntries(
    Object.keys(sizes).map(k => [
      k,
      Object.getOwnPropertyDescriptor(HTMLElement.prototype, k),
    ]),
  );
  beforeAll(() => {
    // jsdom lays nothing out; give elements a viewport so the virtualiser has something to fill.
    for (const [key, value] of Object.entries(sizes)) {
      Object.defineProperty(HTMLElement.prototype, key, {
        configurable: true,
        get: () => value,
      });
    }
  });
  afterAll(() => {
    for (const [key, descriptor] of Object.entries(originals)) {
      if (descriptor)
        Object.defineProperty(HTMLElement.prototype, key, descriptor);
    }
  });

  it('renders only the rows in view', async () => {
    const fleet = Array.from({ length: 2000 }, (_, i) =>
      makeCluster(`cluster-${String(i).padStart(4, '0')}`),
    );
    render(mockApi({ listClusters: async () => makeClustersResponse(fleet) }));
    const table = await screen.findByRole('grid');
    await within(table).findByText('cluster-0000');
    expect(table).toHaveAttribute('aria-rowcount', '2001');
    const rows = within(table).getAllByRole('row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(within(table).queryByText('cluster-1999')).not.toBeInTheDocument();
  });
});
