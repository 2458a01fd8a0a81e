import { InputError } from '@backstage/errors';

/**
 * The label value for an owner or system picked in the catalog. Cluster labels hold entity
 * names (the catalog module resolves them in the default namespace), and label values cannot
 * hold `kind:namespace/`, so only entities of the default namespace qualify.
 */
export function entityNameForLabel(
  ref: string,
  kind: 'group' | 'system',
  field: string,
): string {
  const match = /^(?:([A-Za-z]+):)?(?:([^/:]+)\/)?([^/:]+)$/.exec(ref.trim());
  if (!match)
    throw new InputError(`${field}: '${ref}' is not an entity reference`);
  const [, refKind, namespace, name] = match;
  if (refKind && refKind.toLowerCase() !== kind) {
    throw new InputError(
      `${field}: must be a ${kind}, got ${refKind.toLowerCase()}`,
    );
  }
  if (namespace && namespace !== 'default') {
    throw new InputError(
      `${field}: only ${kind}s of the default namespace can be put on a cluster label, got namespace '${namespace}'`,
    );
  }
  return name;
}
