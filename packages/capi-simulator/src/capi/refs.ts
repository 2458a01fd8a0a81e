import { splitApiVersion } from '@internal/plugin-multicloud-common';

export type CapiVersion = 'v1beta1' | 'v1beta2';

/** A reference to another object, whichever shape it was written in. */
export interface Ref {
  group: string;
  kind: string;
  name: string;
}

/** Reads a v1beta2 `ContractVersionedObjectReference` or a v1beta1 `ObjectReference`. */
export function readRef(ref: unknown): Ref | undefined {
  const r = ref as
    | { apiGroup?: string; apiVersion?: string; kind?: string; name?: string }
    | undefined;
  if (!r?.kind || !r.name) return undefined;
  const group =
    r.apiGroup ?? (r.apiVersion ? splitApiVersion(r.apiVersion).group : '');
  return { group, kind: r.kind, name: r.name };
}

/** Writes a reference in the shape of the referring object's CAPI version. */
export function writeRef(
  version: CapiVersion,
  target: { apiVersion: string; kind: string; name: string },
) {
  return version === 'v1beta2'
    ? {
        apiGroup: splitApiVersion(target.apiVersion).group,
        kind: target.kind,
        name: target.name,
      }
    : { apiVersion: target.apiVersion, kind: target.kind, name: target.name };
}

export function capiVersionOf(obj: { apiVersion?: string }): CapiVersion {
  return obj.apiVersion?.endsWith('/v1beta1') ? 'v1beta1' : 'v1beta2';
}

export const CAPI_GROUP = 'cluster.x-k8s.io';
export const CONTROLPLANE_GROUP = 'controlplane.cluster.x-k8s.io';
export const BOOTSTRAP_GROUP = 'bootstrap.cluster.x-k8s.io';
export const INFRA_GROUP = 'infrastructure.cluster.x-k8s.io';
