import {
  ApisApi,
  CustomObjectsApi,
  KubeConfig,
  Watch,
} from '@kubernetes/client-node';
import type { KubeObject } from '@internal/plugin-multicloud-common';

export interface ListPage {
  items: KubeObject[];
  resourceVersion: string;
  continueToken?: string;
}

export interface WatchHandlers {
  onEvent(type: string, object: any): void;
  /** Called once when the stream ends: `err` is undefined for a normal close. */
  onDone(err?: { statusCode?: number; message?: string }): void;
}

/**
 * The few API calls the fleet cache makes, over `@kubernetes/client-node`: discovery, a
 * paged cluster-wide list, and a watch. Kept behind this interface so the reflector's
 * retry logic is tested against a real server (the simulator) and a scripted fake alike.
 */
export interface ListWatchClient {
  /** Served versions per API group (`/apis`). */
  discoverGroups(): Promise<Map<string, string[]>>;
  /** Plural resource names served at `/apis/{group}/{version}`. */
  discoverResources(group: string, version: string): Promise<Set<string>>;
  list(
    group: string,
    version: string,
    plural: string,
    options: { limit: number; continueToken?: string },
  ): Promise<ListPage>;
  watch(
    group: string,
    version: string,
    plural: string,
    options: { resourceVersion: string; timeoutSeconds: number },
    handlers: WatchHandlers,
  ): Promise<{ abort(): void }>;
}

export class KubeListWatchClient implements ListWatchClient {
  private readonly apis: ApisApi;
  private readonly customObjects: CustomObjectsApi;
  private readonly watcher: Watch;

  constructor(kubeConfig: KubeConfig) {
    this.apis = kubeConfig.makeApiClient(ApisApi);
    this.customObjects = kubeConfig.makeApiClient(CustomObjectsApi);
    this.watcher = new Watch(kubeConfig);
  }

  async discoverGroups(): Promise<Map<string, string[]>> {
    const groups = await this.apis.getAPIVersions();
    return new Map(
      (groups.groups ?? []).map(g => [
        g.name,
        (g.versions ?? []).map(v => v.version),
      ]),
    );
  }

  async discoverResources(
    group: string,
    version: string,
  ): Promise<Set<string>> {
    const list = await this.customObjects.getAPIResources({ group, version });
    return new Set((list.resources ?? []).map(r => r.name));
  }

  async list(
    group: string,
    version: string,
    plural: string,
    options: { limit: number; continueToken?: string },
  ): Promise<ListPage> {
    const body: any = await this.customObjects.listClusterCustomObject({
      group,
      version,
      plural,
      limit: options.limit,
      _continue: options.continueToken,
    });
    return {
      items: body?.items ?? [],
      resourceVersion: body?.metadata?.resourceVersion ?? '',
      continueToken:
        body?.metadata?._continue ?? body?.metadata?.continue ?? undefined,
    };
  }

  async watch(
    group: string,
    version: string,
    plural: string,
    options: { resourceVersion: string; timeoutSeconds: number },
    handlers: WatchHandlers,
  ): Promise<{ abort(): void }> {
    const controller = await this.watcher.watch(
      `/apis/${group}/${version}/${plural}`,
      {
        resourceVersion: options.resourceVersion,
        allowWatchBookmarks: true,
        timeoutSeconds: options.timeoutSeconds,
      },
      (type, object) => handlers.onEvent(type, object),
      err => handlers.onDone(err ?? undefined),
    );
    return { abort: () => controller.abort() };
  }
}
