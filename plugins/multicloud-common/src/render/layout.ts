import type { KnownCloud } from '../model/cloud';
import { CLOUDS } from '../model/cloud';
import type { RenderedObjects } from './renderedObjects';
import { manifestsToYaml } from './toYaml';
import type { RenderedFile } from './types';

/**
 * The GitOps repository layout: one directory per cluster, `clusters/<cloud>/<region>/<name>/`,
 * with one file per role and a `kustomization.yaml` listing them in apply order, so Argo CD or
 * Flux can sync a directory, and a person can find a cluster by where it runs.
 */
export const LAYOUT_FILES: Record<keyof RenderedObjects, string> = {
  cluster: 'cluster.yaml',
  controlPlane: 'control-plane.yaml',
  workers: 'workers.yaml',
  healthChecks: 'machine-health-checks.yaml',
};

export const KUSTOMIZATION_FILE = 'kustomization.yaml';

const HEADERS: Record<keyof RenderedObjects, string> = {
  cluster: 'The Cluster, its infrastructure and identity.',
  controlPlane: 'The control plane.',
  workers:
    'Worker pool. Scale it through the autoscaler bounds (annotations or spec.scaling), not replicas.',
  healthChecks: 'Remediation of unhealthy worker machines.',
};

export function clusterDirectory(
  cloud: KnownCloud,
  region: string,
  name: string,
): string {
  return `clusters/${cloud}/${region}/${name}`;
}

/** The cluster a directory path of the layout stands for (any prefix before `clusters/` is ignored). */
export function parseClusterDirectory(
  path: string,
): { cloud: KnownCloud; region: string; name: string } | undefined {
  const parts = path.split(/[\\/]+/).filter(Boolean);
  const at = parts.lastIndexOf('clusters');
  if (at < 0 || parts.length !== at + 4) return undefined;
  const [cloud, region, name] = parts.slice(at + 1);
  return (CLOUDS as readonly string[]).includes(cloud)
    ? { cloud: cloud as KnownCloud, region, name }
    : undefined;
}

/** The files of a rendered cluster, roles without objects left out. */
export function layoutFiles(
  directory: string,
  objects: RenderedObjects,
): RenderedFile[] {
  const files: RenderedFile[] = [];
  for (const role of Object.keys(LAYOUT_FILES) as Array<
    keyof RenderedObjects
  >) {
    if (objects[role].length === 0) continue;
    files.push({
      path: `${directory}/${LAYOUT_FILES[role]}`,
      content: manifestsToYaml(objects[role], HEADERS[role]),
    });
  }
  const kustomization = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: files.map(f => f.path.slice(directory.length + 1)),
  };
  files.push({
    path: `${directory}/${KUSTOMIZATION_FILE}`,
    content: manifestsToYaml(
      [kustomization],
      'The manifests of this cluster, in apply order.',
    ),
  });
  return files;
}
