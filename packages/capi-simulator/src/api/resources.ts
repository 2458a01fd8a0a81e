import type {
  CrdValidator,
  ValidationCause,
} from '@internal/plugin-multicloud-common';
import { validateObjectMeta } from './metaValidation';
import { applyPatchBody, assertPatchType } from './patch';
import { apiVersionOf, storageKey, type ResourceType } from './registry';
import { errors, STALE_OBJECT } from './status';
import type { ObjectStore, StoredObject } from './store';
import type { KubeObject } from './types';

export type FieldValidation = 'Ignore' | 'Warn' | 'Strict';

export interface WriteOptions {
  dryRun?: boolean;
  fieldValidation?: FieldValidation;
  subresource?: 'status';
}

export interface WriteResult {
  /** The object as stored (or as it would be, on a dry run). */
  json: string;
  /** `Warning` header values (unknown fields that were pruned). */
  warnings: string[];
}

export interface DeleteResult {
  json: string;
  /** False when finalizers keep the object (it only got a deletionTimestamp). */
  removed: boolean;
}

export interface IdSource {
  uid(): string;
  /** Five characters of the alphabet Kubernetes uses for `generateName` suffixes. */
  nameSuffix(): string;
}

const NAMESPACE_KEY = storageKey('', 'Namespace');

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** JSON of everything a generation counts: all but metadata (and status with a subresource). */
function specJson(obj: KubeObject, ignoreStatus: boolean): string {
  const { metadata: _m, status, ...rest } = obj;
  return JSON.stringify(ignoreStatus ? rest : { ...rest, status });
}

/**
 * The API server's write semantics for one endpoint: server-set metadata, optimistic
 * concurrency, status subresource rules, finalizers, schema validation with pruning and
 * defaulting. HTTP handlers and the in-process controller both write through this class.
 */
export class ResourceApi {
  constructor(
    private readonly store: ObjectStore,
    private readonly validator: CrdValidator | undefined,
    private readonly ids: IdSource,
    private readonly now: () => Date,
    /** Admission-time defaulting (what the kinds' mutating webhooks would do). */
    private readonly mutate: (obj: KubeObject) => void = () => {},
  ) {}

  get(type: ResourceType, namespace: string, name: string): StoredObject {
    const stored = this.store.get(type.storageKey, namespace, name);
    if (!stored) throw errors.notFound(type.plural, type.group, name);
    return stored;
  }

  create(
    type: ResourceType,
    namespace: string,
    body: unknown,
    options: WriteOptions = {},
  ): WriteResult {
    const obj = this.checkBody(type, namespace, body);
    const metadata = obj.metadata!;
    if (!metadata.name && metadata.generateName) {
      metadata.name = `${metadata.generateName}${this.ids.nameSuffix()}`;
    }
    if (metadata.resourceVersion) {
      throw errors.badRequest(
        'resourceVersion should not be set on objects to be created',
      );
    }
    this.checkNamespaceExists(type, namespace);
    for (const field of [
      'deletionTimestamp',
      'deletionGracePeriodSeconds',
      'managedFields',
    ]) {
      delete metadata[field];
    }
    metadata.uid = this.ids.uid();
    metadata.creationTimestamp = this.timestamp();
    if (type.custom) metadata.generation = 1;
    // Create cannot set status of a kind that has a status subresource.
    if (type.hasStatusSubresource) delete obj.status;
    const { object, warnings } = this.validate(type, obj, options);
    if (this.store.get(type.storageKey, namespace, metadata.name!)) {
      throw errors.alreadyExists(type.plural, type.group, metadata.name!);
    }
    if (options.dryRun) return { json: JSON.stringify(object), warnings };
    return { json: this.store.put(type.storageKey, object).json, warnings };
  }

