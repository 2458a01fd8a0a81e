import type { BackstageCredentials, LoggerService } from '@backstage/backend-plugin-api';
import type {
  AuthMetadata,
  AuthenticationStrategy,
  ClusterDetails,
  KubernetesClustersSupplier,
  KubernetesCredential,
} from '@backstage/plugin-kubernetes-node';
import {
  clusterEntityName,
  clusterEntityNameOf,
  clusterRef,
  type ClusterRef,
} from '@internal/plugin-multicloud-common';
import type { FleetService } from '@internal/plugin-multicloud-node';
import type { KubeconfigSecretSource } from './KubeconfigSecretSource';
import { parseClusterKubeconfig } from './parseClusterKubeconfig';

/**
 * CAPI clusters use the `serviceAccount` auth provider name: the Kubernetes frontend
 * knows it as server-side auth, so the browser never handles credentials. This marker in
 * the auth metadata tells the wrapped strategy to use the kubeconfig secret's credential.
 */
export const CAPI_CLUSTER_MARKER = 'multicloud.io/capi-cluster';

/** The kubeconfig secrets of one management cluster. */
export interface CapiSecretSource {
  /** The management cluster's name: names its clusters when the fleet spans several. */
  managementCluster?: string;
  secrets: KubeconfigSecretSource;
}

interface SourceClusters {
  clusters: ClusterDetails[];
  credentials: Map<string, KubernetesCredential>;
}

interface CacheEntry extends SourceClusters {
  /** Per source, so a source that cannot be read keeps its last clusters. */
  bySource: SourceClusters[];
  fetchedAt: number;
  /** Cluster refs of the fleet when this entry was built; a change triggers a refresh. */
  fleetRefs: string;
}

/**
 * Workload clusters for the Kubernetes plugin, from the CAPI kubeconfig secrets. Cluster
 * names are the catalog names of the cluster Resources, so the `catalogRelation` service
 * locator maps a service's `dependsOn` to the clusters it runs on.
 *
 * Credentials stay here: ClusterDetails carry only the auth provider name, and the auth
 * strategy below looks the credential up by cluster name and presents no metadata.
 */
export class CapiClusterSupplier implements KubernetesClustersSupplier {
  private cache?: CacheEntry;
  private refreshing?: Promise<CacheEntry>;

  constructor(
    private readonly options: {
      /** One per management cluster. */
      sources: CapiSecretSource[];
      fleet: FleetService;
      logger: LoggerService;
      ttlMs: number;
      now?: () => number;
    },
  ) {}

  async getClusters(_options?: { credentials: BackstageCredentials }): Promise<ClusterDetails[]> {
    return (await this.current()).clusters;
  }

  /**
   * The `serviceAccount` strategy extended with the CAPI clusters' credentials (bearer
   * token or client certificate); other clusters keep the wrapped strategy's behaviour.
   */
  wrapServiceAccountStrategy(serviceAccount: AuthenticationStrategy): AuthenticationStrategy {
    return {
      getCredential: async (clusterDetails, authConfig) => {
        if (clusterDetails.authMetadata[CAPI_CLUSTER_MARKER] !== 'true') {
          return serviceAccount.getCredential(clusterDetails, authConfig);
        }
        const credential = (await this.current()).credentials.get(clusterDetails.name);
        if (!credential) {
          throw new Error(`no kubeconfig secret is known for cluster ${clusterDetails.name}`);
        }
        return credential;
      },
      validateCluster: (authMetadata: AuthMetadata) =>
        authMetadata[CAPI_CLUSTER_MARKER] === 'true' ? [] : serviceAccount.validateCluster(authMetadata),
      presentAuthMetadata: (_authMetadata: AuthMetadata) => ({}),
    };
  }

