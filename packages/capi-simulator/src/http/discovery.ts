import {
  apiVersionOf,
  type Registry,
  type ResourceType,
} from '../api/registry';
import { errors } from '../api/status';

const VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];

/** The Kubernetes version the simulator claims (CAPI v1.14 supports management clusters ≥ 1.31). */
export const KUBERNETES_VERSION = {
  major: '1',
  minor: '33',
  gitVersion: 'v1.33.1',
};

function resourceEntries(t: ResourceType): object[] {
  const main = {
    name: t.plural,
    singularName: t.singular,
    namespaced: t.namespaced,
    kind: t.kind,
    verbs: VERBS,
    ...(t.shortNames.length ? { shortNames: t.shortNames } : {}),
    ...(t.categories.length ? { categories: t.categories } : {}),
  };
  const status = t.hasStatusSubresource
    ? [
        {
          name: `${t.plural}/status`,
          singularName: '',
          namespaced: t.namespaced,
          kind: t.kind,
          verbs: ['get', 'patch', 'update'],
        },
      ]
    : [];
  return [main, ...status];
}

/**
 * Legacy discovery documents (`/api`, `/apis`, `/apis/{group}/{version}`), derived from the
 * registry and serialised once: they never change while the simulator runs.
 */
export class Discovery {
  private readonly cache = new Map<string, string>();

  constructor(
    private readonly registry: Registry,
    private readonly serverAddress: string,
  ) {}

  version(): string {
    return this.cached('version', () => ({
      ...KUBERNETES_VERSION,
      gitCommit: '0000000000000000000000000000000000000000',
      gitTreeState: 'clean',
      buildDate: '2025-05-15T00:00:00Z',
      goVersion: 'go1.24.2',
      compiler: 'gc',
      platform: 'linux/amd64',
    }));
  }

  coreVersions(): string {
    return this.cached('api', () => ({
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [
        { clientCIDR: '0.0.0.0/0', serverAddress: this.serverAddress },
      ],
    }));
  }

  groups(): string {
    return this.cached('apis', () => ({
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: this.registry.groups().map(g => this.group(g.name, g.versions)),
    }));
  }

  groupDocument(name: string): string {
    const found = this.registry.groups().find(g => g.name === name);
    if (!found) throw errors.pathNotFound();
    return this.cached(`apis/${name}`, () => ({
      kind: 'APIGroup',
      apiVersion: 'v1',
      ...this.group(found.name, found.versions),
    }));
  }

  resources(group: string, version: string): string {
    const types = this.registry.resourcesOf(group, version);
    if (types.length === 0) throw errors.pathNotFound();
    return this.cached(`resources/${group}/${version}`, () => ({
      kind: 'APIResourceList',
      ...(group ? { apiVersion: 'v1' } : {}),
      groupVersion: apiVersionOf(group, version),
      resources: types.flatMap(resourceEntries),
    }));
  }

  private group(name: string, versions: string[]) {
    const entries = versions.map(v => ({
      groupVersion: `${name}/${v}`,
      version: v,
    }));
    return { name, versions: entries, preferredVersion: entries[0] };
  }

  private cached(key: string, build: () => object): string {
    let text = this.cache.get(key);
    if (!text) {
      text = JSON.stringify(build());
      this.cache.set(key, text);
    }
    return text;
  }
}
