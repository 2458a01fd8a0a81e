import type { IncomingMessage, ServerResponse } from 'node:http';
import { CAPI_LABELS } from '@internal/plugin-multicloud-common';
import { WORKLOAD_TYPES } from '../api/builtins';
import { ApiError, errors } from '../api/status';
import type { ObjectStore } from '../api/store';
import type { KubeObject } from '../api/types';
import { KEYS } from '../controller/view';
import type { Counters } from '../counters';
import { createRng, NAME_SUFFIX_ALPHABET } from '../generator/prng';
import { buildWorkloadObjects, servicesOn } from '../generator/workloads';
import { tokenMatches } from '../http/auth';
import { createEndpoint, type ApiEndpoint } from '../http/endpoint';
import { kubeconfigToken } from '../kubeconfig';

export interface WorkloadClustersOptions {
  management: ObjectStore;
  seed: string;
  placements: Record<string, string[]>;
  counters: Counters;
  now: () => Date;
  bookmarkIntervalMs: number;
  eventWindow: number;
  serverAddress: string;
}

/**
 * The workload clusters behind `/workload/{namespace}/{name}`. Each one is created on first
 * use, from the seed and the catalog placements. Its credentials are whatever the cluster's
 * `<name>-kubeconfig` Secret in the management cluster says, so deleting the cluster (or
 * rotating the Secret) changes who gets in.
 */
export class WorkloadClusters {
  private readonly endpoints = new Map<
    string,
    { secretUid: string; endpoint: ApiEndpoint }
  >();
  private readonly tokens = new Map<
    string,
    { rv: number; token: string | undefined }
  >();

  constructor(private readonly o: WorkloadClustersOptions) {}

  all(): ApiEndpoint[] {
    return [...this.endpoints.values()].map(e => e.endpoint);
  }

  async handle(
    req: IncomingMessage,
    res: ServerResponse,
    namespace: string,
    name: string,
    bearer: string | undefined,
    path: string,
    query: URLSearchParams,
  ): Promise<void> {
    const secret = this.o.management.get(
      KEYS.secret,
      namespace,
      `${name}-kubeconfig`,
    );
    if (!secret) throw errors.pathNotFound();
    const token = this.tokenOf(secret.key, secret.resourceVersion, secret.json);
    if (!tokenMatches(bearer, token)) throw errors.unauthorized();
    const cluster = this.o.management.read(KEYS.cluster, namespace, name);
    const phase = cluster?.status?.phase;
    if (!cluster || phase === 'Failed' || phase === 'Deleting') {
      throw new ApiError(
        503,
        'ServiceUnavailable',
        `the workload cluster ${namespace}/${name} is unreachable`,
      );
    }
    await this.endpoint(namespace, name, secret.uid).handle(
      req,
      res,
      path,
      query,
    );
  }

  close(): void {
    for (const { endpoint } of this.endpoints.values())
      endpoint.watches.close();
  }

  private tokenOf(key: string, rv: number, json: string): string | undefined {
    const cached = this.tokens.get(key);
    if (cached?.rv === rv) return cached.token;
    const data = (JSON.parse(json) as KubeObject).data as
      | { value?: string }
      | undefined;
    const token = data?.value
      ? kubeconfigToken(Buffer.from(data.value, 'base64').toString('utf8'))
      : undefined;
    this.tokens.set(key, { rv, token });
    return token;
  }

  private endpoint(
    namespace: string,
    name: string,
    secretUid: string,
  ): ApiEndpoint {
    const ref = `${namespace}/${name}`;
    const existing = this.endpoints.get(ref);
    if (existing?.secretUid === secretUid) return existing.endpoint;
    existing?.endpoint.watches.close();
    const rng = createRng(`${this.o.seed}/workload/${ref}`);
    const endpoint = createEndpoint({
      counterPrefix: 'workload:',
      types: WORKLOAD_TYPES,
      objects: buildWorkloadObjects({
        services: servicesOn(this.o.placements, ref),
        nodes: this.nodeNames(namespace, name),
        rng,
        now: this.o.now(),
      }),
      ids: {
        uid: () => rng.uuid(),
        nameSuffix: () => rng.chars(5, NAME_SUFFIX_ALPHABET),
      },
      now: this.o.now,
      counters: this.o.counters,
      bookmarkIntervalMs: this.o.bookmarkIntervalMs,
      eventWindow: this.o.eventWindow,
      serverAddress: this.o.serverAddress,
    });
    this.endpoints.set(ref, { secretUid, endpoint });
    return endpoint;
  }

  /** Nodes are the cluster's worker machines (managed pools: synthetic node names). */
  private nodeNames(namespace: string, name: string): string[] {
    const nodes: string[] = [];
    for (const stored of this.o.management.withLabel(
      KEYS.machine,
      namespace,
      name,
    )) {
      if (stored.labels?.[CAPI_LABELS.controlPlane] !== undefined) continue;
      const node = (JSON.parse(stored.json) as KubeObject).status?.nodeRef
        ?.name;
      if (node) nodes.push(node);
    }
    return nodes.length ? nodes : [0, 1, 2].map(i => `${name}-pool-${i}`);
  }
}
