import { PriceBook } from './PriceBook';
import { DEFAULT_PRICE_SNAPSHOT } from './priceSnapshot';

describe('PriceBook', () => {
  const book = new PriceBook();

  it('gives exact prices where the snapshot has the region, with the source', () => {
    expect(book.priceOf('aws', 'us-east-1', 'm5.large')).toEqual({
      perHour: 0.096,
      listPerHour: 0.096,
      provenance: 'exact',
      source: 'karpenter-aws-pricing',
      sourceUrl: expect.stringContaining(
        'github.com/aws/karpenter-provider-aws',
      ),
      pricedRegion: 'us-east-1',
    });
    expect(
      book.priceOf('azure', 'westeurope', 'Standard_D4s_v3'),
    ).toMatchObject({ perHour: 0.24, provenance: 'exact' });
    expect(book.priceOf('gcp', 'us-central1', 'n2-standard-4')).toMatchObject({
      perHour: 0.1942,
      provenance: 'exact',
    });
  });

  it("labels the source tool's own fallback openly", () => {
    expect(book.priceOf('aws', 'us-west-2', 'm5.large')).toMatchObject({
      perHour: 0.096,
      provenance: 'fallback',
      pricedRegion: 'us-east-1',
      note: expect.stringMatching(
        /^estimated: us-east-1 price used for us-west-2; Karpenter/,
      ),
    });
    expect(book.priceOf('gcp', 'europe-west1', 'n2-standard-4')).toMatchObject({
      perHour: 0.1942,
      provenance: 'fallback',
      note: expect.stringMatching(
        /^estimated: us-central1 price used for europe-west1; cluster-autoscaler's GCE price table is region-agnostic/,
      ),
    });
    expect(book.priceOf('azure', 'uksouth', 'Standard_D2s_v3')).toMatchObject({
      perHour: 0.096,
      provenance: 'fallback',
      note: expect.stringContaining('estimated: eastus price used for uksouth'),
    });
    expect(book.priceOf('aws', undefined, 'm5.large').note).toMatch(
      /^estimated: us-east-1 price used \(cluster region unknown\)/,
    );
  });

  it('says unknown, never 0, for types or clouds it does not know', () => {
    for (const quote of [
      book.priceOf('aws', 'us-east-1', 'x9.mega'),
      book.priceOf('other', 'moon-1', 'm5.large'),
    ]) {
      expect(quote.perHour).toBeNull();
      expect(quote.provenance).toBe('unknown');
      expect(quote.note).toBeTruthy();
    }
  });

  it('keeps the snapshot notes on suspect values', () => {
    expect(
      book.priceOf('azure', 'northeurope', 'Standard_D4as_v5').note,
    ).toMatch(/suspect/);
  });

  it('matches instance types case-insensitively', () => {
    expect(book.priceOf('azure', 'eastus', 'standard_d2s_v3').perHour).toBe(
      0.096,
    );
  });

  it('applies discounts to list prices and fees, not to negotiated prices', () => {
    const discounted = new PriceBook(DEFAULT_PRICE_SNAPSHOT, {
      discounts: { aws: 0.25 },
      prices: [
        { cloud: 'aws', instanceType: 'm5.xlarge', perHour: 0.15 },
        {
          cloud: 'aws',
          instanceType: 'm5.xlarge',
          region: 'eu-west-1',
          perHour: 0.14,
        },
      ],
    });
    expect(discounted.priceOf('aws', 'us-east-1', 'm5.large')).toMatchObject({
      perHour: expect.closeTo(0.072),
      listPerHour: 0.096,
      discount: 0.25,
      provenance: 'exact',
    });
    expect(discounted.priceOf('aws', 'us-east-1', 'm5.xlarge')).toMatchObject({
      perHour: 0.15,
      provenance: 'negotiated',
      source: 'config',
    });
    expect(discounted.priceOf('aws', 'eu-west-1', 'm5.xlarge')).toMatchObject({
      perHour: 0.14,
      provenance: 'negotiated',
    });
    expect(
      discounted.priceOf('gcp', 'us-central1', 'n2-standard-2').perHour,
    ).toBe(0.0971);
    expect(discounted.feeOf('aws-eks', 'aws').perHour).toBeCloseTo(0.075);
  });

  it('rejects discounts and prices that make no sense', () => {
    expect(
      () =>
        new PriceBook(DEFAULT_PRICE_SNAPSHOT, { discounts: { azure: 1.5 } }),
    ).toThrow(/azure must be a fraction/);
    expect(
      () =>
        new PriceBook(DEFAULT_PRICE_SNAPSHOT, {
          prices: [{ cloud: 'gcp', instanceType: 'e2-medium', perHour: -1 }],
        }),
    ).toThrow(/≥ 0/);
  });

  it('exposes specs, types and regions for placement', () => {
    expect(book.specOf('aws', 'g5.xlarge')).toEqual({
      vcpu: 4,
      memoryGiB: 16,
      gpu: 1,
      source: 'autoscaler-aws-instance-types',
    });
    expect(book.specOf('gcp', 'e2-medium')).toMatchObject({
      vcpu: 2,
      note: expect.stringContaining('billed as 1 vCPU'),
    });
    expect(book.specOf('other', 'anything')).toBeUndefined();
    expect(book.instanceTypes('gcp')).toContain('g2-standard-4');
    expect(book.regions('azure')).toEqual([
      'eastus',
      'eastus2',
      'westus2',
      'westeurope',
      'northeurope',
    ]);
    expect(book.snapshotDate).toBe('2026-11-24');
  });

  it('gives the managed control-plane fees with their source', () => {
    expect(book.feeOf('aws-eks')).toMatchObject({
      perHour: 0.1,
      provenance: 'exact',
      sourceUrl: expect.stringContaining('aws.amazon.com'),
    });
    expect(book.feeOf('azure-aks-free').perHour).toBe(0);
    expect(book.feeOf('nope')).toMatchObject({
      perHour: null,
      provenance: 'unknown',
    });
  });
});
