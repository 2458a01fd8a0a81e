import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CrdValidator } from '@internal/plugin-multicloud-common';
import { Registry, storageKeyOf, type ResourceType } from '../api/registry';
import {
  ResourceApi,
  type FieldValidation,
  type IdSource,
  type WriteResult,
} from '../api/resources';
import { assertPatchType } from '../api/patch';
import { parseSelector } from '../api/selectors';
import { ApiError, errors, qualifiedResource } from '../api/status';
import { ObjectStore } from '../api/store';
import type { KubeObject } from '../api/types';
import { WatchHub } from '../api/watch';
import type { Counters, Verb } from '../counters';
import { readJsonBody } from './body';
import { Discovery } from './discovery';
import { listPage } from './list';
import { sendJson, sendList } from './respond';
import { parseRoute, type Route } from './router';

/** Watches without `timeoutSeconds` end after this long (the real server picks 30–60 min). */
const DEFAULT_WATCH_TIMEOUT_SECONDS = 1800;

type ResourceRoute = Extract<Route, { kind: 'resource' }>;

function warningHeaders(result: WriteResult): Record<string, string[]> {
  return result.warnings.length
    ? { Warning: result.warnings.map(w => `299 - ${JSON.stringify(w)}`) }
    : {};
}

function fieldValidation(query: URLSearchParams): FieldValidation | undefined {
  const value = query.get('fieldValidation');
  if (value === null) return undefined;
  if (value === 'Ignore' || value === 'Warn' || value === 'Strict')
    return value;
  throw errors.badRequest(
    `fieldValidation must be one of Ignore, Warn, Strict, got "${value}"`,
  );
}

/** `resourceVersion` of a watch: absent, or a decimal number (etcd revisions are). */
function resourceVersion(query: URLSearchParams): string | undefined {
  const value = query.get('resourceVersion');
  if (value === null || value === '') return undefined;
  if (!/^\d+$/.test(value))
    throw errors.badRequest(
      `resourceVersion: Invalid value: "${value}": must be a decimal number`,
    );
  return value;
}

function positiveInt(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw errors.badRequest(`${name} must be a non-negative integer`);
  return n;
}

/** One Kubernetes API surface (the management cluster, or one workload cluster). */
export class ApiEndpoint {
  constructor(
    private readonly counterPrefix: string,
    readonly registry: Registry,
    readonly store: ObjectStore,
    readonly api: ResourceApi,
    readonly watches: WatchHub,
    private readonly discovery: Discovery,
    private readonly counters: Counters,
  ) {}

  async handle(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    query: URLSearchParams,
  ): Promise<void> {
    const route = parseRoute(path);
    if (!route) throw errors.pathNotFound();
    if (route.kind !== 'resource') {
      if (req.method !== 'GET') throw errors.methodNotAllowed(req.method ?? '');
      sendJson(res, 200, this.discoveryDocument(route));
      return;
    }
    const type = this.registry.find(route.group, route.version, route.plural);
    if (
      !type ||
      (route.namespace !== undefined && !type.namespaced) ||
      (route.subresource !== undefined &&
        (route.subresource !== 'status' || !type.hasStatusSubresource))
    ) {
      throw errors.pathNotFound();
    }
    try {
      await this.handleResource(req, res, route, type, query);
    } catch (error) {
      if (error instanceof ApiError && error.reason === 'Conflict') {
        this.counters.recordConflict();
      }
      throw error;
    }
  }

  private discoveryDocument(route: Exclude<Route, ResourceRoute>): string {
    switch (route.kind) {
      case 'version':
        return this.discovery.version();
      case 'coreVersions':
        return this.discovery.coreVersions();
      case 'coreResources':
        return this.discovery.resources('', route.version);
      case 'groups':
        return this.discovery.groups();
      case 'group':
        return this.discovery.groupDocument(route.group);
      default:
        return this.discovery.resources(route.group, route.version);
    }
  }

  private count(verb: Verb, type: ResourceType): void {
    this.counters.record(
      verb,
      `${this.counterPrefix}${qualifiedResource(type.plural, type.group)}`,
    );
  }

