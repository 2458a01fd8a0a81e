import { compareMinor, parseMinorVersion } from '../../compliance/minorVersion';
import { formatVersion, VERSION_FIELDS, type VersionField } from '../versions';
import {
  ManifestEditError,
  ManifestSet,
  type ManifestEditResult,
  type ManifestEntry,
  type ManifestFileInput,
} from './ManifestSet';

interface Versioned {
  entry: ManifestEntry;
  field: VersionField;
  current: string;
}

function versioned(set: ManifestSet): Versioned[] {
  return set.entries().flatMap(entry => {
    const field = VERSION_FIELDS[entry.object.kind];
    const current = field?.path.reduce<any>((o, k) => o?.[k], entry.object);
    return field && typeof current === 'string'
      ? [{ entry, field, current }]
      : [];
  });
}

/** `v1.33.1` vs `v1.33.0` by major, minor, then patch (a missing patch counts as equal). */
function comparePatch(a: string, b: string): number {
  const pa = a.replace(/^v/, '').split('.').map(Number);
  const pb = b.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if (pa[i] === undefined || pb[i] === undefined) return 0;
    if (pa[i] !== pb[i]) return pa[i] - pb[i];
  }
  return 0;
}

/** Kubernetes upgrades one minor at a time and never downgrades. */
function skewProblem(
  current: string,
  target: string,
  label: string,
): string | undefined {
  const from = parseMinorVersion(current);
  const to = parseMinorVersion(target)!;
  if (!from) return `${label}: current version '${current}' is unreadable`;
  if (
    compareMinor(to, from) < 0 ||
    (compareMinor(to, from) === 0 && comparePatch(target, current) < 0)
  ) {
    return `${label} runs ${current}: ${target} would be a downgrade`;
  }
  if (to[0] !== from[0] || to[1] > from[1] + 1) {
    return `${label} runs ${current}: upgrade one minor version at a time (next: v${
      from[0]
    }.${from[1] + 1})`;
  }
  return undefined;
}

function atTarget(v: Versioned, target: string): boolean {
  return v.current === formatVersion(target, v.field.format);
}

/**
 * The Kubernetes version upgrade of a cluster directory, in the order Kubernetes' version
 * skew policy requires (kubelets never newer than the API server):
 *  - a topology cluster: `spec.topology.version`; CAPI upgrades the control plane, then the workers;
 *  - otherwise the control plane first (KubeadmControlPlane or the managed control plane);
 *    once it runs the target, the same edit moves the worker pools.
 * Throws `ManifestEditError` for a downgrade, a skipped minor or a directory without versions.
 */
export function upgradeKubernetesVersion(
  files: readonly ManifestFileInput[],
  target: string,
): ManifestEditResult {
  if (!/^v\d+\.\d+\.\d+$/.test(target)) {
    throw new ManifestEditError([
      `kubernetesVersion: '${target}' must look like v1.33.1`,
    ]);
  }
  const set = new ManifestSet(files);
  const all = versioned(set);
  const topology = all.filter(v => v.field.role === 'topology');
  const controlPlanes = all.filter(v => v.field.role === 'control-plane');
  const leading = topology.length ? topology : controlPlanes;
  if (leading.length === 0) {
    throw new ManifestEditError([
      'no control plane with a version found (KubeadmControlPlane, a managed control plane, or a Cluster topology)',
    ]);
  }
  const behind = leading.filter(v => !atTarget(v, target));
  const problems = behind.flatMap(
    v => skewProblem(v.current, target, v.entry.label) ?? [],
  );
  if (problems.length) throw new ManifestEditError(problems);

  if (behind.length) {
    for (const v of behind)
      set.set(v.entry, v.field.path, formatVersion(target, v.field.format));
    const workers = all.filter(
      v => v.field.role === 'workers' && !atTarget(v, target),
    );
    if (!topology.length && workers.length) {
      set.notes.push(
        `Workers stay on ${workers[0].current} until the control plane runs ${target}: merge this change, wait for the control-plane rollout, then run the upgrade again to move the worker pools.`,
      );
    }
    return set.result();
  }
  for (const v of all.filter(
    w => w.field.role === 'workers' && !atTarget(w, target),
  )) {
    const problem = skewProblem(v.current, target, v.entry.label);
    if (problem) throw new ManifestEditError([problem]);
    set.set(v.entry, v.field.path, formatVersion(target, v.field.format));
  }
  if (set.result().changes.length === 0) {
    set.notes.push(`The cluster already runs ${target}: nothing to change.`);
  }
  return set.result();
}
