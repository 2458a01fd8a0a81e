import type { KnownCloud } from '../../model/cloud';
import { awsKubeadm, awsManaged } from './aws';
import { azureKubeadm, azureManaged } from './azure';
import { gcpKubeadm, gcpManaged } from './gcp';
import type { KubeadmProvider, ManagedProvider } from './types';

export const KUBEADM_PROVIDERS: Record<KnownCloud, KubeadmProvider> = {
  aws: awsKubeadm,
  azure: azureKubeadm,
  gcp: gcpKubeadm,
};

export const MANAGED_PROVIDERS: Record<KnownCloud, ManagedProvider> = {
  aws: awsManaged,
  azure: azureManaged,
  gcp: gcpManaged,
};
