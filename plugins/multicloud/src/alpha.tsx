import { Content } from '@backstage/core-components';
import {
  ApiBlueprint,
  PageBlueprint,
  SubPageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import CloudQueueIcon from '@material-ui/icons/CloudQueue';
import { multicloudApiRef } from './api/MulticloudApi';
import { MulticloudClient } from './api/MulticloudClient';
import {
  clusterDetailRouteRef,
  clustersRouteRef,
  rootRouteRef,
} from './routes';

/** `api:multicloud` */
const multicloudApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: multicloudApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new MulticloudClient(deps),
    }),
});

/** `page:multicloud`: no loader of its own, so the app renders its sub-pages as header tabs. */
const multicloudPage = PageBlueprint.make({
  params: {
    path: '/multicloud',
    title: 'Multicloud',
    icon: <CloudQueueIcon />,
    routeRef: rootRouteRef,
  },
});

/** `sub-page:multicloud/overview` (the first tab: `/multicloud` opens it). */
const overviewPage = SubPageBlueprint.make({
  attachTo: { id: 'page:multicloud', input: 'pages' },
  name: 'overview',
  params: {
    path: 'overview',
    title: 'Overview',
    loader: () =>
      import('./components/overview/OverviewPage').then(m => (
        <Content>
          <m.OverviewPage />
        </Content>
      )),
  },
});

/** `sub-page:multicloud/clusters`: the table and, below it in the URL, each cluster's detail. */
const clustersPage = SubPageBlueprint.make({
  attachTo: { id: 'page:multicloud', input: 'pages' },
  name: 'clusters',
  params: {
    path: 'clusters',
    title: 'Clusters',
    loader: () =>
      import('./components/clusters/ClustersRoutes').then(m => (
        <Content>
          <m.ClustersRoutes />
        </Content>
      )),
  },
});

/** `entity-content:multicloud/clusters` on Components, Systems and Groups. */
const entityClustersContent = EntityContentBlueprint.make({
  name: 'clusters',
  params: {
    path: 'clusters',
    title: 'Clusters',
    filter: { kind: { $in: ['component', 'system', 'group'] } },
    loader: () =>
      import('./components/entity/EntityClustersContent').then(m => (
        <m.EntityClustersContent />
      )),
  },
});

/** `entity-content:multicloud/cluster` on `kubernetes-cluster` Resources. */
const entityClusterContent = EntityContentBlueprint.make({
  name: 'cluster',
  params: {
    path: 'cluster',
    title: 'Cluster',
    filter: { kind: 'resource', 'spec.type': 'kubernetes-cluster' },
    loader: () =>
      import('./components/entity/EntityClusterContent').then(m => (
        <m.EntityClusterContent />
      )),
  },
});

/** The multicloud portal plugin for apps on the new frontend system. */
export default createFrontendPlugin({
  pluginId: 'multicloud',
  title: 'Multicloud',
  icon: <CloudQueueIcon />,
  extensions: [
    multicloudApi,
    multicloudPage,
    overviewPage,
    clustersPage,
    entityClustersContent,
    entityClusterContent,
  ],
  routes: {
    root: rootRouteRef,
    clusters: clustersRouteRef,
    clusterDetail: clusterDetailRouteRef,
  },
});

export { multicloudApiRef } from './api/MulticloudApi';
