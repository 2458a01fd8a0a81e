import { splitApiVersion } from '@internal/plugin-multicloud-common';
import type { Registry, ResourceType } from '../api/registry';
import type { ResourceApi } from '../api/resources';
import type { KubeObject } from '../api/types';

/**
 * How the controller writes: through the same API semantics clients get (validation,
 * status subresource, finalizers, no-op detection), keeping each in-memory object's
 * resourceVersion current so consecutive writes in one tick do not conflict.
 */
export class Writer {
  constructor(
    private readonly api: ResourceApi,
    private readonly registry: Registry,
  ) {}

  private type(obj: KubeObject): ResourceType {
    const { group, version } = splitApiVersion(obj.apiVersion!);
    const type = this.registry.forObject(group, version, obj.kind!);
    if (!type)
      throw new Error(`No served type for ${obj.apiVersion} ${obj.kind}`);
    return type;
  }

  private sync(obj: KubeObject, json: string): KubeObject {
    const stored = JSON.parse(json) as KubeObject;
    obj.metadata = stored.metadata;
    return stored;
  }

  /** Creates the object; returns what was stored (uid and all). */
  create(obj: KubeObject): KubeObject {
    return this.sync(
      obj,
      this.api.create(this.type(obj), obj.metadata?.namespace ?? '', obj).json,
    );
  }

  update(obj: KubeObject): void {
    this.sync(
      obj,
      this.api.update(
        this.type(obj),
        obj.metadata!.namespace ?? '',
        obj.metadata!.name!,
        obj,
      ).json,
    );
  }

  updateStatus(obj: KubeObject): void {
    const type = this.type(obj);
    const write = type.hasStatusSubresource
      ? { subresource: 'status' as const }
      : {};
    this.sync(
      obj,
      this.api.update(
        type,
        obj.metadata!.namespace ?? '',
        obj.metadata!.name!,
        obj,
        write,
      ).json,
    );
  }

  /** Deletes (or, with finalizers, marks for deletion); returns whether it is gone. */
  delete(obj: KubeObject): boolean {
    const result = this.api.delete(
      this.type(obj),
      obj.metadata!.namespace ?? '',
      obj.metadata!.name!,
    );
    if (!result.removed) this.sync(obj, result.json);
    return result.removed;
  }
}
