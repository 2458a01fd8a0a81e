import { CLOUDS, type Cloud, type KnownCloud } from '../model/cloud';
import {
  DEFAULT_PRICE_SNAPSHOT,
  type PriceSnapshot,
  type SnapshotInstanceType,
} from './priceSnapshot';

/**
 * Where a number comes from:
 *  - `exact`: the snapshot has this type in this region;
 *  - `negotiated`: the organisation's own price from config;
 *  - `fallback`: another region's price, by the source tool's own rule, labelled in `note`;
 *  - `unknown`: no price; `perHour` is null, never 0.
 */
export type PriceProvenance = 'exact' | 'negotiated' | 'fallback' | 'unknown';

export interface PriceQuote {
  /** USD per instance-hour after discounts; null when unknown. */
  perHour: number | null;
  /** The list price before the discount (equal to `perHour` without a discount). */
  listPerHour: number | null;
  provenance: PriceProvenance;
  /** Source id from the snapshot (`karpenter-aws-pricing`, ...) or `config`. */
  source: string;
  sourceUrl?: string;
  /** Words for a footnote, e.g. "estimated: us-east-1 price used for us-west-2". */
  note?: string;
  /** Region whose price was used (differs from the asked region for a fallback). */
  pricedRegion?: string;
  /** Discount fraction applied (0..1). */
  discount?: number;
}

export interface InstanceTypeSpec {
  vcpu: number;
  memoryGiB: number;
  gpu: number;
  source: string;
  note?: string;
}

/** Organisation overrides, from app-config (`multicloud.cost`). */
export interface PriceBookConfig {
  /** Fraction off list prices per cloud (0..1), e.g. an enterprise discount. Applies to instance prices and control-plane fees, not to negotiated prices. */
  discounts?: Partial<Record<KnownCloud, number>>;
  /** Negotiated prices; without `region` the price holds in every region of that cloud. */
  prices?: Array<{
    cloud: KnownCloud;
    instanceType: string;
    region?: string;
    perHour: number;
  }>;
}

/**
 * The fallback each source tool applies itself (`coverage.*.sourceRule` in the snapshot),
 * used openly and labelled; the snapshot never carries one region's price to another.
 */
const FALLBACKS: Record<KnownCloud, { region: string; rule: string }> = {
  aws: {
    region: 'us-east-1',
    rule: 'Karpenter uses its us-east-1 table for regions without static prices',
  },
  azure: {
    region: 'eastus',
    rule: 'Karpenter for Azure falls back to eastus for regions without prices',
  },
  gcp: {
    region: 'us-central1',
    rule: "cluster-autoscaler's GCE price table is region-agnostic (values match us-central1)",
  },
};

function isKnownCloud(cloud: Cloud): cloud is KnownCloud {
  return (CLOUDS as readonly string[]).includes(cloud);
}

/** Prices and specs from the dated snapshot, with the organisation's discounts and negotiated prices. */
export class PriceBook {
  private readonly negotiated = new Map<string, number>();
  private readonly lowerCaseTypes = new Map<string, string>();
  private readonly discounts: Partial<Record<KnownCloud, number>>;

  constructor(
    readonly snapshot: PriceSnapshot = DEFAULT_PRICE_SNAPSHOT,
    config: PriceBookConfig = {},
  ) {
    this.discounts = { ...config.discounts };
    for (const [cloud, discount] of Object.entries(this.discounts)) {
      if (typeof discount !== 'number' || !(discount >= 0 && discount < 1)) {
        throw new Error(
          `cost discount for ${cloud} must be a fraction from 0 to below 1, got ${discount}`,
        );
      }
    }
    for (const p of config.prices ?? []) {
      if (!(typeof p.perHour === 'number' && p.perHour >= 0)) {
        throw new Error(
          `negotiated price for ${p.cloud} ${p.instanceType} must be a number ≥ 0, got ${p.perHour}`,
        );
      }
      this.negotiated.set(
        negotiatedKey(p.cloud, p.instanceType, p.region),
        p.perHour,
      );
    }
    for (const cloud of CLOUDS) {
      for (const type of Object.keys(snapshot.instanceTypes[cloud] ?? {})) {
        this.lowerCaseTypes.set(`${cloud}|${type.toLowerCase()}`, type);
      }
    }
  }

  /** Date of the price snapshot (prices are a dated copy, not live). */
  get snapshotDate(): string {
    return this.snapshot.generatedAt;
  }

