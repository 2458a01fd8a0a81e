import {
  ApiException,
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
  type KubeConfig,
} from '@kubernetes/client-node';
import {
  describeTarget,
  splitApiVersion,
  type KubeObject,
  type MergePatch,
  type ObjectTarget,
} from '@internal/plugin-multicloud-common';

/**
 * Reads and merge-patches the objects failover steps target, on the management cluster. Both
 * throw `TransientRequestError` when the same request may succeed later.
 */
export interface ObjectClient {
  get(target: ObjectTarget): Promise<KubeObject>;
  /** Throws `PatchConflictError` when the resourceVersion precondition no longer holds (409). */
  mergePatch(target: ObjectTarget, body: MergePatch): Promise<KubeObject>;
}

/** The object changed since it was read: re-read and retry. */
export class PatchConflictError extends Error {
  name = 'PatchConflictError';
}

/** The management cluster was unreachable or answered 429/5xx: retry later. */
export class TransientRequestError extends Error {
  name = 'TransientRequestError';
}

/** Network failures of client-node's fetch, 429 and 5xx become `TransientRequestError`. */
function classify(error: unknown): unknown {
  const status = error instanceof ApiException ? error.code : undefined;
  const network =
    (error as { name?: unknown } | undefined)?.name === 'FetchError';
  if (network || status === 429 || (status !== undefined && status >= 500)) {
    const message = String((error as Error).message).split('\n')[0];
    return new TransientRequestError(message, { cause: error });
  }
  return error;
}

const PLURALS: Record<string, string> = {
  Cluster: 'clusters',
  MachineDeployment: 'machinedeployments',
};

/**
 * `ObjectClient` over `@kubernetes/client-node`'s CustomObjectsApi, for one or several
 * management clusters. With several, a target names the management cluster that holds it;
 * one that does not is found by reading it from each in turn, and remembered.
 */
export class KubeObjectClient implements ObjectClient {
  private readonly apis: Array<{ name: string; api: CustomObjectsApi }>;
  private readonly located = new Map<string, CustomObjectsApi>();

  constructor(
    managementClusters: ReadonlyArray<{ name: string; kubeConfig: KubeConfig }>,
  ) {
    this.apis = managementClusters.map(mc => ({
      name: mc.name,
      api: mc.kubeConfig.makeApiClient(CustomObjectsApi),
    }));
  }

  async get(target: ObjectTarget): Promise<KubeObject> {
    const known = this.holderOf(target) ?? this.located.get(keyOf(target));
    if (known) return this.read(known, target);
    for (const { api } of this.apis) {
      try {
        const object = await this.read(api, target);
        this.located.set(keyOf(target), api);
        return object;
      } catch (error) {
        if (!(error instanceof ApiException && error.code === 404)) throw error;
      }
    }
    throw new Error(
      `${describeTarget(target)} not found on ${
        this.apis.map(a => a.name).join(', ') || 'any management cluster'
      }`,
    );
  }

  async mergePatch(
    target: ObjectTarget,
    body: MergePatch,
  ): Promise<KubeObject> {
    if (!this.holderOf(target) && !this.located.has(keyOf(target))) {
      await this.get(target);
    }
    const api = this.holderOf(target) ?? this.located.get(keyOf(target))!;
    try {
      return await api.patchNamespacedCustomObject(
        { ...coordinates(target), body },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      );
    } catch (error) {
      if (error instanceof ApiException && error.code === 409) {
        throw new PatchConflictError(
          `${describeTarget(target)} changed since it was read`,
        );
      }
      throw classify(error);
    }
  }

  private holderOf(target: ObjectTarget): CustomObjectsApi | undefined {
    if (!target.managementCluster) return undefined;
    const holder = this.apis.find(a => a.name === target.managementCluster);
    if (!holder) {
      throw new Error(
        `${describeTarget(target)}: no management cluster named '${
          target.managementCluster
        }' is configured`,
      );
    }
    return holder.api;
  }

  private async read(
    api: CustomObjectsApi,
    target: ObjectTarget,
  ): Promise<KubeObject> {
    try {
      return await api.getNamespacedCustomObject(coordinates(target));
    } catch (error) {
      throw classify(error);
    }
  }
}

function coordinates(target: ObjectTarget) {
  const plural = PLURALS[target.kind];
  if (!plural)
    throw new Error(`failover does not patch ${target.kind} objects`);
  const { group, version } = splitApiVersion(target.apiVersion);
  return {
    group,
    version,
    namespace: target.namespace,
    plural,
    name: target.name,
  };
}

function keyOf(target: ObjectTarget): string {
  return `${target.apiVersion}|${target.kind}|${target.namespace}|${target.name}`;
}
