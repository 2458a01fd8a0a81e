import { HOURS_PER_MONTH } from '../cost/estimateClusterCost';
import { PriceBook } from '../cost/PriceBook';
import { RENDER_COMBINATIONS } from './combinations';
import { estimateManifestCost, summarizeManifests } from './manifestInsights';
import { renderCluster } from './renderCluster';
import { specFor } from './__testUtils__/specs';

const prices = new PriceBook();
const find = (kind: string) =>
  RENDER_COMBINATIONS.find(c => c.reference.includes(kind))!;

describe('estimateManifestCost', () => {
  it('prices a production kubeadm cluster at its autoscaler minimum and maximum', () => {
    const r = renderCluster(
      specFor(RENDER_COMBINATIONS[0], 'production'),
      prices,
    );
    const cost = estimateManifestCost(r.objects, r.context, prices);
    const cp = prices.priceOf('aws', 'us-west-2', r.controlPlaneInstanceType!)
      .perHour!;
    const worker = prices.priceOf('aws', 'us-west-2', r.instanceType).perHour!;
    expect(cost.minimum.perMonth).toBeCloseTo(
      (3 * cp + 3 * worker) * HOURS_PER_MONTH,
      6,
    );
    expect(cost.maximum.perMonth).toBeCloseTo(
      (3 * cp + 10 * worker) * HOURS_PER_MONTH,
      6,
    );
    // The snapshot has no us-west-2 prices: the us-east-1 fallback is used and labelled.
    expect(cost.minimum.provenance).toBe('estimated');
    expect(cost.minimum.lines[0].note).toContain(
      'us-east-1 price used for us-west-2',
    );
  });

  it('adds the managed control-plane fee (AKS Standard in production)', () => {
    const r = renderCluster(specFor(find('aks'), 'production'), prices);
    const cost = estimateManifestCost(r.objects, r.context, prices);
    const fee = cost.minimum.lines.find(l => l.kind === 'control-plane')!;
    expect(fee).toMatchObject({ label: 'AKS control plane', unitPerHour: 0.1 });
    expect(cost.maximum.lines.find(l => l.kind === 'instances')!.count).toBe(
      10,
    );
  });

  it('prices a topology cluster from its variables and the assumed ClusterClass', () => {
    const r = renderCluster(
      specFor(find('azure-cluster-template-topology'), 'staging'),
      prices,
    );
    const summary = summarizeManifests(r.objects, r.context);
    expect(summary).toMatchObject({ cloud: 'azure', region: 'westus2' });
    const cost = estimateManifestCost(r.objects, r.context, prices);
    expect(
      cost.minimum.lines.filter(l => l.kind === 'instances').map(l => l.label),
    ).toEqual([`1 × ${r.controlPlaneInstanceType}`, `2 × ${r.instanceType}`]);
    expect(cost.minimum.provenance).toBe('exact');
  });
});
