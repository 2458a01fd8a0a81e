import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mockApi } from '../../__testUtils__/clusters';
import {
  FLEET_COSTS,
  FLEET_REPORTS,
  makeComplianceResponse,
  makeCostResponse,
} from '../../__testUtils__/insights';
import { LocationProbe } from '../../__testUtils__/LocationProbe';
import { renderWithApi } from '../../__testUtils__/render';
import { findTableRows } from '../../__testUtils__/tableRows';
import type { MulticloudApi } from '../../api/MulticloudApi';
import { CompliancePage } from './CompliancePage';

function render(
  impl: Partial<MulticloudApi> = {},
  route = '/multicloud/compliance',
) {
  return renderWithApi(
    <>
      <CompliancePage />
      <LocationProbe />
    </>,
    mockApi({
      getCompliance: async () => makeComplianceResponse(FLEET_REPORTS),
      ...impl,
    }),
    { initialRouteEntries: [route] },
  );
}

describe('CompliancePage', () => {
  it('counts compliant clusters and failing checks, and which checks fail', async () => {
    render();
    expect(
      await screen.findByText('1 of 3 clusters compliant (33%)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('2 clusters fail 2 checks in all'),
    ).toBeInTheDocument();
    const byCheck = screen.getByLabelText('Clusters failing each check');
    expect(byCheck).toHaveTextContent(
      /Workload identity instead of static credentials\s*1 cluster/,
    );
    expect(byCheck).toHaveTextContent(/Node disk encryption\s*1 cluster/);
    expect(await findTableRows('Compliance by cloud')).toEqual([
      [
        'AWS',
        '2 clusters',
        '1 of 2',
        '50%',
        'Workload identity instead of static credentials (1)',
      ],
      ['GCP', '1 cluster', '0 of 1', '0%', 'Node disk encryption (1)'],
    ]);
    expect(screen.getByRole('link', { name: '2 clusters' })).toHaveAttribute(
      'href',
      '/multicloud/clusters?cloud=aws',
    );
  });

  it('lists failing clusters, most severe first, with the evidence of each failing check', async () => {
    render();
    const headings = await screen.findAllByRole('heading', { level: 3 });
    expect(headings.map(h => h.textContent)).toEqual([
      'payments-us',
      'search-gcp',
    ]);
    expect(
      within(headings[1]).getByRole('link', { name: 'search-gcp' }),
    ).toHaveAttribute('href', '/multicloud/clusters/default/search-gcp');
    const checks = screen.getByRole('list', {
      name: 'Failing checks of default/search-gcp',
    });
    // Passing checks are not listed among the failures.
    expect(within(checks).getAllByRole('listitem')).toHaveLength(1);
    fireEvent.click(
      within(checks).getByRole('button', { name: /Node disk encryption/ }),
    );
    expect(
      await within(checks).findByText(
        'GCPMachineTemplate search-gcp-md-0: spec.template.spec.rootDiskEncryptionKey = not set',
      ),
    ).toBeInTheDocument();
    expect(
      within(checks).getByText(
        'GCP: a customer-managed root-disk key or Confidential VM',
      ),
    ).toBeInTheDocument();
    expect(
      within(checks).getByText(
        'Set rootDiskEncryptionKey on the machine template.',
      ),
    ).toBeInTheDocument();
  });

  it('asks for service dependencies only when grouping by service, then rates each service', async () => {
    const getCost = jest.fn(async () =>
      makeCostResponse(FLEET_COSTS, {
        'component:default/payments-api': [
          'default/payments-eu',
          'default/search-gcp',
        ],
        'component:default/search-indexer': ['default/search-gcp'],
      }),
    );
    render({ getCost });
    await screen.findByRole('table', { name: 'Compliance by cloud' });
    expect(getCost).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Service' }));
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        '/multicloud/compliance?by=service',
      ),
    );
    await waitFor(() => expect(getCost).toHaveBeenCalled());
    expect(await findTableRows('Compliance by service')).toEqual([
      [
        'payments-api',
        'payments-eu, search-gcp',
        '1 of 2',
        '50%',
        'Node disk encryption (1)',
      ],
      [
        'search-indexer',
        'search-gcp',
        '0 of 1',
        '0%',
        'Node disk encryption (1)',
      ],
    ]);
  });

  it('says why compliance per service is unavailable', async () => {
    render(
      {
        getCost: async () =>
          makeCostResponse(
            FLEET_COSTS,
            {},
            {
              services: { error: 'service costs unavailable: catalog down' },
            },
          ),
      },
      '/multicloud/compliance?by=service',
    );
    expect(
      await screen.findByText(/Compliance per service is unavailable/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('1 of 3 clusters compliant (33%)'),
    ).toBeInTheDocument();
  });

  it("narrows to my team's clusters with the toggle", async () => {
    render();
    const toggle = await screen.findByRole('checkbox', { name: 'My team' });
    await waitFor(() => expect(toggle).toBeEnabled());
    fireEvent.click(toggle);
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        '/multicloud/compliance?owner=team-payments',
      ),
    );
    expect(
      await screen.findByText('1 of 2 clusters compliant (50%)'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByRole('heading', { level: 3 }).map(h => h.textContent),
    ).toEqual(['payments-us']);
  });

  it('says when every cluster passes', async () => {
    render({
      getCompliance: async () => makeComplianceResponse([FLEET_REPORTS[0]]),
    });
    expect(
      await screen.findByText('Every cluster passes every check.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('1 of 1 clusters compliant (100%)'),
    ).toBeInTheDocument();
  });

  it('says so when there are no clusters', async () => {
    render({ getCompliance: async () => makeComplianceResponse([]) });
    expect(await screen.findByText('No clusters yet')).toBeInTheDocument();
  });

  it('warns when the data is the last known state', async () => {
    render({
      getCompliance: async () =>
        makeComplianceResponse(FLEET_REPORTS, { stale: true }),
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
    expect(
      screen.getByText('1 of 3 clusters compliant (33%)'),
    ).toBeInTheDocument();
  });

  it('explains a failing backend and retries', async () => {
    const getCompliance = jest
      .fn()
      .mockRejectedValueOnce(new Error('connection refused'))
      .mockResolvedValue(makeComplianceResponse(FLEET_REPORTS));
    render({ getCompliance });
    expect(
      await screen.findByText(/Could not load the compliance reports/),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByText('1 of 3 clusters compliant (33%)'),
    ).toBeInTheDocument();
  });
});