  private async handleResource(
    req: IncomingMessage,
    res: ServerResponse,
    route: ResourceRoute,
    type: ResourceType,
    query: URLSearchParams,
  ): Promise<void> {
    const namespace = route.namespace ?? '';
    const { name } = route;
    const subresource =
      route.subresource === 'status' ? ('status' as const) : undefined;
    const options = {
      dryRun: query.get('dryRun') === 'All',
      fieldValidation: fieldValidation(query),
      subresource,
    };
    switch (req.method) {
      case 'GET': {
        if (name) {
          this.count('get', type);
          sendJson(res, 200, this.api.get(type, namespace, name).json);
          return;
        }
        const watch = query.get('watch');
        const selector = parseSelector(query);
        if (watch === 'true' || watch === '1') {
          this.count('watch', type);
          this.watches.open(
            {
              type,
              namespace: route.namespace,
              selector,
              resourceVersion: resourceVersion(query),
              allowBookmarks: query.get('allowWatchBookmarks') === 'true',
              timeoutSeconds:
                positiveInt(query, 'timeoutSeconds') ||
                DEFAULT_WATCH_TIMEOUT_SECONDS,
            },
            res,
          );
          return;
        }
        this.count('list', type);
        const page = listPage(this.store, {
          type,
          namespace: route.namespace,
          selector,
          limit: positiveInt(query, 'limit'),
          continue: query.get('continue') ?? undefined,
        });
        await sendList(res, page.head, page.items, page.tail);
        return;
      }
      case 'POST': {
        if (name) throw errors.methodNotAllowed('POST');
        this.count('create', type);
        const result = this.api.create(
          type,
          namespace,
          await readJsonBody(req),
          options,
        );
        sendJson(res, 201, result.json, warningHeaders(result));
        return;
      }
      case 'PUT': {
        if (!name) throw errors.methodNotAllowed('PUT');
        this.count('update', type);
        const result = this.api.update(
          type,
          namespace,
          name,
          await readJsonBody(req),
          options,
        );
        sendJson(res, 200, result.json, warningHeaders(result));
        return;
      }
      case 'PATCH': {
        if (!name) throw errors.methodNotAllowed('PATCH');
        this.count('patch', type);
        const contentType = (req.headers['content-type'] ?? '')
          .split(';')[0]
          .trim();
        assertPatchType(contentType, type.custom);
        const result = this.api.patch(
          type,
          namespace,
          name,
          contentType,
          await readJsonBody(req),
          options,
        );
        sendJson(res, 200, result.json, warningHeaders(result));
        return;
      }
      case 'DELETE': {
        if (!name) throw errors.methodNotAllowed('DELETE');
        this.count('delete', type);
        const body = (await readJsonBody(req)) as
          | { preconditions?: { uid?: string; resourceVersion?: string } }
          | undefined;
        const result = this.api.delete(
          type,
          namespace,
          name,
          body?.preconditions,
        );
        if (!result.removed || type.returnDeletedObject) {
          sendJson(res, 200, result.json);
        } else {
          const { uid } = JSON.parse(result.json).metadata;
          sendJson(
            res,
            200,
            JSON.stringify({
              kind: 'Status',
              apiVersion: 'v1',
              metadata: {},
              status: 'Success',
              details: { name, group: type.group, kind: type.plural, uid },
            }),
          );
        }
        return;
      }
      default:
        throw errors.methodNotAllowed(req.method ?? '');
    }
  }
}

export interface EndpointOptions {
  /** Prefix of this endpoint's resources in the request counters (`workload:` or none). */
  counterPrefix: string;
  types: ResourceType[];
  objects: Iterable<KubeObject>;
  validator?: CrdValidator;
  mutate?: (obj: KubeObject) => void;
  ids: IdSource;
  now: () => Date;
  counters: Counters;
  bookmarkIntervalMs: number;
  eventWindow: number;
  /** A label the store indexes (see ObjectStore). */
  indexedLabel?: string;
  serverAddress: string;
}

/** Wires a registry, a store loaded with `objects`, write semantics and watches into an endpoint. */
export function createEndpoint(o: EndpointOptions): ApiEndpoint {
  const registry = new Registry(o.types);
  const store = new ObjectStore(o.eventWindow, o.indexedLabel);
  for (const obj of o.objects) store.load(storageKeyOf(obj), obj);
  const api = new ResourceApi(store, o.validator, o.ids, o.now, o.mutate);
  return new ApiEndpoint(
    o.counterPrefix,
    registry,
    store,
    api,
    new WatchHub(store, o.bookmarkIntervalMs),
    new Discovery(registry, o.serverAddress),
    o.counters,
  );
}
