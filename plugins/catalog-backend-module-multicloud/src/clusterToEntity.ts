import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  KubernetesValidatorFunctions,
  type Entity,
} from '@backstage/catalog-model';
import {
  CLOUD_TITLES,
  MULTICLOUD_CATALOG_ANNOTATIONS,
  clusterEntityNameOf,
  type ClusterSummary,
} from '@internal/plugin-multicloud-common';

export interface ClusterEntityOptions {
  managementCluster: string;
  defaultOwner: string;
  portalBaseUrl?: string;
  /** Browse URL of the GitOps repository root; the cluster's path is appended. */
  gitopsBaseUrl?: string;
}

export interface ClusterEntityResult {
  entity: Entity;
  /** Label values that could not be used, with why; the entity is valid regardless. */
  warnings: string[];
}

/**
 * A CAPI cluster as a `kubernetes-cluster` Resource. Only slowly changing facts go into the
 * entity (no verdict, no replica counts), so health changes do not churn the catalog.
 */
export function clusterToEntity(
  cluster: ClusterSummary,
  options: ClusterEntityOptions,
): ClusterEntityResult {
  const warnings: string[] = [];
  const managementCluster =
    cluster.managementCluster ?? options.managementCluster;
  const location = `multicloud:${managementCluster}`;
  const owner =
    validRef(cluster.labels.owner, 'owner', warnings) ?? options.defaultOwner;
  const system = validRef(cluster.labels.system, 'system', warnings);
  const environment = validLabelValue(
    cluster.labels.environment,
    'environment',
    warnings,
  );
  const cloudTitle = CLOUD_TITLES[cluster.cloud];

  const annotations: Record<string, string> = {
    [ANNOTATION_LOCATION]: location,
    [ANNOTATION_ORIGIN_LOCATION]: location,
    [MULTICLOUD_CATALOG_ANNOTATIONS.clusterRef]: cluster.ref,
    'multicloud.io/management-cluster': managementCluster,
    'multicloud.io/cloud': cluster.cloud,
  };
  if (cluster.region) annotations['multicloud.io/region'] = cluster.region;
  if (cluster.kubernetesVersion) {
    annotations['multicloud.io/kubernetes-version'] = cluster.kubernetesVersion;
  }
  const gitopsPath = `clusters/${cluster.cloud}/${
    cluster.region ?? 'unknown'
  }/${cluster.name}`;
  annotations['multicloud.io/gitops-path'] = gitopsPath;

  const links = [];
  if (options.portalBaseUrl) {
    links.push({
      url: `${options.portalBaseUrl.replace(/\/$/, '')}/multicloud/clusters/${
        cluster.namespace
      }/${cluster.name}`,
      title: 'Multicloud portal',
      icon: 'dashboard',
    });
  }
  if (options.gitopsBaseUrl) {
    links.push({
      url: `${options.gitopsBaseUrl.replace(/\/$/, '')}/${gitopsPath}`,
      title: 'GitOps manifests',
      icon: 'github',
    });
  }

  const labels: Record<string, string> = {
    'multicloud.io/cloud': cluster.cloud,
  };
  if (environment) labels['multicloud.io/environment'] = environment;

  return {
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: clusterEntityNameOf(cluster),
        namespace: 'default',
        title: cluster.name,
        description: `Cluster API cluster on ${cloudTitle}${
          cluster.region ? ` ${cluster.region}` : ''
        } (namespace ${
          cluster.namespace
        }, management cluster ${managementCluster})`,
        annotations,
        labels,
        links,
      },
      spec: {
        type: 'kubernetes-cluster',
        owner,
        ...(system ? { system } : {}),
      },
    },
    warnings,
  };
}

function validRef(
  value: string | undefined,
  label: string,
  warnings: string[],
): string | undefined {
  if (!value) return undefined;
  const name = value.includes('/')
    ? value.split('/').pop()!
    : value.replace(/^[a-z]+:/, '');
  if (KubernetesValidatorFunctions.isValidObjectName(name)) {
    return value;
  }
  warnings.push(
    `label ${label}='${value}' is not a valid entity reference; ignored`,
  );
  return undefined;
}

function validLabelValue(
  value: string | undefined,
  label: string,
  warnings: string[],
): string | undefined {
  if (!value) return undefined;
  if (KubernetesValidatorFunctions.isValidLabelValue(value)) return value;
  warnings.push(
    `label ${label}='${value}' is not a valid label value; ignored`,
  );
  return undefined;
}