  update(
    type: ResourceType,
    namespace: string,
    name: string,
    body: unknown,
    options: WriteOptions = {},
  ): WriteResult {
    const existing = this.get(type, namespace, name);
    const obj = this.checkBody(type, namespace, body);
    if (obj.metadata!.name !== name) {
      throw errors.badRequest(
        `the name of the object (${
          obj.metadata!.name
        }) does not match the name on the URL (${name})`,
      );
    }
    const requested = obj.metadata!.resourceVersion;
    if (!requested && type.custom) {
      throw errors.invalid(type.kind, type.group, name, [
        {
          reason: 'FieldValueInvalid',
          field: 'metadata.resourceVersion',
          message: 'Invalid value: 0x0: must be specified for an update',
        },
      ]);
    }
    if (requested && requested !== String(existing.resourceVersion)) {
      throw errors.conflict(type.plural, type.group, name, STALE_OBJECT);
    }
    return this.write(type, existing, obj, options);
  }

  patch(
    type: ResourceType,
    namespace: string,
    name: string,
    contentType: string,
    body: unknown,
    options: WriteOptions = {},
  ): WriteResult {
    assertPatchType(contentType, type.custom);
    const existing = this.get(type, namespace, name);
    const current = JSON.parse(existing.json) as Record<string, unknown>;
    const patched = applyPatchBody(current, contentType, body) as KubeObject;
    if (!isObject(patched) || !isObject(patched.metadata)) {
      throw errors.badRequest('the patch removed the object metadata');
    }
    // A resourceVersion in the patch is a precondition, as for an update.
    if (patched.metadata.resourceVersion !== String(existing.resourceVersion)) {
      throw errors.conflict(type.plural, type.group, name, STALE_OBJECT);
    }
    if (patched.metadata.name !== name) {
      throw errors.badRequest(
        `the name of the object (${patched.metadata.name}) does not match the name on the URL (${name})`,
      );
    }
    return this.write(type, existing, patched, options);
  }

  delete(
    type: ResourceType,
    namespace: string,
    name: string,
    preconditions: { uid?: string; resourceVersion?: string } = {},
  ): DeleteResult {
    const existing = this.get(type, namespace, name);
    if (preconditions.uid && preconditions.uid !== existing.uid) {
      throw errors.conflict(
        type.plural,
        type.group,
        name,
        `Precondition failed: UID in precondition: ${preconditions.uid}, UID in object meta: ${existing.uid}`,
      );
    }
    if (
      preconditions.resourceVersion &&
      preconditions.resourceVersion !== String(existing.resourceVersion)
    ) {
      throw errors.conflict(
        type.plural,
        type.group,
        name,
        `Precondition failed: ResourceVersion in precondition: ${preconditions.resourceVersion}, ResourceVersion in object meta: ${existing.resourceVersion}`,
      );
    }
    const obj = JSON.parse(existing.json) as KubeObject;
    if (obj.metadata?.finalizers?.length) {
      if (obj.metadata.deletionTimestamp)
        return { json: existing.json, removed: false };
      obj.metadata.deletionTimestamp = this.timestamp();
      obj.metadata.deletionGracePeriodSeconds = 0;
      return {
        json: this.store.put(type.storageKey, obj).json,
        removed: false,
      };
    }
    if (type.storageKey === NAMESPACE_KEY) this.removeNamespaceContents(name);
    return {
      json: this.store.remove(type.storageKey, namespace, name)!.json,
      removed: true,
    };
  }

  /** Namespaces are removed with everything in them at once (no Terminating phase). */
  private removeNamespaceContents(namespace: string): void {
    for (const key of this.store.storageKeys()) {
      for (const objectKey of this.store.keys(key, namespace)) {
        const stored = this.store.getByKey(key, objectKey)!;
        this.store.remove(key, stored.namespace, stored.name);
      }
    }
  }

