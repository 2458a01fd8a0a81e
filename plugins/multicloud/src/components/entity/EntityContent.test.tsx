import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ClusterQuery } from '@internal/plugin-multicloud-common';
import {
  makeCluster,
  makeClustersResponse,
  makeDetail,
  mockApi,
} from '../../__testUtils__/clusters';
import {
  DISK_ENCRYPTION_FAILURE,
  makeCheck,
  makeClusterCost,
  makeComplianceResponse,
  makeCostResponse,
  makeReport,
} from '../../__testUtils__/insights';
import { LocationProbe } from '../../__testUtils__/LocationProbe';
import { renderWithApi } from '../../__testUtils__/render';
import type { MulticloudApi } from '../../api/MulticloudApi';
import { EntityClusterContent } from './EntityClusterContent';
import { EntityClustersContent } from './EntityClustersContent';

const payments = makeCluster('payments-eu', { verdict: 'degraded' });
const search = makeCluster('search', {
  namespace: 'team-search',
  cloud: 'gcp',
});

const clusterResources: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'payments-eu-resource',
      namespace: 'default',
      annotations: { 'multicloud.io/cluster-ref': 'default/payments-eu' },
    },
    spec: { type: 'kubernetes-cluster', owner: 'team-payments' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'payments-db', namespace: 'default' },
    spec: { type: 'database', owner: 'team-payments' },
  },
];

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

function component(targets: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-api', namespace: 'default' },
    spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
    relations: targets.map(targetRef => ({ type: 'dependsOn', targetRef })),
  };
}

function render(entity: Entity, element: JSX.Element, api: MulticloudApi) {
  return renderWithApi(
    <EntityProvider entity={entity}>{element}</EntityProvider>,
    api,
    {
      extraApis: [catalogApiMock({ entities: clusterResources })],
    },
  );
}

const detailOf = async (namespace: string, name: string) => {
  const found = [payments, search].find(
    c => c.namespace === namespace && c.name === name,
  );
  if (!found)
    throw Object.assign(new Error(`cluster ${namespace}/${name} not found`), {
      statusCode: 404,
    });
  return makeDetail(found);
};

