import {
  createExternalRouteRef,
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

/** Fleet cost; `?by=cloud|owner|environment|service` groups it, `?owner=` narrows it. */
export const costRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/cost',
});

/** Fleet compliance, grouped and narrowed like the cost page. */
export const complianceRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/compliance',
});

export const placementRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/placement',
});

/** The failover console; `?cluster=namespace/name` opens it on that cluster's policy. */
export const failoverRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/failover',
});

/**
 * A scaffolder template's form (`/create/templates/:namespace/:templateName`): the placement
 * advisor's "Request this cluster" link. Bound to the scaffolder plugin by default.
 */
export const scaffolderTemplateRouteRef = createExternalRouteRef({
  params: ['namespace', 'templateName'],
  defaultTarget: 'scaffolder.selectedTemplate',
});
