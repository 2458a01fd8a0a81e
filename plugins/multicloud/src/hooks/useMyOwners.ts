import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';

/**
 * Owner label values of the signed-in user's teams: `group:default/team-payments` ↔
 * `multicloud.io/owner: team-payments`. Undefined while loading.
 */
export function useMyOwners(): string[] | undefined {
  const identityApi = useApi(identityApiRef);
  const { value } = useAsync(async () => {
    const { ownershipEntityRefs } = await identityApi.getBackstageIdentity();
    return ownersFromOwnership(ownershipEntityRefs);
  }, [identityApi]);
  return value;
}

export function ownersFromOwnership(refs: readonly string[]): string[] {
  const owners = new Set<string>();
  for (const ref of refs) {
    try {
      const { kind, name } = parseEntityRef(ref);
      if (kind.toLocaleLowerCase('en-US') === 'group') owners.add(name);
    } catch {
      // A malformed ownership ref names no team.
    }
  }
  return [...owners].sort();
}
