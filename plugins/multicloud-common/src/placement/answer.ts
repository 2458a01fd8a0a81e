import type { PriceProvenance } from '../cost/PriceBook';
import { costProvenanceOf } from '../cost/provenance';
import type { PlacementConfig, PlacementWeights, Prioritizer } from './config';
import {
  costReason,
  headroomReason,
  healthReason,
  latencyReason,
  rejectionExplainer,
  spreadReason,
} from './explain';
import { HostingPlanScratch, planHosting } from './hosting';
import { round2, round4 } from './numbers';
import { CLOUD_CODES, PlacementIndex } from './placementIndex';
import { LATENCY_SCORES } from './prioritizers/latency';
import type { PlacementRequest } from './request';
import type {
  HostingPlan,
  NewClusterOption,
  PlacementRecommendation,
  PoolAllocation,
  PrioritizerScore,
  RankedCandidate,
  RejectedCluster,
} from './result';
import { ScoringContext, weightSumOf } from './scoring';
import type { EvaluationScratch } from './scratch';

/** The pools a plan uses, with the prices of the new nodes. */
function hostingPlan(
  ix: PlacementIndex,
  i: number,
  plan: HostingPlanScratch,
): HostingPlan {
  const pools: PoolAllocation[] = [];
  const priced: PriceProvenance[] = [];
  for (let p = ix.poolStart[i], j = 0; p < ix.poolStart[i + 1]; p++, j++) {
    if (plan.onExisting[j] === 0 && plan.onNew[j] === 0) continue;
    const allocation: PoolAllocation = {
      pool: ix.poolName[p],
      replicasOnExistingNodes: plan.onExisting[j],
      replicasOnNewNodes: plan.onNew[j],
      newNodes: plan.newNodes[j],
    };
    const type = ix.poolInstanceType[p];
    if (type) allocation.instanceType = type;
    const price = ix.poolPriceInfo[p];
    if (plan.newNodes[j] > 0) {
      if (price) allocation.price = price;
      priced.push(price?.provenance ?? 'unknown');
    }
    pools.push(allocation);
  }
  return {
    costPerHour: Number.isNaN(plan.cost) ? null : round4(plan.cost),
    // No new node: nothing priced, nothing estimated.
    provenance: priced.length ? costProvenanceOf(priced) : 'exact',
    pools,
  };
}

/** The ranked candidates, each prioritizer explained. Shared reasons are built once. */
export function explainCandidates(
  ix: PlacementIndex,
  request: PlacementRequest,
  weights: PlacementWeights,
  { latencyByRegion, spread, ranked }: ScoringContext,
  { scores, total, plan }: EvaluationScratch,
): RankedCandidate[] {
  const weightSum = weightSumOf(weights);
  const [sCost, sHeadroom, sHealth] = scores;
  const explain = (
    prioritizer: Prioritizer,
    score: number,
    reason: string,
  ): PrioritizerScore => ({
    prioritizer,
    score: round2(score),
    weight: weights[prioritizer],
    contribution:
      weightSum > 0 ? round2((weights[prioritizer] * score) / weightSum) : 0,
    reason,
  });
  // Latency and spread depend only on the region and the cloud: their explanations are
  // built once and shared by the candidates.
  const latency = ix.regions.map((region, id) =>
    explain(
      'latency',
      LATENCY_SCORES[latencyByRegion[id]],
      latencyReason(region || undefined, latencyByRegion[id]),
    ),
  );
  const spreadScores = CLOUD_CODES.map((_, code) =>
    explain(
      'spread',
      spread.scores[code],
      spreadReason(spread, code, request.owner),
    ),
  );
  return Array.from(ranked, (i, k) => {
    const c = ix.clusters[i];
    planHosting(ix, i, request, plan);
    const hosting = hostingPlan(ix, i, plan);
    const candidate: RankedCandidate = {
      rank: k + 1,
      ref: c.ref,
      cloud: c.cloud,
      score: total[i],
      scores: [
        explain('cost', sCost[i], costReason(hosting)),
        explain('headroom', sHeadroom[i], headroomReason(sHeadroom[i])),
        explain('health', sHealth[i], healthReason(c.health.verdict)),
        latency[ix.region[i]],
        spreadScores[ix.cloud[i]],
      ],
      hosting,
    };
    if (c.region) candidate.region = c.region;
    return candidate;
  });
}

/** Every rejected cluster, in ref order, with every filter it failed. */
export function explainRejections(
  ix: PlacementIndex,
  request: PlacementRequest,
  config: PlacementConfig,
  { failed, plan }: EvaluationScratch,
): RejectedCluster[] {
  const explain = rejectionExplainer(ix, request, config);
  const rejected: RejectedCluster[] = [];
  for (let i = 0; i < ix.clusters.length; i++) {
    if (failed[i] === 0) continue;
    const c = ix.clusters[i];
    planHosting(ix, i, request, plan);
    const rejection: RejectedCluster = {
      ref: c.ref,
      cloud: c.cloud,
      reasons: explain(i, failed[i], plan),
    };
    if (c.region) rejection.region = c.region;
    rejected.push(rejection);
  }
  return rejected;
}

/** The best existing cluster, else the cheapest new cluster within budget. */
export function recommend(
  candidates: RankedCandidate[],
  newClusters: NewClusterOption[],
): PlacementRecommendation {
  if (candidates.length) return { kind: 'existing', ref: candidates[0].ref };
  const first = newClusters.find(o => o.withinBudget);
  if (first) {
    return { kind: 'new-cluster', cloud: first.cloud, region: first.region };
  }
  return {
    kind: 'none',
    reason:
      'no existing cluster fits and no new-cluster option is within budget',
  };
}
