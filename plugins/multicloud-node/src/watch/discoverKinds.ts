import type { ListWatchClient } from './KubeListWatchClient';
import type { WatchedKind } from './watchedKinds';

export interface ServedKind {
  kind: WatchedKind;
  version: string;
}

/**
 * Picks, for each watched kind, the first preferred version the management cluster
 * serves. Kinds whose CRD is not installed (a provider that is not deployed) are left out
 * rather than watched into 404s.
 */
export async function discoverServedKinds(
  client: ListWatchClient,
  kinds: readonly WatchedKind[],
): Promise<ServedKind[]> {
  const groups = await client.discoverGroups();
  const resourcesByGroupVersion = new Map<string, Promise<Set<string>>>();
  const resourcesOf = (group: string, version: string) => {
    const key = `${group}/${version}`;
    let resources = resourcesByGroupVersion.get(key);
    if (!resources) {
      resources = client.discoverResources(group, version);
      resourcesByGroupVersion.set(key, resources);
    }
    return resources;
  };

  const served: ServedKind[] = [];
  for (const kind of kinds) {
    const versions = groups.get(kind.group) ?? [];
    for (const version of kind.versions) {
      if (
        versions.includes(version) &&
        (await resourcesOf(kind.group, version)).has(kind.plural)
      ) {
        served.push({ kind, version });
        break;
      }
    }
  }
  return served;
}
