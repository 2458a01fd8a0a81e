import type { BackstageCredentials, LoggerService } from '@backstage/backend-plugin-api';
import type {
  AuthMetadata,
  AuthenticationStrategy,
  ClusterDetails,
  KubernetesClustersSupplier,
  KubernetesCredential,
} from '@backstage/plugin-kubernetes-node';
import { clusterEntityName, type ClusterRef } from '@internal/plugin-multicloud-common';
import type { FleetService } from '@internal/plugin-multicloud-node';
import type { KubeconfigSecretSource } from './KubeconfigSecretSource';
import { parseClusterKubeconfig } from './parseClusterKubeconfig';

/**
 * CAPI clusters use the `serviceAccount` auth provider name: the Kubernetes frontend
 * knows it as server-side auth, so the browser never handles credentials. This marker in
 * the auth metadata tells the wrapped strategy to use the kubeconfig secret's credential.
 */
export const CAPI_CLUSTER_MARKER = 'multicloud.io/capi-cluster';

interface CacheEntry {
  clusters: ClusterDetails[];
  credentials: Map<string, KubernetesCredential>;
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
      secrets: KubeconfigSecretSource;
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
    try {
      this.cache = await this.refreshing;
    } catch (error) {
      if (!this.cache) throw error;
      // Keep serving the last known clusters while the management cluster is unreachable.
      this.options.logger.warn(`Could not refresh CAPI kubeconfig secrets: ${(error as Error).message}`);
    }
    return this.cache;
  }

  private fleetRefs(): string {
    return this.options.fleet
      .getFleet()
      .clusters.map(c => c.ref)
      .join(',');
  }

  private async load(now: number, fleetRefs: string): Promise<CacheEntry> {
    const secrets = await this.options.secrets.read();
    const clusters: ClusterDetails[] = [];
    const credentials = new Map<string, KubernetesCredential>();
    for (const [ref, kubeconfig] of secrets) {
      const name = this.entityName(ref);
      try {
        const access = parseClusterKubeconfig(kubeconfig);
        clusters.push({
          name,
          title: ref,
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
        this.options.logger.warn(`Skipping kubeconfig secret of cluster ${ref}: ${(error as Error).message}`);
      }
    }
    clusters.sort((a, b) => a.name.localeCompare(b.name));
    return { clusters, credentials, fetchedAt: now, fleetRefs };
  }

  private entityName(ref: ClusterRef): string {
    const [namespace, name] = ref.split('/');
    return clusterEntityName(namespace, name);
  }
}
