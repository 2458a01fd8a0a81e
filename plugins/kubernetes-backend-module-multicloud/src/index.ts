/**
 * Kubernetes backend module: CAPI kubeconfig secrets as Kubernetes plugin clusters.
 *
 * @packageDocumentation
 */
export { kubernetesModuleMulticloud as default } from './module';
export * from './parseClusterKubeconfig';
export { CapiClusterSupplier, CAPI_CLUSTER_MARKER } from './CapiClusterSupplier';
export {
  ManagementClusterKubeconfigSecrets,
  type KubeconfigSecretSource,
} from './KubeconfigSecretSource';
