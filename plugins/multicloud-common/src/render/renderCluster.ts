import type { KubeObject } from '../model/kube';
import type { InstancePricing } from '../placement/pricing';
import {
  InvalidClusterSpecError,
  parseClusterSpec,
  type ClusterSpec,
} from './ClusterSpec';
import {
  RENDER_COMBINATIONS,
  unsupportedCombinationReason,
  type RenderCombination,
} from './combinations';
import { renderKubeadmCluster } from './kubeadmCluster';
import { clusterDirectory, layoutFiles } from './layout';
import { renderManagedCluster } from './managedCluster';
import { objectNameProblems } from './names';
import { defaultInstanceType } from './nodeSizes';
import { resolveProfile, type ResolvedProfile } from './profiles';
import type { RenderContext } from './providers/types';
import type { RenderedObjects } from './renderedObjects';
import {
  assumedClusterClass,
  clusterClassName,
  renderTopologyCluster,
} from './topologyCluster';
import type { Manifest, RenderedFile } from './types';

export interface RenderedCluster {
  spec: ClusterSpec;
  combination: RenderCombination;
  /** `clusters/<cloud>/<region>/<name>`. */
  directory: string;
  /** In apply order (the order of the files and of the objects in them). */
  objects: Manifest[];
  files: RenderedFile[];
  profile: ResolvedProfile;
  instanceType: string;
  /** The kubeadm control-plane instance type; undefined for a managed control plane. */
  controlPlaneInstanceType?: string;
  /**
   * Objects the manifests rely on but do not contain (the assumed shape of a topology
   * cluster's ClusterClass), for summarising cost and compliance before applying.
   */
  context: KubeObject[];
  /** Things a reviewer should know, e.g. an instance type without a price. */
  warnings: string[];
}

function instanceTypeFor(
  pricing: InstancePricing,
  spec: ClusterSpec,
  chosen: string | undefined,
  size: ClusterSpec['size'],
  field: string,
): string {
  const type =
    chosen ?? defaultInstanceType(pricing, spec.cloud, spec.region, size);
  if (!type) {
    throw new InvalidClusterSpecError([
      `${field}: the price book has no ${size} ${spec.cloud} instance type; set ${field}`,
    ]);
  }
  return type;
}

/**
 * Renders the CAPI manifests of a new cluster into the GitOps layout. Pure and
 * deterministic: the same spec and price book give the same bytes. Throws
 * `InvalidClusterSpecError` listing every problem of a spec it cannot render.
 */
export function renderCluster(
  input: unknown,
  pricing: InstancePricing,
): RenderedCluster {
  const spec = parseClusterSpec(input);
  const unsupported = unsupportedCombinationReason(
    spec.cloud,
    spec.flavor,
    spec.mode,
  );
  if (unsupported) throw new InvalidClusterSpecError([`mode: ${unsupported}`]);
  const combination = RENDER_COMBINATIONS.find(
    c =>
      c.cloud === spec.cloud &&
      c.flavor === spec.flavor &&
      c.mode === spec.mode,
  )!;

  const instanceType = instanceTypeFor(
    pricing,
    spec,
    spec.instanceType,
    spec.size,
    'instanceType',
  );
  const controlPlaneInstanceType =
    spec.flavor === 'kubeadm'
      ? instanceTypeFor(
          pricing,
          spec,
          spec.controlPlaneInstanceType,
          'small',
          'controlPlaneInstanceType',
        )
      : undefined;
  const ctx: RenderContext = {
    spec,
    profile: resolveProfile(spec),
    instanceType,
    controlPlaneInstanceType: controlPlaneInstanceType ?? instanceType,
    workerNode: pricing.specOf(spec.cloud, instanceType),
  };

  let rendered: RenderedObjects;
  if (spec.mode === 'topology') rendered = renderTopologyCluster(ctx);
  else if (spec.flavor === 'managed') rendered = renderManagedCluster(ctx);
  else rendered = renderKubeadmCluster(ctx);

  const objects = [
    ...rendered.cluster,
    ...rendered.controlPlane,
    ...rendered.workers,
    ...rendered.healthChecks,
  ];
  const nameProblems = objectNameProblems(objects);
  if (nameProblems.length) {
    throw new InvalidClusterSpecError(
      nameProblems.map(p => `name: ${p.object} ${p.field} ${p.message}`),
    );
  }
  const directory = clusterDirectory(spec.cloud, spec.region, spec.name);
  const warnings = [...new Set([instanceType, controlPlaneInstanceType])]
    .filter((t): t is string => !!t && !pricing.specOf(spec.cloud, t))
    .map(
      t => `${t} is not in the ${spec.cloud} price book: its cost is unknown`,
    );
  return {
    spec,
    combination,
    directory,
    objects,
    files: layoutFiles(directory, rendered),
    profile: ctx.profile,
    instanceType,
    ...(controlPlaneInstanceType ? { controlPlaneInstanceType } : {}),
    context:
      spec.mode === 'topology'
        ? assumedClusterClass(spec.cloud, clusterClassName(ctx), spec.namespace)
        : [],
    warnings,
  };
}
