import type {
  ExternalRouteRef,
  RouteRef,
} from '@backstage/frontend-plugin-api';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { multicloudApiRef, type MulticloudApi } from '../api/MulticloudApi';
import { rootRouteRef } from '../routes';

/**
 * Renders an element of the plugin in a test app with the plugin's routes mounted at
 * `/multicloud` and the given API, signed in as a member of team-payments.
 */
export function renderWithApi(
  element: JSX.Element,
  api: MulticloudApi,
  options: {
    initialRouteEntries?: string[];
    mountPath?: string;
    ownershipEntityRefs?: string[];
    /** More APIs: `[apiRef, impl]` pairs or `mockApis` helpers. */
    extraApis?: readonly any[];
    /** More mounted routes, e.g. other plugins' targets of external route refs. */
    extraRoutes?: Record<string, RouteRef | ExternalRouteRef>;
  } = {},
) {
  return renderInTestApp(element, {
    apis: [
      [multicloudApiRef, api],
      mockApis.identity({
        userEntityRef: 'user:default/ada',
        ownershipEntityRefs: options.ownershipEntityRefs ?? [
          'user:default/ada',
          'group:default/team-payments',
        ],
      }),
      ...(options.extraApis ?? []),
    ],
    mountedRoutes: { '/multicloud': rootRouteRef, ...options.extraRoutes },
    initialRouteEntries: options.initialRouteEntries,
    mountPath: options.mountPath,
  });
}
