import type { KnownCloud } from '../model/cloud';
import type { InstancePricing } from '../placement/pricing';
import type { NodeSize } from './ClusterSpec';

/** Smallest node of each size class. */
export const NODE_SIZE_MINIMUMS: Record<
  NodeSize,
  { vcpu: number; memoryGiB: number }
> = {
  small: { vcpu: 2, memoryGiB: 8 },
  medium: { vcpu: 4, memoryGiB: 16 },
  large: { vcpu: 8, memoryGiB: 32 },
};

/** Burstable and shared-core families: their CPU credits make node capacity unpredictable. */
const BURSTABLE = [/^t\d/, /^Standard_B/, /^e2-(micro|small|medium)$/];

/**
 * The default instance type of a size class: the cheapest general-purpose type (no GPU, not
 * burstable) of the price book that meets the class minimum, priced in `region` (or by the
 * book's labelled fallback). Ties go to the smaller type, then the name, so the choice is
 * deterministic for a given price snapshot.
 */
export function defaultInstanceType(
  pricing: InstancePricing,
  cloud: KnownCloud,
  region: string,
  size: NodeSize,
): string | undefined {
  const minimum = NODE_SIZE_MINIMUMS[size];
  let best: { type: string; price: number; vcpu: number } | undefined;
  for (const type of pricing.instanceTypes(cloud)) {
    const spec = pricing.specOf(cloud, type);
    if (
      !spec ||
      spec.gpu > 0 ||
      spec.vcpu < minimum.vcpu ||
      spec.memoryGiB < minimum.memoryGiB ||
      BURSTABLE.some(re => re.test(type))
    ) {
      continue;
    }
    const price = pricing.priceOf(cloud, region, type).perHour ?? Infinity;
    const better =
      !best ||
      price < best.price ||
      (price === best.price &&
        (spec.vcpu < best.vcpu ||
          (spec.vcpu === best.vcpu && type < best.type)));
    if (better) best = { type, price, vcpu: spec.vcpu };
  }
  return best?.type;
}
