/**
 * Where each kind keeps the Kubernetes version, and in which form the provider wants it.
 * Shared by rendering and the day-2 upgrade edit, so both write the same thing.
 */
export type VersionFormat =
  /** `v1.33.1` */
  | 'full'
  /** `v1.33`: EKS runs a minor; AWS picks the patch. */
  | 'minor'
  /** `1.33`: GKE takes a minor without the `v` and picks the patch. */
  | 'bare-minor';

export type VersionRole = 'topology' | 'control-plane' | 'workers';

export interface VersionField {
  path: string[];
  format: VersionFormat;
  role: VersionRole;
}

export const VERSION_FIELDS: Record<string, VersionField> = {
  Cluster: {
    path: ['spec', 'topology', 'version'],
    format: 'full',
    role: 'topology',
  },
  KubeadmControlPlane: {
    path: ['spec', 'version'],
    format: 'full',
    role: 'control-plane',
  },
  AWSManagedControlPlane: {
    path: ['spec', 'version'],
    format: 'minor',
    role: 'control-plane',
  },
  AzureManagedControlPlane: {
    path: ['spec', 'version'],
    format: 'full',
    role: 'control-plane',
  },
  GCPManagedControlPlane: {
    path: ['spec', 'version'],
    format: 'bare-minor',
    role: 'control-plane',
  },
  MachineDeployment: {
    path: ['spec', 'template', 'spec', 'version'],
    format: 'full',
    role: 'workers',
  },
  MachinePool: {
    path: ['spec', 'template', 'spec', 'version'],
    format: 'full',
    role: 'workers',
  },
};

/** `v1.33.1` in the given form. */
export function formatVersion(version: string, format: VersionFormat): string {
  const [major, minor] = version.replace(/^v/, '').split('.');
  switch (format) {
    case 'minor':
      return `v${major}.${minor}`;
    case 'bare-minor':
      return `${major}.${minor}`;
    default:
      return version;
  }
}
