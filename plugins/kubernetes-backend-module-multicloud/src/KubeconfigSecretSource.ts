import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { CAPI_LABELS, clusterRef, type ClusterRef } from '@internal/plugin-multicloud-common';

/** The CAPI kubeconfig secrets of a management cluster, as raw kubeconfig text per cluster. */
export interface KubeconfigSecretSource {
  read(): Promise<Map<ClusterRef, string>>;
}

/**
 * Lists `<cluster>-kubeconfig` secrets (label `cluster.x-k8s.io/cluster-name`, key `value`)
 * on demand. The text is handed to the parser and dropped: secrets are never part of the
 * fleet snapshot and never logged.
 */
export class ManagementClusterKubeconfigSecrets implements KubeconfigSecretSource {
  private readonly core: CoreV1Api;

  constructor(kubeConfig: KubeConfig) {
    this.core = kubeConfig.makeApiClient(CoreV1Api);
  }

  async read(): Promise<Map<ClusterRef, string>> {
    const result = new Map<ClusterRef, string>();
    let continueToken: string | undefined;
    do {
      const list = await this.core.listSecretForAllNamespaces({
        labelSelector: CAPI_LABELS.clusterName,
        limit: 500,
        _continue: continueToken,
      });
      for (const secret of list.items) {
        const cluster = secret.metadata?.labels?.[CAPI_LABELS.clusterName];
        const value = secret.data?.value;
        if (!cluster || !value || secret.metadata?.name !== `${cluster}-kubeconfig`) {
          continue;
        }
        result.set(
          clusterRef(secret.metadata.namespace ?? 'default', cluster),
          Buffer.from(value, 'base64').toString('utf8'),
        );
      }
      continueToken = list.metadata?._continue || undefined;
    } while (continueToken);
    return result;
  }
}
