/** What a Kubernetes API path addresses. */
export type Route =
  | { kind: 'version' }
  | { kind: 'coreVersions' }
  | { kind: 'coreResources'; version: string }
  | { kind: 'groups' }
  | { kind: 'group'; group: string }
  | { kind: 'groupResources'; group: string; version: string }
  | {
      kind: 'resource';
      group: string;
      version: string;
      plural: string;
      namespace?: string;
      name?: string;
      subresource?: string;
    };

function resourceRoute(
  group: string,
  version: string,
  rest: string[],
): Route | undefined {
  // `namespaces/{ns}/{plural}/...`, but `namespaces/{name}` and `namespaces/{name}/status`
  // address the Namespace object itself.
  if (
    rest[0] === 'namespaces' &&
    rest.length >= 3 &&
    !(group === '' && rest.length === 3 && rest[2] === 'status')
  ) {
    const [, namespace, plural, name, subresource, ...extra] = rest;
    if (extra.length > 0) return undefined;
    return {
      kind: 'resource',
      group,
      version,
      plural,
      namespace,
      name,
      subresource,
    };
  }
  const [plural, name, subresource, ...extra] = rest;
  if (!plural || extra.length > 0) return undefined;
  return { kind: 'resource', group, version, plural, name, subresource };
}

/** Parses `/api/...`, `/apis/...` and `/version` paths (already stripped of any prefix). */
export function parseRoute(path: string): Route | undefined {
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [root, ...rest] = segments;
  if (root === 'version' && rest.length === 0) return { kind: 'version' };
  if (root === 'api') {
    if (rest.length === 0) return { kind: 'coreVersions' };
    if (rest.length === 1) return { kind: 'coreResources', version: rest[0] };
    return resourceRoute('', rest[0], rest.slice(1));
  }
  if (root === 'apis') {
    if (rest.length === 0) return { kind: 'groups' };
    if (rest.length === 1) return { kind: 'group', group: rest[0] };
    if (rest.length === 2)
      return { kind: 'groupResources', group: rest[0], version: rest[1] };
    return resourceRoute(rest[0], rest[1], rest.slice(2));
  }
  return undefined;
}
