import { PriceBook } from '../../cost/PriceBook';
import { CAPI_AUTOSCALER_ANNOTATIONS } from '../../model/labels';
import { RENDER_COMBINATIONS } from '../combinations';
import { renderCluster } from '../renderCluster';
import { specFor } from '../__testUtils__/specs';
import { scaleWorkerPool } from './scaleWorkerPool';

const prices = new PriceBook();
const files = (
  reference: string,
  env: 'development' | 'staging' | 'production' = 'production',
) =>
  renderCluster(
    specFor(RENDER_COMBINATIONS.find(c => c.reference === reference)!, env),
    prices,
  ).files;
const summary = (result: ReturnType<typeof scaleWorkerPool>) =>
  result.changes.map(c => `${c.object} ${c.field}: ${c.from} -> ${c.to}`);

describe('scaleWorkerPool', () => {
  it('rewrites the autoscaler annotations of a MachineDeployment, two lines and nothing else', () => {
    const original = files('aws-cluster-template.yaml');
    const result = scaleWorkerPool(original, { minNodes: 4, maxNodes: 12 });
    expect(summary(result)).toEqual([
      `MachineDeployment team-platform/aws-kubeadm-full-md-0 metadata.annotations.${CAPI_AUTOSCALER_ANNOTATIONS.minSize}: 3 -> 4`,
      `MachineDeployment team-platform/aws-kubeadm-full-md-0 metadata.annotations.${CAPI_AUTOSCALER_ANNOTATIONS.maxSize}: 10 -> 12`,
    ]);
    const workers = result.files.find(f => f.changed)!;
    const before = original.find(f => f.path === workers.path)!.content;
    expect(workers.content).toBe(
      before
        .replace(
          `${CAPI_AUTOSCALER_ANNOTATIONS.minSize}: "3"`,
          `${CAPI_AUTOSCALER_ANNOTATIONS.minSize}: "4"`,
        )
        .replace(
          `${CAPI_AUTOSCALER_ANNOTATIONS.maxSize}: "10"`,
          `${CAPI_AUTOSCALER_ANNOTATIONS.maxSize}: "12"`,
        ),
    );
    expect(result.files.filter(f => f.changed)).toHaveLength(1);
  });

  it('sets AKS native scaling and keeps the pool replicas within the bounds', () => {
    const result = scaleWorkerPool(files('azure-cluster-template-aks.yaml'), {
      pool: 'azure-managed-full-pool0',
      minNodes: 5,
      maxNodes: 8,
    });
    expect(summary(result)).toEqual([
      'AzureManagedMachinePool team-platform/azure-managed-full-pool0 spec.scaling.minSize: 3 -> 5',
      'AzureManagedMachinePool team-platform/azure-managed-full-pool0 spec.scaling.maxSize: 10 -> 8',
      'MachinePool team-platform/azure-managed-full-pool0 spec.replicas: 3 -> 5',
    ]);
  });

  it('refuses an empty AKS System pool', () => {
    expect(() =>
      scaleWorkerPool(files('azure-cluster-template-aks.yaml'), {
        minNodes: 0,
        maxNodes: 3,
      }),
    ).toThrow(/System pool: it needs at least one node/);
  });

  it('keeps GKE replicas a multiple of the pool zones', () => {
    const staging = files('gcp-cluster-template-gke.yaml', 'staging');
    expect(
      summary(scaleWorkerPool(staging, { minNodes: 3, maxNodes: 6 })),
    ).toContain(
      'MachinePool team-platform/gcp-managed-full-mp-0 spec.replicas: 2 -> 4',
    );
    expect(() =>
      scaleWorkerPool(staging, { minNodes: 3, maxNodes: 3 }),
    ).toThrow(/multiple of 2, and none lies within 3–3/);
  });

  it('scales a topology worker through its metadata annotations', () => {
    const result = scaleWorkerPool(
      files('gcp-cluster-template-topology.yaml'),
      { pool: 'md-0', minNodes: 2, maxNodes: 4 },
    );
    expect(result.changes.map(c => c.field)).toEqual([
      `spec.topology.workers.machineDeployments.0.metadata.annotations.${CAPI_AUTOSCALER_ANNOTATIONS.minSize}`,
      `spec.topology.workers.machineDeployments.0.metadata.annotations.${CAPI_AUTOSCALER_ANNOTATIONS.maxSize}`,
    ]);
  });

  it('notes what scale-from-zero needs, and that nothing changed when nothing did', () => {
    const dev = files('aws-cluster-template-eks.yaml', 'development');
    expect(scaleWorkerPool(dev, { minNodes: 0, maxNodes: 2 }).notes[0]).toMatch(
      /may now scale to zero/,
    );
    expect(scaleWorkerPool(dev, { minNodes: 1, maxNodes: 1 }).notes).toEqual([
      'The pools already scale between 1 and 1 nodes: nothing to change.',
    ]);
  });

  it.each([
    [{ minNodes: 3, maxNodes: 2 }, /must not exceed maxNodes/],
    [{ minNodes: -1, maxNodes: 2 }, /minNodes: must be a whole number >= 0/],
    [{ minNodes: 1, maxNodes: 0 }, /maxNodes: must be a whole number >= 1/],
    [
      { pool: 'nope', minNodes: 1, maxNodes: 2 },
      /no worker pool named 'nope' \(pools: aws-kubeadm-full-md-0\)/,
    ],
  ])('refuses %j', (request, message) => {
    expect(() =>
      scaleWorkerPool(files('aws-cluster-template.yaml'), request),
    ).toThrow(message);
  });
});