  priceOf(
    cloud: Cloud,
    region: string | undefined,
    instanceType: string,
  ): PriceQuote {
    if (!isKnownCloud(cloud)) {
      return unknownQuote(`no prices for cloud "${cloud}"`);
    }
    const negotiated =
      (region !== undefined
        ? this.negotiated.get(negotiatedKey(cloud, instanceType, region))
        : undefined) ?? this.negotiated.get(negotiatedKey(cloud, instanceType));
    if (negotiated !== undefined) {
      return {
        perHour: negotiated,
        listPerHour: negotiated,
        provenance: 'negotiated',
        source: 'config',
        note: 'negotiated price from configuration',
        ...(region ? { pricedRegion: region } : {}),
      };
    }
    const entry = this.entry(cloud, instanceType);
    if (!entry)
      return unknownQuote(
        `${instanceType} is not in the ${cloud.toUpperCase()} price book`,
      );

    const exact = region !== undefined ? entry.prices[region] : undefined;
    if (exact !== undefined)
      return this.quote(cloud, entry, region!, exact, 'exact', entry.note);

    const fallback = FALLBACKS[cloud];
    const price = entry.prices[fallback.region];
    if (price === undefined) {
      return unknownQuote(
        `${instanceType} has no price for ${
          region ?? 'an unknown region'
        } nor for ${fallback.region}`,
      );
    }
    const asked = region ? `for ${region}` : '(cluster region unknown)';
    const note = `estimated: ${fallback.region} price used ${asked}; ${fallback.rule}`;
    return this.quote(
      cloud,
      entry,
      fallback.region,
      price,
      'fallback',
      [note, entry.note].filter(Boolean).join('; '),
    );
  }

  /** vCPU, memory and GPU count of an instance type (placement sizes workloads with them). */
  specOf(cloud: Cloud, instanceType: string): InstanceTypeSpec | undefined {
    if (!isKnownCloud(cloud)) return undefined;
    const entry = this.entry(cloud, instanceType);
    if (!entry) return undefined;
    return {
      vcpu: entry.vcpu,
      memoryGiB: entry.memoryGiB,
      gpu: entry.gpu,
      source: entry.specSource,
      ...(entry.note ? { note: entry.note } : {}),
    };
  }

  /** Instance types the book knows for a cloud. */
  instanceTypes(cloud: Cloud): string[] {
    return isKnownCloud(cloud)
      ? Object.keys(this.snapshot.instanceTypes[cloud] ?? {})
      : [];
  }

  /** Regions with exact prices for a cloud. */
  regions(cloud: Cloud): string[] {
    return isKnownCloud(cloud)
      ? [...(this.snapshot.coverage[cloud]?.regionsInSource ?? [])]
      : [];
  }

  /** A control-plane fee by its snapshot key (`aws-eks`, `azure-aks-standard`, `gcp-gke`, `self-managed`, ...). */
  feeOf(key: string, cloud?: KnownCloud): PriceQuote {
    const fee = this.snapshot.controlPlane[key];
    if (!fee)
      return unknownQuote(`no control-plane fee "${key}" in the price book`);
    const discount = cloud ? this.discounts[cloud] : undefined;
    return {
      perHour: applyDiscount(fee.perClusterHour, discount),
      listPerHour: fee.perClusterHour,
      provenance: 'exact',
      source: key,
      ...(fee.source ? { sourceUrl: fee.source } : {}),
      ...(fee.note ? { note: fee.note } : {}),
      ...(discount ? { discount } : {}),
    };
  }

  private entry(
    cloud: KnownCloud,
    instanceType: string,
  ): SnapshotInstanceType | undefined {
    const table = this.snapshot.instanceTypes[cloud] ?? {};
    const name = table[instanceType]
      ? instanceType
      : this.lowerCaseTypes.get(`${cloud}|${instanceType.toLowerCase()}`);
    return name ? table[name] : undefined;
  }

  private quote(
    cloud: KnownCloud,
    entry: SnapshotInstanceType,
    pricedRegion: string,
    listPrice: number,
    provenance: 'exact' | 'fallback',
    note: string | undefined,
  ): PriceQuote {
    const discount = this.discounts[cloud];
    const source = this.snapshot.sources.find(s => s.id === entry.source);
    return {
      perHour: applyDiscount(listPrice, discount),
      listPerHour: listPrice,
      provenance,
      source: entry.source,
      ...(source?.url ? { sourceUrl: source.url } : {}),
      ...(note ? { note } : {}),
      pricedRegion,
      ...(discount ? { discount } : {}),
    };
  }
}

function applyDiscount(price: number, discount: number | undefined): number {
  return discount ? price * (1 - discount) : price;
}

function negotiatedKey(
  cloud: string,
  instanceType: string,
  region?: string,
): string {
  return `${cloud}|${instanceType}|${region ?? '*'}`;
}

/** A price nobody knows: null, never 0, with the reason in words. */
export function unknownQuote(note: string): PriceQuote {
  return {
    perHour: null,
    listPerHour: null,
    provenance: 'unknown',
    source: 'none',
    note,
  };
}
