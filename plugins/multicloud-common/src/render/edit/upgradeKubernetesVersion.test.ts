import { PriceBook } from '../../cost/PriceBook';
import { RENDER_COMBINATIONS } from '../combinations';
import { renderCluster } from '../renderCluster';
import { specFor } from '../__testUtils__/specs';
import { ManifestEditError } from './ManifestSet';
import { upgradeKubernetesVersion } from './upgradeKubernetesVersion';

const prices = new PriceBook();
const files = (reference: string, version = 'v1.33.1') =>
  renderCluster(
    specFor(
      RENDER_COMBINATIONS.find(c => c.reference === reference)!,
      'production',
      { kubernetesVersion: version },
    ),
    prices,
  ).files;
const changedLines = (before: string, after: string) => {
  const a = before.split('\n');
  return after.split('\n').filter((line, i) => line !== a[i]);
};

describe('upgradeKubernetesVersion', () => {
  it('moves the control plane first, then (run again) the workers', () => {
    const original = files('aws-cluster-template.yaml');
    const first = upgradeKubernetesVersion(original, 'v1.34.0');
    expect(first.changes).toEqual([
      {
        file: expect.stringMatching(/control-plane.yaml$/),
        object:
          'KubeadmControlPlane team-platform/aws-kubeadm-full-control-plane',
        field: 'spec.version',
        from: 'v1.33.1',
        to: 'v1.34.0',
      },
    ]);
    expect(first.notes[0]).toMatch(
      /^Workers stay on v1.33.1 until the control plane runs v1.34.0/,
    );
    const cp = first.files.find(f => f.path.endsWith('control-plane.yaml'))!;
    expect(
      changedLines(original.find(f => f.path === cp.path)!.content, cp.content),
    ).toEqual(['  version: v1.34.0']);

    const second = upgradeKubernetesVersion(first.files, 'v1.34.0');
    expect(second.changes.map(c => `${c.object} ${c.field} ${c.to}`)).toEqual([
      'MachineDeployment team-platform/aws-kubeadm-full-md-0 spec.template.spec.version v1.34.0',
    ]);
    const third = upgradeKubernetesVersion(second.files, 'v1.34.0');
    expect(third.changes).toEqual([]);
    expect(third.notes).toEqual([
      'The cluster already runs v1.34.0: nothing to change.',
    ]);
  });

  it('writes each managed control plane in its own version form', () => {
    const eks = upgradeKubernetesVersion(
      files('aws-cluster-template-eks.yaml'),
      'v1.34.2',
    );
    expect(eks.changes.map(c => [c.field, c.from, c.to])).toEqual([
      ['spec.version', 'v1.33', 'v1.34'],
    ]);
    const gke = upgradeKubernetesVersion(
      files('gcp-cluster-template-gke.yaml'),
      'v1.34.2',
    );
    expect(gke.changes.map(c => [c.field, c.from, c.to])).toEqual([
      ['spec.version', '1.33', '1.34'],
    ]);
    // GKE pools carry no version of their own: after the control plane there is nothing left.
    expect(upgradeKubernetesVersion(gke.files, 'v1.34.2').changes).toEqual([]);
    const aks = upgradeKubernetesVersion(
      files('azure-cluster-template-aks.yaml'),
      'v1.33.4',
    );
    expect(aks.changes.map(c => [c.object, c.to])).toEqual([
      ['AzureManagedControlPlane team-platform/azure-managed-full', 'v1.33.4'],
    ]);
  });

  it('changes only spec.topology.version of a topology cluster (CAPI orders the rollout)', () => {
    const result = upgradeKubernetesVersion(
      files('gcp-cluster-template-topology.yaml'),
      'v1.34.0',
    );
    expect(result.changes.map(c => c.field)).toEqual(['spec.topology.version']);
    expect(result.notes).toEqual([]);
  });

  it.each([
    ['v1.32.9', /would be a downgrade/],
    ['v1.33.0', /would be a downgrade/],
    ['v1.35.0', /one minor version at a time \(next: v1.34\)/],
    ['1.34', /must look like v1.33.1/],
  ])('refuses %s', (target, message) => {
    expect(() =>
      upgradeKubernetesVersion(files('aws-cluster-template.yaml'), target),
    ).toThrow(ManifestEditError);
    expect(() =>
      upgradeKubernetesVersion(files('aws-cluster-template.yaml'), target),
    ).toThrow(message);
  });

  it('refuses a directory without a control plane', () => {
    expect(() =>
      upgradeKubernetesVersion(
        [{ path: 'x.yaml', content: 'kind: ConfigMap\n' }],
        'v1.34.0',
      ),
    ).toThrow(/no control plane/);
  });
});