  /** Shared tail of update and patch: carry server-owned fields over, validate, store. */
  private write(
    type: ResourceType,
    existing: StoredObject,
    incoming: KubeObject,
    options: WriteOptions,
  ): WriteResult {
    const old = JSON.parse(existing.json) as KubeObject;
    let next: KubeObject;
    if (options.subresource === 'status') {
      next = {
        ...old,
        apiVersion: apiVersionOf(type.group, type.version),
        status: incoming.status,
      };
    } else {
      next = {
        ...incoming,
        apiVersion: apiVersionOf(type.group, type.version),
        kind: type.kind,
      };
      const metadata = { ...incoming.metadata };
      for (const field of [
        'uid',
        'creationTimestamp',
        'deletionTimestamp',
        'deletionGracePeriodSeconds',
        'generation',
        'namespace',
        'name',
      ]) {
        if (old.metadata![field] === undefined) delete metadata[field];
        else metadata[field] = old.metadata![field];
      }
      next.metadata = metadata;
      if (type.hasStatusSubresource) {
        if (old.status === undefined) delete next.status;
        else next.status = old.status;
      }
    }
    const { object, warnings } = this.validate(type, next, options);
    if (
      type.custom &&
      specJson(object, type.hasStatusSubresource) !==
        specJson(old, type.hasStatusSubresource)
    ) {
      object.metadata!.generation = (old.metadata!.generation ?? 0) + 1;
    }
    object.metadata!.resourceVersion = old.metadata!.resourceVersion;
    if (JSON.stringify(object) === existing.json)
      return { json: existing.json, warnings };
    if (options.dryRun) return { json: JSON.stringify(object), warnings };
    if (
      object.metadata!.deletionTimestamp &&
      !object.metadata!.finalizers?.length
    ) {
      const removed = this.store.remove(
        type.storageKey,
        existing.namespace,
        existing.name,
      )!;
      return { json: removed.json, warnings };
    }
    return { json: this.store.put(type.storageKey, object).json, warnings };
  }

  /** Decodes a request body: an object of the URL's kind, in the URL's namespace. */
  private checkBody(
    type: ResourceType,
    namespace: string,
    body: unknown,
  ): KubeObject {
    if (!isObject(body))
      throw errors.badRequest('the request body must be a JSON object');
    const obj = JSON.parse(JSON.stringify(body)) as KubeObject;
    const apiVersion = apiVersionOf(type.group, type.version);
    if (obj.apiVersion !== undefined && obj.apiVersion !== apiVersion) {
      throw errors.badRequest(
        `the API version in the data (${obj.apiVersion}) does not match the expected API version (${apiVersion})`,
      );
    }
    if (obj.kind !== undefined && obj.kind !== type.kind) {
      throw errors.badRequest(
        `the kind in the data (${obj.kind}) does not match the expected kind (${type.kind})`,
      );
    }
    obj.apiVersion = apiVersion;
    obj.kind = type.kind;
    if (!isObject(obj.metadata)) obj.metadata = {};
    const metadata = obj.metadata;
    if (type.namespaced) {
      if (metadata.namespace && metadata.namespace !== namespace) {
        throw errors.badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        );
      }
      metadata.namespace = namespace;
    } else {
      delete metadata.namespace;
    }
    return obj;
  }

  private checkNamespaceExists(type: ResourceType, namespace: string): void {
    if (type.namespaced && !this.store.get(NAMESPACE_KEY, '', namespace)) {
      throw errors.notFound('namespaces', '', namespace);
    }
  }

  private validate(
    type: ResourceType,
    obj: KubeObject,
    options: WriteOptions,
  ): { object: KubeObject; warnings: string[] } {
    const causes: ValidationCause[] = validateObjectMeta(obj.metadata!, {
      nameIsLabel: type.storageKey === NAMESPACE_KEY,
    });
    this.mutate(obj);
    let object = obj;
    let unknown: string[] = [];
    if (type.custom && this.validator) {
      const result = this.validator.validate(obj);
      object = result.object as KubeObject;
      unknown = result.unknownFields;
      causes.push(...result.causes);
    }
    if (causes.length > 0) {
      throw errors.invalid(
        type.kind,
        type.group,
        obj.metadata!.name ?? '',
        causes,
      );
    }
    const fieldValidation = options.fieldValidation ?? 'Warn';
    if (unknown.length > 0 && fieldValidation === 'Strict') {
      throw errors.badRequest(
        `strict decoding error: ${unknown
          .map(f => `unknown field "${f}"`)
          .join(', ')}`,
      );
    }
    const warnings =
      fieldValidation === 'Warn'
        ? unknown.map(f => `unknown field "${f}"`)
        : [];
    return { object, warnings };
  }

  private timestamp(): string {
    return this.now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
  }
}
