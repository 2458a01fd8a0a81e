import { HEALTH_DEGRADED, HEALTH_HEALTHY } from '../placementIndex';

/** Healthy 100; degraded 50 (only seen when config lets degraded clusters through). */
export function healthScore(healthCode: number): number {
  if (healthCode === HEALTH_HEALTHY) return 100;
  return healthCode === HEALTH_DEGRADED ? 50 : 0;
}
