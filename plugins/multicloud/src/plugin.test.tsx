import {
  TestApiProvider,
  renderInTestApp as renderInLegacyApp,
} from '@backstage/test-utils';
import { identityApiRef } from '@backstage/core-plugin-api';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { screen } from '@testing-library/react';
import plugin from './alpha';
import {
  makeClustersResponse,
  makeFleet,
  mockApi,
} from './__testUtils__/clusters';
import { multicloudApiRef } from './api/MulticloudApi';
import { MulticloudRouter } from './components/legacy/MulticloudRouter';
import { rootRouteRef } from './routes';

describe('multicloud plugin (new frontend system)', () => {
  it.each([
    'api:multicloud',
    'page:multicloud',
    'sub-page:multicloud/overview',
    'sub-page:multicloud/clusters',
    'sub-page:multicloud/cost',
    'sub-page:multicloud/compliance',
    'sub-page:multicloud/placement',
    'sub-page:multicloud/failover',
    'entity-content:multicloud/clusters',
    'entity-content:multicloud/cluster',
  ])('provides %s', id => {
    expect(plugin.getExtension(id as any)).toBeDefined();
  });
});

describe('MulticloudRouter (legacy frontend system)', () => {
  it('renders the overview with its tabs in an old app', async () => {
    const api = mockApi({
      getFleet: async () => makeFleet(),
      listClusters: async () => makeClustersResponse([]),
    });
    await renderInLegacyApp(
      <TestApiProvider
        apis={[
          [multicloudApiRef, api],
          [
            identityApiRef,
            {
              getBackstageIdentity: async () => ({
                type: 'user' as const,
                userEntityRef: 'user:default/ada',
                ownershipEntityRefs: [],
              }),
            },
          ],
        ]}
      >
        <MulticloudRouter />
      </TestApiProvider>,
      {
        mountedRoutes: { '/multicloud': convertLegacyRouteRef(rootRouteRef) },
        routeEntries: ['/multicloud'],
      },
    );
    expect(await screen.findByText('Multicloud fleet')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Clusters' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Cost' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Compliance' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Placement' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Failover' })).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: /12\s+clusters/ }),
    ).toHaveAttribute('href', '/multicloud/clusters?cloud=aws');
  });
});
