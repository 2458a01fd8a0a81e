import type { PriceBook } from '../cost/PriceBook';

/** What placement reads from the price book: prices with provenance, specs, and the types a new cluster may use. */
export type InstancePricing = Pick<
  PriceBook,
  'priceOf' | 'specOf' | 'instanceTypes'
>;
