import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import CloudQueueIcon from '@material-ui/icons/CloudQueue';
import { multicloudApiRef } from './api/MulticloudApi';
import { MulticloudClient } from './api/MulticloudClient';
import { rootRouteRef } from './routes';

const multicloudApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: multicloudApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new MulticloudClient(deps),
    }),
});

const multicloudPage = PageBlueprint.make({
  params: {
    path: '/multicloud',
    title: 'Multicloud',
    icon: <CloudQueueIcon />,
    routeRef: rootRouteRef,
    loader: () => import('./components/MulticloudPage').then(m => <m.MulticloudPage />),
  },
});

/** The multicloud portal plugin for apps on the new frontend system. */
export default createFrontendPlugin({
  pluginId: 'multicloud',
  title: 'Multicloud',
  icon: <CloudQueueIcon />,
  extensions: [multicloudApi, multicloudPage],
  routes: { root: rootRouteRef },
});

export { multicloudApiRef } from './api/MulticloudApi';
