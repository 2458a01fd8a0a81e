import type { KnownCloud } from '../model/cloud';
import snapshot from '../../pricing/prices.json';

/** The shape of `pricing/prices.json` (see `pricing/README.md` for the meaning of each field). */
export interface PriceSnapshot {
  schemaVersion: number;
  currency: string;
  unit: string;
  generatedAt: string;
  sources: PriceSource[];
  coverage: Record<
    KnownCloud,
    { regionsInSource: string[]; regionsMissing: string[]; sourceRule: string }
  >;
  instanceTypes: Record<KnownCloud, Record<string, SnapshotInstanceType>>;
  controlPlane: Record<string, SnapshotFee>;
}

export interface PriceSource {
  id: string;
  repo?: string;
  path?: string;
  commit?: string;
  url?: string;
  license?: string;
  describes?: string;
}

export interface SnapshotInstanceType {
  vcpu: number;
  memoryGiB: number;
  gpu: number;
  /** Region → USD per instance-hour; only regions the source has (a missing region has no price, not 0). */
  prices: Record<string, number>;
  source: string;
  specSource: string;
  note?: string;
}

export interface SnapshotFee {
  perClusterHour: number;
  source?: string;
  quote?: string;
  note?: string;
}

/** The dated snapshot shipped with the package (2026-11-24). */
export const DEFAULT_PRICE_SNAPSHOT: PriceSnapshot = snapshot as PriceSnapshot;
