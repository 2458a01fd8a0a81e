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
  complianceRouteRef,
  costRouteRef,
  failoverRouteRef,
  placementRouteRef,
  rootRouteRef,
  scaffolderTemplateRouteRef,
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

/** `sub-page:multicloud/cost`: fleet cost by cloud, team, environment or service. */
const costPage = SubPageBlueprint.make({
  attachTo: { id: 'page:multicloud', input: 'pages' },
  name: 'cost',
  params: {
    path: 'cost',
    title: 'Cost',
    loader: () =>
      import('./components/cost/CostPage').then(m => (
        <Content>
          <m.CostPage />
        </Content>
      )),
  },
});

/** `sub-page:multicloud/compliance`: pass rates and failing checks with their evidence. */
const compliancePage = SubPageBlueprint.make({
  attachTo: { id: 'page:multicloud', input: 'pages' },
  name: 'compliance',
  params: {
    path: 'compliance',
    title: 'Compliance',
    loader: () =>
      import('./components/compliance/CompliancePage').then(m => (
        <Content>
          <m.CompliancePage />
        </Content>
      )),
  },
});

/** `sub-page:multicloud/placement`: where a workload should run, and why. */
const placementPage = SubPageBlueprint.make({
  attachTo: { id: 'page:multicloud', input: 'pages' },
  name: 'placement',
  params: {
    path: 'placement',
    title: 'Placement',
    loader: () =>
      import('./components/placement/PlacementPage').then(m => (
        <Content>
          <m.PlacementPage />
        </Content>
      )),
  },
});

/** `sub-page:multicloud/failover`: policies, breakers, runs; dry run, then confirm. */
const failoverPage = SubPageBlueprint.make({
  attachTo: { id: 'page:multicloud', input: 'pages' },
  name: 'failover',
  params: {
    path: 'failover',
    title: 'Failover',
    loader: () =>
      import('./components/failover/FailoverConsolePage').then(m => (
        <Content>
          <m.FailoverConsolePage />
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
    costPage,
    compliancePage,
    placementPage,
    failoverPage,
    entityClustersContent,
    entityClusterContent,
  ],
  routes: {
    root: rootRouteRef,
    clusters: clustersRouteRef,
    clusterDetail: clusterDetailRouteRef,
    cost: costRouteRef,
    compliance: complianceRouteRef,
    placement: placementRouteRef,
    failover: failoverRouteRef,
  },
  externalRoutes: {
    scaffolderTemplate: scaffolderTemplateRouteRef,
  },
});

export { multicloudApiRef } from './api/MulticloudApi';