  private async current(): Promise<CacheEntry> {
    const now = (this.options.now ?? Date.now)();
    const fleetRefs = this.fleetRefs();
    if (this.cache && now - this.cache.fetchedAt < this.options.ttlMs && this.cache.fleetRefs === fleetRefs) {
      return this.cache;
    }
    this.refreshing ??= this.load(now, fleetRefs).finally(() => {
      this.refreshing = undefined;
    });
    this.cache = await this.refreshing;
    return this.cache;
  }

  private fleetRefs(): string {
    return this.options.fleet
      .getFleet()
      .clusters.map(c => c.ref)
      .join(',');
  }

  private async load(now: number, fleetRefs: string): Promise<CacheEntry> {
    const { sources, logger } = this.options;
    const results = await Promise.allSettled(sources.map(source => this.loadSource(source)));
    if (!this.cache && results.every(r => r.status === 'rejected')) {
      throw (results[0] as PromiseRejectedResult).reason;
    }
    const bySource = results.map((result, i) => {
      if (result.status === 'fulfilled') return result.value;
      const from = sources[i].managementCluster ? ` of management cluster ${sources[i].managementCluster}` : '';
      // Keep serving this management cluster's last known clusters while it is unreachable.
      logger.warn(`Could not refresh the CAPI kubeconfig secrets${from}: ${(result.reason as Error).message}`);
      return this.cache?.bySource[i] ?? { clusters: [], credentials: new Map() };
    });
    const clusters = bySource.flatMap(s => s.clusters).sort((a, b) => a.name.localeCompare(b.name));
    const credentials = new Map(bySource.flatMap(s => [...s.credentials]));
    return { clusters, credentials, bySource, fetchedAt: now, fleetRefs };
  }

  private async loadSource(source: CapiSecretSource): Promise<SourceClusters> {
    const secrets = await source.secrets.read();
    const catalogNames = this.catalogNames(source.managementCluster);
    const clusters: ClusterDetails[] = [];
    const credentials = new Map<string, KubernetesCredential>();
    for (const [ref, kubeconfig] of secrets) {
      const name = catalogNames.get(ref) ?? this.entityName(ref, source.managementCluster);
      const title = this.options.sources.length > 1 ? `${source.managementCluster}/${ref}` : ref;
      try {
        const access = parseClusterKubeconfig(kubeconfig);
        clusters.push({
          name,
          title,
          url: access.url,
          caData: access.caData,
          skipTLSVerify: access.skipTLSVerify,
          skipMetricsLookup: true,
          authMetadata: {
            'kubernetes.io/auth-provider': 'serviceAccount',
            [CAPI_CLUSTER_MARKER]: 'true',
          },
        });
        credentials.set(
          name,
          access.credentials.type === 'token'
            ? { type: 'bearer token', token: access.credentials.token }
            : {
                type: 'x509 client certificate',
                cert: Buffer.from(access.credentials.certData, 'base64').toString('utf8'),
                key: Buffer.from(access.credentials.keyData, 'base64').toString('utf8'),
              },
        );
      } catch (error) {
        // The parser's messages never contain secret content.
        this.options.logger.warn(`Skipping kubeconfig secret of cluster ${title}: ${(error as Error).message}`);
      }
    }
    return { clusters, credentials };
  }

  /** Catalog names of one management cluster's fleet clusters, by the secrets' `namespace/name`. */
  private catalogNames(managementCluster: string | undefined): Map<ClusterRef, string> {
    return new Map(
      this.options.fleet
        .getFleet()
        .clusters.filter(c => !managementCluster || c.managementCluster === managementCluster)
        .map(c => [clusterRef(c.namespace, c.name), clusterEntityNameOf(c)]),
    );
  }

  /** A secret whose cluster the fleet does not know (yet): named as the catalog would name it. */
  private entityName(ref: ClusterRef, managementCluster: string | undefined): string {
    const [namespace, name] = ref.split('/');
    return clusterEntityName(namespace, name, this.options.sources.length > 1 ? managementCluster : undefined);
  }
}
