import { restrictedDataClass } from '../compliance/residency';
import type { PlacementConfig } from './config';
import { planHosting } from './hosting';
import { environmentKey } from '../compliance/rules';
import {
  CLOUD_CODES,
  cloudCode,
  HEALTH_DEGRADED,
  HEALTH_HEALTHY,
  PlacementIndex,
  SEVERITY_BIT,
} from './placementIndex';
import type { PlacementRequest } from './request';
import type { EvaluationScratch } from './scratch';

// Bit k of a cluster's failure mask is PLACEMENT_FILTERS[k].
const HEALTH = 1;
const ENVIRONMENT = 2;
const COMPLIANCE = 4;
const RESIDENCY = 8;
const CLOUD = 16;
const CAPACITY = 32;
const BUDGET = 64;

export interface FilterOutcome {
  /** Candidates are `scratch.candidates[0, count)`. */
  count: number;
  /** Cheapest and dearest known cost among the candidates. */
  cheapest: number;
  dearest: number;
}

/**
 * Runs every filter on every cluster, recording all failures (budget only when capacity
 * fits) and the hosting cost the capacity, budget and cost stages need.
 */
export function filterClusters(
  ix: PlacementIndex,
  request: PlacementRequest,
  config: PlacementConfig,
  scratch: EvaluationScratch,
): FilterOutcome {
  const { failed, cost, candidates, plan } = scratch;
  // Request constants, resolved once.
  const slots = ix.classes.length + 1;
  const requestClass = restrictedDataClass(request.dataClass, ix.rules);
  const classSlot =
    requestClass === undefined ? 0 : ix.classes.indexOf(requestClass) + 1;
  const environment =
    ix.environments.get(environmentKey(request.environment, ix.rules)) ?? -1;
  const cloudAllowed = new Uint8Array(CLOUD_CODES.length);
  for (const cloud of request.allowedClouds) cloudAllowed[cloudCode(cloud)] = 1;
  const blocking = config.blockingSeverities.reduce(
    (mask, s) => mask | SEVERITY_BIT[s],
    0,
  );
  const hasBudget = request.maxHourlyCost !== undefined;
  const budget = request.maxHourlyCost ?? Infinity;

  let count = 0;
  let cheapest = Infinity;
  let dearest = 0;
  for (let i = 0; i < ix.clusters.length; i++) {
    let f = 0;
    const health = ix.health[i];
    const degradedOk = health === HEALTH_DEGRADED && config.allowDegraded;
    if (health !== HEALTH_HEALTHY && !degradedOk) f |= HEALTH;
    if (ix.environment[i] !== environment) f |= ENVIRONMENT;
    if (ix.failedSeverities[i] & blocking) f |= COMPLIANCE;
    if (!ix.allowed[i * slots + classSlot] || ix.ownClass[i] !== classSlot) {
      f |= RESIDENCY;
    }
    if (!cloudAllowed[ix.cloud[i]]) f |= CLOUD;
    planHosting(ix, i, request, plan);
    cost[i] = plan.cost;
    if (!plan.fits) f |= CAPACITY;
    // NaN (unknown price) fails a set budget: it cannot be shown to fit.
    else if (hasBudget && !(plan.cost <= budget)) f |= BUDGET;
    failed[i] = f;
    if (f === 0) {
      candidates[count++] = i;
      if (!Number.isNaN(plan.cost)) {
        cheapest = Math.min(cheapest, plan.cost);
        dearest = Math.max(dearest, plan.cost);
      }
    }
  }
  return { count, cheapest, dearest };
}