describe('EntityClustersContent', () => {
  it('lists the clusters a component depends on, through the annotation or the naming rule', async () => {
    const getCluster = jest.fn(detailOf);
    render(
      component([
        'resource:default/payments-eu-resource', // annotated Resource in the catalog
        'resource:default/team-search--search', // not in the catalog: naming rule
        'resource:default/payments-db', // not a cluster: skipped
      ]),
      <EntityClustersContent />,
      mockApi({ getCluster }),
    );
    const table = await screen.findByRole('grid');
    expect(await within(table).findByText('payments-eu')).toBeInTheDocument();
    expect(within(table).getByText('search')).toBeInTheDocument();
    expect(within(table).getByText('Degraded')).toBeInTheDocument();
    expect(getCluster).toHaveBeenCalledWith(
      'default',
      'payments-eu',
      undefined,
    );
    expect(getCluster).toHaveBeenCalledWith('team-search', 'search', undefined);
    expect(getCluster).toHaveBeenCalledTimes(2);
  });

  it('names dependencies that are not in the fleet', async () => {
    render(
      component(['resource:default/gone-cluster']),
      <EntityClustersContent />,
      mockApi({ getCluster: detailOf }),
    );
    expect(
      await screen.findByText(
        /resource:default\/gone-cluster: not on any management cluster/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('No clusters')).toBeInTheDocument();
  });

  it('explains how to link clusters when there is no dependency', async () => {
    render(component([]), <EntityClustersContent />, mockApi({}));
    expect(await screen.findByText('No clusters')).toBeInTheDocument();
  });

  it("lists a group's clusters by owner label", async () => {
    const listClusters = jest.fn(async (_q?: ClusterQuery) =>
      makeClustersResponse([payments]),
    );
    render(group, <EntityClustersContent />, mockApi({ listClusters }));
    const table = await screen.findByRole('grid');
    expect(await within(table).findByText('payments-eu')).toBeInTheDocument();
    expect(listClusters).toHaveBeenCalledWith({
      owner: ['team-payments'],
      sort: 'verdict',
      limit: 5000,
    });
  });

  const insights = {
    getCost: async () =>
      makeCostResponse([
        makeClusterCost('default/payments-eu', 1.5),
        makeClusterCost('other/elsewhere', 9),
      ]),
    getCompliance: async () =>
      makeComplianceResponse([
        makeReport('default/payments-eu', [
          DISK_ENCRYPTION_FAILURE,
          makeCheck('workload-identity', 'fail'),
        ]),
        makeReport('team-search/search'),
      ]),
  };

  /** The cells of a cluster's row, by column header. */
  async function rowOf(name: string) {
    const table = await screen.findByRole('grid');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map(h => h.textContent);
    const row = (await within(table).findByText(name)).closest(
      '[role="row"]',
    ) as HTMLElement;
    const cells = Array.from(
      row.querySelectorAll<HTMLElement>(
        '[role="rowheader"], [role="gridcell"]',
      ),
    );
    return (header: string) => cells[headers.indexOf(header)];
  }

  it("shows each cluster's verdict, cost per month and compliance, one request each for the fleet", async () => {
    const getCost = jest.fn(insights.getCost);
    const getCompliance = jest.fn(insights.getCompliance);
    render(
      component([
        'resource:default/payments-eu-resource',
        'resource:default/team-search--search',
      ]),
      <EntityClustersContent />,
      mockApi({ getCluster: detailOf, getCost, getCompliance }),
    );
    const paymentsRow = await rowOf('payments-eu');
    await waitFor(() =>
      expect(paymentsRow('Cost')).toHaveTextContent('$1,095/month'),
    );
    expect(paymentsRow('Health')).toHaveTextContent('Degraded');
    expect(paymentsRow('Compliance')).toHaveTextContent('Not compliant');
    expect(paymentsRow('Compliance')).toHaveTextContent('1 pass · 2 fail');

    const searchRow = await rowOf('search');
    expect(searchRow('Cost')).toHaveTextContent('no cost estimate');
    expect(searchRow('Compliance')).toHaveTextContent('Compliant');
    expect(searchRow('Compliance')).toHaveTextContent('1 pass · 0 fail');

    expect(getCost).toHaveBeenCalledTimes(1);
    expect(getCompliance).toHaveBeenCalledTimes(1);
  });

  it("shows a group's clusters with cost and compliance", async () => {
    render(
      group,
      <EntityClustersContent />,
      mockApi({
        listClusters: async () => makeClustersResponse([payments]),
        ...insights,
      }),
    );
    const row = await rowOf('payments-eu');
    await waitFor(() => expect(row('Cost')).toHaveTextContent('$1,095/month'));
    expect(row('Compliance')).toHaveTextContent('Not compliant');
  });

  it('opens a cluster of a fleet of several management clusters on its own', async () => {
    const qualified = makeCluster('payments-eu', {
      ref: 'mc-eu/default/payments-eu',
      managementCluster: 'mc-eu',
    });
    render(
      group,
      <>
        <EntityClustersContent />
        <LocationProbe />
      </>,
      mockApi({
        listClusters: async () => makeClustersResponse([qualified]),
        ...insights,
      }),
    );
    const table = await screen.findByRole('grid');
    fireEvent.click(await within(table).findByText('payments-eu'));
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        '/multicloud/clusters/default/payments-eu?managementCluster=mc-eu',
      ),
    );
  });

  it('keeps the list when cost fails to load, marking only that column unavailable', async () => {
    render(
      component(['resource:default/payments-eu-resource']),
      <EntityClustersContent />,
      mockApi({
        getCluster: detailOf,
        getCost: async () => Promise.reject(new Error('cost engine down')),
        getCompliance: insights.getCompliance,
      }),
    );
    expect(
      await screen.findByText(
        /Could not load the cost; the Cost column is unavailable/,
      ),
    ).toBeInTheDocument();
    const row = await rowOf('payments-eu');
    expect(row('Cost')).toHaveTextContent('Unavailable');
    await waitFor(() =>
      expect(row('Compliance')).toHaveTextContent('Not compliant'),
    );
    expect(row('Health')).toHaveTextContent('Degraded');
    expect(
      screen.queryByText(/Could not load compliance/),
    ).not.toBeInTheDocument();
  });

  it('keeps the list when compliance fails to load', async () => {
    render(
      component(['resource:default/payments-eu-resource']),
      <EntityClustersContent />,
      mockApi({
        getCluster: detailOf,
        getCost: insights.getCost,
        getCompliance: async () => Promise.reject(new Error('no rules')),
      }),
    );
    expect(
      await screen.findByText(
        /Could not load compliance; the Compliance column is unavailable/,
      ),
    ).toBeInTheDocument();
    const row = await rowOf('payments-eu');
    expect(row('Compliance')).toHaveTextContent('Unavailable');
    await waitFor(() => expect(row('Cost')).toHaveTextContent('$1,095/month'));
  });

  it('shows an error instead of the list when the backend fails', async () => {
    render(
      component(['resource:default/payments-eu-resource']),
      <EntityClustersContent />,
      mockApi({
        getCluster: async () => Promise.reject(new Error('backend down')),
      }),
    );
    expect(
      await screen.findByText(/Could not load the clusters/),
    ).toBeInTheDocument();
  });
});

describe('EntityClusterContent', () => {
  it("shows a cluster Resource's detail", async () => {
    const getCluster = jest.fn(detailOf);
    render(
      clusterResources[0],
      <EntityClusterContent />,
      mockApi({ getCluster }),
    );
    expect(
      await screen.findByRole('tree', { name: 'Condition tree' }),
    ).toBeInTheDocument();
    expect(getCluster).toHaveBeenCalledWith(
      'default',
      'payments-eu',
      undefined,
    );
  });
  it('asks for the management cluster a qualified cluster-ref names', async () => {
    const getCluster = jest.fn(async () => makeDetail(payments));
    const resource: Entity = {
      ...clusterResources[0],
      metadata: {
        ...clusterResources[0].metadata,
        annotations: {
          'multicloud.io/cluster-ref': 'mc-eu/default/payments-eu',
        },
      },
    };
    render(resource, <EntityClusterContent />, mockApi({ getCluster }));
    expect(
      await screen.findByRole('tree', { name: 'Condition tree' }),
    ).toBeInTheDocument();
    expect(getCluster).toHaveBeenCalledWith('default', 'payments-eu', 'mc-eu');
  });
});
