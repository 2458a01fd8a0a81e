import { makeCluster } from '../fleet/__fixtures__';
import { summarizeCluster } from '../fleet/summarizeCluster';
import { estimateClusterCost, HOURS_PER_MONTH } from './estimateClusterCost';
import { PriceBook } from './PriceBook';
import { DEFAULT_PRICE_SNAPSHOT } from './priceSnapshot';

const book = new PriceBook();
const cost = (options: Parameters<typeof makeCluster>[0], prices = book) =>
  estimateClusterCost(summarizeCluster(makeCluster(options)), prices);

describe('estimateClusterCost', () => {
  it('prices a kubeadm cluster exactly: control-plane machines billed as instances, no fee', () => {
    const c = cost({
      region: 'us-east-1',
      cpReplicas: 3,
      workers: 4,
      owner: 'payments',
      environment: 'prod',
    });
    expect(c.lines).toEqual([
      expect.objectContaining({
        label: '3 × m5.large',
        count: 3,
        unitPerHour: 0.096,
        perHour: expect.closeTo(0.288),
        provenance: 'exact',
        spec: expect.objectContaining({ vcpu: 2 }),
      }),
      expect.objectContaining({
        label: '4 × m5.xlarge',
        count: 4,
        unitPerHour: 0.192,
        provenance: 'exact',
      }),
      expect.objectContaining({
        kind: 'control-plane',
        perHour: 0,
        provenance: 'exact',
        source: 'self-managed',
      }),
    ]);
    expect(c.perHour).toBeCloseTo(0.288 + 0.768);
    expect(c.perMonth).toBeCloseTo(c.perHour * HOURS_PER_MONTH);
    expect(c).toMatchObject({
      ref: 'default/aws-cluster',
      cloud: 'aws',
      region: 'us-east-1',
      owner: 'payments',
      environment: 'prod',
      provenance: 'exact',
      unknownLines: 0,
      currency: 'USD',
      priceDate: '2026-11-24',
    });
  });

  it('marks a region the snapshot lacks as estimated, line by line', () => {
    const c = cost({ region: 'eu-west-1' });
    expect(c.provenance).toBe('estimated');
    expect(c.lines[0]).toMatchObject({
      provenance: 'fallback',
      note: expect.stringContaining(
        'estimated: us-east-1 price used for eu-west-1',
      ),
    });
  });

  it('adds the EKS fee', () => {
    const c = cost({
      controlPlane: 'managed',
      region: 'us-east-1',
      workers: 2,
    });
    expect(c.lines.map(l => [l.label, l.perHour])).toEqual([
      ['2 × m5.xlarge', expect.closeTo(0.384)],
      ['EKS control plane', 0.1],
    ]);
    expect(c.perHour).toBeCloseTo(0.484);
  });

  it('adds the AKS fee by tier, Free when not set', () => {
    const standard = cost({
      cloud: 'azure',
      controlPlane: 'managed',
      aksTier: 'Standard',
      workers: 2,
    });
    expect(standard.lines.at(-1)).toMatchObject({
      label: 'AKS control plane',
      perHour: 0.1,
      source: 'azure-aks-standard',
    });
    expect(standard.perHour).toBeCloseTo(2 * 0.192 + 0.1);

    const objects = makeCluster({
      cloud: 'azure',
      controlPlane: 'managed',
      workers: 2,
    });
    delete objects.find(o => o.kind === 'AzureManagedControlPlane')!.spec.sku;
    const free = estimateClusterCost(summarizeCluster(objects), book);
    expect(free.lines.at(-1)).toMatchObject({
      perHour: 0,
      source: 'azure-aks-free',
      note: expect.stringContaining('Free assumed'),
    });
  });

  it('adds the GKE fee and prices managed pools by their replicas', () => {
    const c = cost({
      cloud: 'gcp',
      controlPlane: 'managed',
      workers: 3,
      region: 'us-central1',
    });
    expect(c.lines.map(l => [l.label, l.perHour])).toEqual([
      ['3 × n2-standard-4', expect.closeTo(0.5826)],
      ['GKE control plane', 0.1],
    ]);
  });

  it('never counts an unknown price as 0: the total is partial', () => {
    const c = cost({ instanceType: 'm9.imaginary' });
    const unknown = c.lines.find(l => l.instanceType === 'm9.imaginary')!;
    expect(unknown).toMatchObject({
      perHour: null,
      perMonth: null,
      provenance: 'unknown',
    });
    expect(c).toMatchObject({ provenance: 'partial', unknownLines: 1 });
    expect(c.perHour).toBeCloseTo(0.288);
  });

  it('prices clusters of unknown providers as unknown', () => {
    const c = cost({ cloud: 'other' });
    expect(c.provenance).toBe('partial');
    expect(c.lines[0]).toMatchObject({
      label: '6 × unknown',
      perHour: null,
      note: 'no object states the instance type of these machines',
    });
  });

  it('uses discounts and negotiated prices', () => {
    const prices = new PriceBook(DEFAULT_PRICE_SNAPSHOT, {
      discounts: { aws: 0.1 },
      prices: [{ cloud: 'aws', instanceType: 'm5.xlarge', perHour: 0.15 }],
    });
    const c = cost({ controlPlane: 'managed', workers: 2 }, prices);
    expect(c.lines.map(l => [l.provenance, l.perHour])).toEqual([
      ['negotiated', 0.3],
      ['exact', expect.closeTo(0.09)],
    ]);
    expect(c.provenance).toBe('exact');
  });
});
