import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  MULTICLOUD_CLUSTER_RESOURCE_TYPE,
  type ClusterSummary,
} from '@internal/plugin-multicloud-common';
import { z } from 'zod';

/** Query form of the cluster rules: the fleet is an in-memory cache, so a predicate. */
export type ClusterFilter = { ownerRefs: string[] };

export const multicloudClusterResourceRef = createPermissionResourceRef<
  ClusterSummary,
  ClusterFilter
>().with({
  pluginId: 'multicloud',
  resourceType: MULTICLOUD_CLUSTER_RESOURCE_TYPE,
});

/** The entity ref of a cluster's owner label: `team-a` means `group:default/team-a`. */
export function ownerEntityRef(owner: string): string {
  const ref = owner.includes(':') ? owner : `group:default/${owner}`;
  return ref.toLocaleLowerCase('en-US');
}

const isClusterOwner = createPermissionRule({
  name: 'IS_CLUSTER_OWNER',
  description:
    'Allow clusters whose multicloud.io/owner label names one of the given entities',
  resourceRef: multicloudClusterResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe('Entity refs the user owns through, e.g. their groups'),
  }),
  apply: (cluster, { claims }) =>
    matchesOwner(
      cluster,
      claims.map(c => c.toLocaleLowerCase('en-US')),
    ),
  toQuery: ({ claims }) => ({
    ownerRefs: claims.map(c => c.toLocaleLowerCase('en-US')),
  }),
});

export function matchesOwner(
  cluster: ClusterSummary,
  lowerCaseRefs: readonly string[],
): boolean {
  const owner = cluster.labels.owner;
  return owner !== undefined && lowerCaseRefs.includes(ownerEntityRef(owner));
}

export const multicloudClusterRules = { isClusterOwner };

export const {
  conditions: multicloudClusterConditions,
  createConditionalDecision: createMulticloudClusterConditionalDecision,
} = createConditionExports({
  resourceRef: multicloudClusterResourceRef,
  rules: multicloudClusterRules,
});
