import { PriceBook, unknownQuote } from '../../cost/PriceBook';
import type { Cloud } from '../../model/cloud';
import type { InstancePricing } from '../pricing';

/** The shipped price snapshot (pricing/prices.json, 2026-11-24), without organisation overrides. */
export const testPricing = new PriceBook();

/** The snapshot with every price of `cloud` unknown (sizes still known). */
export function withoutPrices(cloud: Cloud): InstancePricing {
  return {
    priceOf: (c, region, type) =>
      c === cloud
        ? unknownQuote(`test: no ${cloud} prices`)
        : testPricing.priceOf(c, region, type),
    specOf: (c, type) => testPricing.specOf(c, type),
    instanceTypes: c => testPricing.instanceTypes(c),
  };
}
