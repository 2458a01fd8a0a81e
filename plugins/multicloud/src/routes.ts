import {
  createRouteRef,
  createSubRouteRef,
} from '@backstage/frontend-plugin-api';

/** `/multicloud`: the overview (the new-system page redirects it to its first tab). */
export const rootRouteRef = createRouteRef();

/**
 * Sub-routes of the root rather than route refs of the tabs, so the same refs resolve in
 * the new system (sub-page paths `overview`, `clusters`) and in the legacy router.
 */
export const clustersRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/clusters',
});

export const clusterDetailRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/clusters/:namespace/:name',
});
