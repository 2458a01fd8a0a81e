import type {
  CostProvenance,
  PriceProvenance,
} from '@internal/plugin-multicloud-common';

const formatters = new Map<number, Intl.NumberFormat>();

function usdFormatter(minimum: number, maximum: number): Intl.NumberFormat {
  const key = minimum * 10 + maximum;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: 'USD',
      minimumFractionDigits: minimum,
      maximumFractionDigits: maximum,
    });
    formatters.set(key, f);
  }
  return f;
}

/**
 * US dollars at the precision that matters for the size: whole dollars from $100 (monthly
 * figures), cents from $1, and up to four decimals below (instance-hour prices like $0.0416).
 */
export function formatUsd(amount: number): string {
  const size = Math.abs(amount);
  if (size >= 100) return usdFormatter(0, 0).format(amount);
  if (size >= 1 || size === 0) return usdFormatter(2, 2).format(amount);
  return usdFormatter(2, 4).format(amount);
}

export const perHour = (amount: number) => `${formatUsd(amount)}/h`;
export const perMonth = (amount: number) => `${formatUsd(amount)}/month`;

/** What a total's provenance means, in words next to the number. */
export const COST_PROVENANCE_LABELS: Record<CostProvenance, string> = {
  exact: 'exact prices',
  estimated: 'estimated: some prices are fallbacks',
  partial: 'partial: some prices are unknown and left out',
  unknown: 'no price known',
};

/** Where one line's price comes from. */
export const PRICE_PROVENANCE_LABELS: Record<PriceProvenance, string> = {
  exact: 'exact',
  negotiated: 'negotiated',
  fallback: 'fallback',
  unknown: 'unknown',
};
