import type { KubeObject } from '../model/kube';
import type { Evidence } from './types';

/** Reads a field path (`spec.template.spec.nonRootVolumes[0].encrypted`) from an object. */
export function readPath(obj: unknown, fieldPath: string): unknown {
  let cur: any = obj;
  for (const key of fieldPath.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = cur[key];
  }
  return cur;
}

/** Evidence citing `fieldPath` of `obj` with the value the object actually holds. */
export function evidenceAt(obj: KubeObject, fieldPath: string): Evidence {
  return {
    kind: obj.kind ?? 'Unknown',
    name: obj.metadata?.name ?? '',
    fieldPath,
    value: readPath(obj, fieldPath) ?? null,
  };
}

/** Evidence for a label or annotation; their keys contain dots, so they are quoted. */
export function metadataEvidence(
  obj: KubeObject,
  field: 'labels' | 'annotations',
  key: string,
): Evidence {
  return {
    kind: obj.kind ?? 'Unknown',
    name: obj.metadata?.name ?? '',
    fieldPath: `metadata.${field}['${key}']`,
    value: obj.metadata?.[field]?.[key] ?? null,
  };
}

/** The first candidate whose field is set, else the first candidate (showing `null`). */
export function firstSetEvidence(
  candidates: Array<[KubeObject | undefined, string]>,
): Evidence | undefined {
  const present = candidates.filter(
    (c): c is [KubeObject, string] => c[0] !== undefined,
  );
  const all = present.map(([obj, path]) => evidenceAt(obj, path));
  return all.find(e => e.value !== null) ?? all[0];
}

/** A Cluster label, or the summary's copy of it when the Cluster object is not at hand. */
export function clusterLabelEvidence(
  cluster: KubeObject | undefined,
  clusterName: string,
  key: string,
  summaryValue: string | undefined,
): Evidence {
  return cluster
    ? metadataEvidence(cluster, 'labels', key)
    : {
        kind: 'Cluster',
        name: clusterName,
        fieldPath: `metadata.labels['${key}']`,
        value: summaryValue ?? null,
      };
}
