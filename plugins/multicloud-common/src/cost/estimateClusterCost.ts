import type { Cloud, KnownCloud } from '../model/cloud';
import type {
  ClusterSummary,
  ControlPlaneSummary,
} from '../model/ClusterSummary';
import type { ClusterRef } from '../model/kube';
import { UNKNOWN_INSTANCE_TYPE } from '../fleet/countMachines';
import {
  unknownQuote,
  type InstanceTypeSpec,
  type PriceBook,
  type PriceProvenance,
  type PriceQuote,
} from './PriceBook';
import { costProvenanceOf, type CostProvenance } from './provenance';

/** Cloud bills are monthly; the usual convention is 730 hours (8,760 / 12). */
export const HOURS_PER_MONTH = 730;

export interface CostLine {
  kind: 'instances' | 'control-plane';
  /** "3 × m5.xlarge", "EKS control plane". */
  label: string;
  instanceType?: string;
  count: number;
  /** USD per instance-hour (per cluster-hour for a fee); null when unknown. */
  unitPerHour: number | null;
  perHour: number | null;
  perMonth: number | null;
  provenance: PriceProvenance;
  source: string;
  sourceUrl?: string;
  note?: string;
  /** vCPU/memory/GPU of the instance type, when the book knows it. */
  spec?: InstanceTypeSpec;
}

export interface ClusterCost {
  ref: ClusterRef;
  cloud: Cloud;
  region?: string;
  owner?: string;
  environment?: string;
  currency: 'USD';
  /** Sum of the lines with a known price. */
  perHour: number;
  perMonth: number;
  /** `exact` only when every line is exact (or negotiated); `partial` when some line is unknown. */
  provenance: CostProvenance;
  unknownLines: number;
  lines: CostLine[];
  /** Date of the price snapshot used. */
  priceDate: string;
}

/** A cluster's cost without its lines: the rows of the fleet-wide `GET /cost`. */
export type ClusterCostSummary = Omit<ClusterCost, 'lines'>;

const FEE_KEYS: Record<ControlPlaneSummary['managed'], string | undefined> = {
  self: 'self-managed',
  eks: 'aws-eks',
  aks: 'azure-aks-free',
  gke: 'gcp-gke',
  other: undefined,
};

const FEE_LABELS: Record<ControlPlaneSummary['managed'], string> = {
  self: 'self-managed control plane (its machines are billed as instances)',
  eks: 'EKS control plane',
  aks: 'AKS control plane',
  gke: 'GKE control plane',
  other: 'managed control plane',
};

/**
 * Cost of one cluster per hour and per month (× 730): Σ machines × instance price, plus the
 * managed control-plane fee. Each line keeps its provenance; an unknown price adds nothing
 * to the total and makes the total `partial`, it is never counted as 0.
 */
export function estimateClusterCost(
  summary: ClusterSummary,
  prices: PriceBook,
): ClusterCost {
  const lines: CostLine[] = Object.entries(summary.machinesByInstanceType)
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([type, count]) => instanceLine(summary, prices, type, count));
  const fee = feeLine(summary, prices);
  if (fee) lines.push(fee);

  let perHour = 0;
  for (const l of lines) perHour += l.perHour ?? 0;
  return {
    ref: summary.ref,
    cloud: summary.cloud,
    ...(summary.region ? { region: summary.region } : {}),
    ...(summary.labels.owner ? { owner: summary.labels.owner } : {}),
    ...(summary.labels.environment
      ? { environment: summary.labels.environment }
      : {}),
    currency: 'USD',
    perHour,
    perMonth: perHour * HOURS_PER_MONTH,
    provenance: costProvenanceOf(lines.map(l => l.provenance)),
    unknownLines: lines.filter(l => l.provenance === 'unknown').length,
    lines,
    priceDate: prices.snapshotDate,
  };
}

function instanceLine(
  summary: ClusterSummary,
  prices: PriceBook,
  type: string,
  count: number,
): CostLine {
  const quote: PriceQuote =
    type === UNKNOWN_INSTANCE_TYPE
      ? unknownQuote('no object states the instance type of these machines')
      : prices.priceOf(summary.cloud, summary.region, type);
  const spec =
    type === UNKNOWN_INSTANCE_TYPE
      ? undefined
      : prices.specOf(summary.cloud, type);
  return line('instances', `${count} × ${type}`, count, quote, {
    ...(type === UNKNOWN_INSTANCE_TYPE ? {} : { instanceType: type }),
    ...(spec ? { spec } : {}),
  });
}

/** AKS: Standard (and the older Paid) tier is the paid SLA tier; Free is the CRD default. */
function feeKey(cp: ControlPlaneSummary): string | undefined {
  if (cp.managed === 'aks' && (cp.tier === 'Standard' || cp.tier === 'Paid'))
    return 'azure-aks-standard';
  return FEE_KEYS[cp.managed];
}

function feeLine(
  summary: ClusterSummary,
  prices: PriceBook,
): CostLine | undefined {
  const cp = summary.controlPlane;
  if (!cp) return undefined;
  const key = feeKey(cp);
  const cloud =
    summary.cloud === 'other' ? undefined : (summary.cloud as KnownCloud);
  const quote: PriceQuote = key
    ? prices.feeOf(key, cloud)
    : unknownQuote(`no fee known for control plane kind ${cp.kind}`);
  const tierNote =
    cp.managed === 'aks' && !cp.tier
      ? 'AKS tier not set: Free assumed (CRD default)'
      : undefined;
  const note = [quote.note, tierNote].filter(Boolean).join('; ');
  return line(
    'control-plane',
    FEE_LABELS[cp.managed],
    1,
    { ...quote, ...(note ? { note } : {}) },
    {},
  );
}

function line(
  kind: CostLine['kind'],
  label: string,
  count: number,
  quote: PriceQuote,
  extra: Partial<CostLine>,
): CostLine {
  const perHour = quote.perHour === null ? null : quote.perHour * count;
  return {
    kind,
    label,
    count,
    unitPerHour: quote.perHour,
    perHour,
    perMonth: perHour === null ? null : perHour * HOURS_PER_MONTH,
    provenance: quote.provenance,
    source: quote.source,
    ...(quote.sourceUrl ? { sourceUrl: quote.sourceUrl } : {}),
    ...(quote.note ? { note: quote.note } : {}),
    ...extra,
  };
}
