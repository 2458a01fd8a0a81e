/**
 * Kubernetes backend module: CAPI kubeconfig secrets as Kubernetes plugin clusters.
 *
 * @packageDocumentation
 */
export { kubernetesModuleMulticloud as default } from './module';
export * from './parseClusterKubeconfig';
export { CapiClusterSupplier, CAPI_AUTH_PROVIDER } from './CapiClusterSupplier';
export {
  ManagementClusterKubeconfigSecrets,
  type KubeconfigSecretSource,
} from './KubeconfigSecretSource';
