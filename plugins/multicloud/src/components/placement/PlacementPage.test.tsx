import { ResponseError } from '@backstage/errors';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mockApi } from '../../__testUtils__/clusters';
import { makePlacementResponse } from '../../__testUtils__/placement';
import { renderWithApi } from '../../__testUtils__/render';
import type { MulticloudApi } from '../../api/MulticloudApi';
import { scaffolderTemplateRouteRef } from '../../routes';
import { PlacementPage } from './PlacementPage';

function render(evaluatePlacement: MulticloudApi['evaluatePlacement']) {
  return renderWithApi(<PlacementPage />, mockApi({ evaluatePlacement }), {
    extraRoutes: {
      '/create/templates/:namespace/:templateName': scaffolderTemplateRouteRef,
    },
  });
}

async function badRequest(message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'InputError', message },
        response: { statusCode: 400 },
      }),
      { status: 400, headers: { 'content-type': 'application/json' } },
    ) as any,
  );
}

// Each test renders the whole form and result set in a test app; on a busy machine that
// takes more than the default 5 s.
jest.setTimeout(20_000);

describe('PlacementPage', () => {
  it('sends the requirements as the API names them', async () => {
    const evaluate = jest.fn(async () => makePlacementResponse());
    await render(evaluate);
    const type = (label: string, value: string) =>
      fireEvent.change(screen.getByLabelText(label), { target: { value } });
    type('CPU per replica', '2');
    type('Preferred regions', 'eu-west-1, westeurope');
    type('Owning team', ' team-payments ');
    type('Cost weight', '5');
    fireEvent.click(screen.getByRole('checkbox', { name: 'GCP' }));
    fireEvent.click(screen.getByRole('button', { name: 'Find a placement' }));
    await waitFor(() => expect(evaluate).toHaveBeenCalled());
    expect(evaluate).toHaveBeenCalledWith({
      cpu: 2,
      memory: 2,
      gpu: 0,
      replicas: 3,
      environment: 'production',
      owner: 'team-payments',
      preferredRegions: ['eu-west-1', 'westeurope'],
      allowedClouds: ['aws', 'azure'],
      weights: { cost: 5 },
    });
  });

  it('ranks the clusters and explains every prioritizer', async () => {
    await render(async () => makePlacementResponse());
    fireEvent.click(screen.getByRole('button', { name: 'Find a placement' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Recommended: eu-aws',
    );
    const ranked = screen.getByRole('list', { name: 'Ranked clusters' });
    const items = within(ranked).getAllByRole('listitem', { name: /^#/ });
    expect(items.map(i => i.getAttribute('aria-label'))).toEqual([
      '#1 default/eu-aws, score 91.5',
      '#2 default/eu-azure, score 70.25',
    ]);
    const second = items[1];
    const cost = within(second).getByRole('progressbar', {
      name: 'Cost score',
    });
    expect(cost).toHaveAttribute('aria-valuenow', '40');
    expect(within(second).getByText('40 × weight 3 → 12')).toBeInTheDocument();
    expect(
      within(second).getByText(
        '$0.4000/h for 2 new node(s) (estimated: fallback price)',
      ),
    ).toBeInTheDocument();
    expect(
      within(second).getByText(/\$0\.4000\/h \(\$292\/month, estimated\)/),
    ).toBeInTheDocument();
    expect(
      within(items[0]).getByRole('link', { name: 'eu-aws' }),
    ).toHaveAttribute('href', '/multicloud/clusters/default/eu-aws');
  });

  it('lists rejected clusters with every reason', async () => {
    await render(async () => makePlacementResponse());
    fireEvent.click(screen.getByRole('button', { name: 'Find a placement' }));
    const table = await screen.findByRole('table', {
      name: 'Rejected clusters',
    });
    const row = within(table).getByText('us-gcp').closest('tr')!;
    expect(row).toHaveTextContent('health: verdict unhealthy');
    expect(row).toHaveTextContent(
      'residency: us-west1 is not allowed for gdpr data',
    );
  });

  it('links a new-cluster option to the template with its parameters filled in', async () => {
    await render(async () => makePlacementResponse());
    fireEvent.click(screen.getByRole('button', { name: 'Find a placement' }));
    const link = await screen.findByRole('link', {
      name: 'Request this cluster: AWS eu-west-1',
    });
    const url = new URL(link.getAttribute('href')!, 'http://app');
    expect(url.pathname).toBe(
      '/create/templates/default/new-kubernetes-cluster',
    );
    expect(JSON.parse(url.searchParams.get('formData')!)).toEqual({
      cloud: 'aws',
      region: 'eu-west-1',
      environment: 'production',
      dataClass: 'gdpr',
      owner: 'group:default/team-payments',
    });
    expect(
      screen.getByText('GCP: no gdpr region of gcp has a known price'),
    ).toBeInTheDocument();
  });

  it('says what it recommends when no existing cluster fits', async () => {
    await render(async () =>
      makePlacementResponse({
        candidates: [],
        recommendation: {
          kind: 'new-cluster',
          cloud: 'aws',
          region: 'eu-west-1',
        },
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Find a placement' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Recommended: a new AWS cluster in eu-west-1',
    );
    expect(
      screen.getByText('No existing cluster passes every filter.'),
    ).toBeInTheDocument();
  });

  it("shows the backend's validation messages next to their fields", async () => {
    const evaluate = jest.fn(async () => {
      throw await badRequest(
        'body.cpu: cpu must be > 0 cores; body.weights.cost: weights.cost must be <= 10; body.allowedClouds: allowedClouds must name at least one cloud',
      );
    });
    await render(evaluate);
    fireEvent.click(screen.getByRole('button', { name: 'Find a placement' }));
    expect(
      await screen.findByText('cpu must be > 0 cores'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('CPU per replica')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(screen.getByLabelText('Memory per replica')).toHaveAttribute(
      'aria-invalid',
      'false',
    );
    expect(screen.getByText('weights.cost must be <= 10')).toBeInTheDocument();
    expect(
      screen.getByText('allowedClouds must name at least one cloud'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('reports other failures with a retry', async () => {
    const evaluate = jest
      .fn<ReturnType<MulticloudApi['evaluatePlacement']>, any>()
      .mockRejectedValueOnce(new Error('backend exploded'))
      .mockResolvedValueOnce(makePlacementResponse());
    await render(evaluate);
    fireEvent.click(screen.getByRole('button', { name: 'Find a placement' }));
    expect(
      await screen.findByText(/The placement could not be evaluated/),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Recommended: eu-aws',
    );
  });

  it('warns when the fleet data is stale', async () => {
    await render(async () => makePlacementResponse({ stale: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Find a placement' }));
    expect(
      await screen.findByText(/Showing the last known state/),
    ).toBeInTheDocument();
  });
});
