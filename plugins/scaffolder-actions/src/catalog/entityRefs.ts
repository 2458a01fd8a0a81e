import { InputError } from '@backstage/errors';

export interface EntityName {
  kind: string;
  namespace: string;
  name: string;
}

/** `kind:namespace/name` (namespace optional) → its parts, lower-cased kind and namespace. */
export function parseEntityRef(
  ref: string,
  defaultKind: string,
  field: string,
): EntityName {
  const match =
    /^(?:([A-Za-z][A-Za-z0-9]*):)?(?:([a-z0-9][-a-z0-9]*)\/)?([A-Za-z0-9][A-Za-z0-9._-]*)$/.exec(
      ref.trim(),
    );
  if (!match)
    throw new InputError(
      `${field}: '${ref}' is not an entity reference (kind:namespace/name)`,
    );
  return {
    kind: (match[1] ?? defaultKind).toLowerCase(),
    namespace: (match[2] ?? 'default').toLowerCase(),
    name: match[3],
  };
}

export function stringifyEntityRef({
  kind,
  namespace,
  name,
}: EntityName): string {
  return `${kind}:${namespace}/${name}`;
}

/** Catalog names compare case-insensitively. */
export function sameEntity(a: EntityName, b: EntityName): boolean {
  return (
    a.kind === b.kind &&
    a.namespace === b.namespace &&
    a.name.toLowerCase() === b.name.toLowerCase()
  );
}
