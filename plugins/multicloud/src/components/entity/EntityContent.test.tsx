import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, within } from '@testing-library/react';
import type { ClusterQuery } from '@internal/plugin-multicloud-common';
import {
  makeCluster,
  makeClustersResponse,
  makeDetail,
  mockApi,
} from '../../__testUtils__/clusters';
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
    expect(getCluster).toHaveBeenCalledWith('default', 'payments-eu');
    expect(getCluster).toHaveBeenCalledWith('team-search', 'search');
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
    const group: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'team-payments', namespace: 'default' },
      spec: { type: 'team', children: [] },
    };
    render(group, <EntityClustersContent />, mockApi({ listClusters }));
    const table = await screen.findByRole('grid');
    expect(await within(table).findByText('payments-eu')).toBeInTheDocument();
    expect(listClusters).toHaveBeenCalledWith({
      owner: ['team-payments'],
      sort: 'verdict',
      limit: 5000,
    });
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
    expect(getCluster).toHaveBeenCalledWith('default', 'payments-eu');
  });
});
