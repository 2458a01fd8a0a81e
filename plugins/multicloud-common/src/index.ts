export * from './model/labels';
export * from './model/cloud';
export * from './model/kube';
export * from './model/ClusterSummary';
export * from './permissions';
export * from './crd';
export * from './detail/machineRows';
export * from './api/status';
export * from './api/responses';
export * from './api/failover';
export * from './api/placement';
export * from './catalog/clusterEntityName';
export { FleetIndex, buildFleet, indexObjects } from './fleet/FleetIndex';
export type { FleetIndexOptions, FleetSnapshot } from './fleet/FleetIndex';
export { summarizeCluster } from './fleet/summarizeCluster';
export { projectForCache } from './fleet/projectForCache';
export {
  findCluster,
  qualifyingManagementCluster,
  qualifiedClusterRef,
} from './fleet/clusterIdentity';
export type { ClusterLookup } from './fleet/clusterIdentity';
export { classifyClusterObjects } from './fleet/ClusterObjects';
export type { ClusterObjects } from './fleet/ClusterObjects';
export { objectKey } from './fleet/objects';
export type { ObjectKey } from './fleet/objects';
export { UNKNOWN_INSTANCE_TYPE } from './fleet/countMachines';
export { summarizeFleet, UNSET_VALUE } from './fleet/summarizeFleet';
export type { FleetBucket, FleetSummary } from './fleet/summarizeFleet';
export {
  queryClusters,
  facetValue,
  machineCount,
  CLUSTER_FACETS,
  CLUSTER_SORT_KEYS,
  VERDICT_ATTENTION_ORDER,
} from './fleet/queryClusters';
export type {
  ClusterFacet,
  ClusterPage,
  ClusterQuery,
  ClusterQueryOptions,
  ClusterSortKey,
  FacetCount,
} from './fleet/queryClusters';
export {
  CLUSTER_QUERY_PARAMS,
  parseClusterQuery,
  clusterQueryToParams,
} from './fleet/clusterQueryParams';
export type {
  ParsedClusterQuery,
  QueryParams,
} from './fleet/clusterQueryParams';
export { computeVerdict } from './health/computeVerdict';
export { buildConditionTree } from './health/conditionTree';
export type { ConditionTreeNode, NodeCondition } from './health/conditionTree';
export { PriceBook, unknownQuote } from './cost/PriceBook';
export type {
  InstanceTypeSpec,
  PriceBookConfig,
  PriceProvenance,
  PriceQuote,
} from './cost/PriceBook';
export { DEFAULT_PRICE_SNAPSHOT } from './cost/priceSnapshot';
export type { PriceSnapshot } from './cost/priceSnapshot';
export {
  estimateClusterCost,
  HOURS_PER_MONTH,
} from './cost/estimateClusterCost';
export type {
  ClusterCost,
  ClusterCostSummary,
  CostLine,
} from './cost/estimateClusterCost';
export { costProvenanceOf } from './cost/provenance';
export type { CostProvenance } from './cost/provenance';
export { rollupCosts, totalCost, COST_DIMENSIONS } from './cost/rollupCosts';
export type {
  CostDimension,
  CostRollupRow,
  CostTotal,
} from './cost/rollupCosts';
export { rollupByService, SERVICE_SPLIT_RULE } from './cost/rollupByService';
export type {
  ServiceClusterShare,
  ServiceCost,
  ServiceCostRollup,
} from './cost/rollupByService';
export { COMPLIANCE_CHECK_IDS } from './compliance/types';
export type {
  ComplianceCheck,
  ComplianceCheckId,
  ComplianceReport,
  ComplianceSeverity,
  ComplianceStatus,
  Evidence,
} from './compliance/types';
export {
  DEFAULT_COMPLIANCE_RULES,
  environmentKey,
  isProductionEnvironment,
  resolveComplianceRules,
  sameEnvironment,
} from './compliance/rules';
export type { ComplianceRules } from './compliance/rules';
export {
  allowedRegionsFor,
  isRegionAllowed,
  restrictedDataClass,
} from './compliance/residency';
export type { RegionAllowance } from './compliance/residency';
export { evaluateCompliance } from './compliance/evaluateCompliance';
export {
  complianceGroupRate,
  complianceRate,
  COMPLIANCE_NO_GROUP,
} from './compliance/complianceRate';
export type {
  ComplianceGroupBy,
  ComplianceGroupRate,
  ComplianceRates,
} from './compliance/complianceRate';
export {
  DEFAULT_PLACEMENT_CONFIG,
  DEFAULT_PLACEMENT_WEIGHTS,
  PLACEMENT_WEIGHT_BOUNDS,
  PRIORITIZERS,
} from './placement/config';
export type {
  PlacementConfig,
  PlacementWeights,
  Prioritizer,
} from './placement/config';
export {
  parsePlacementRequest,
  placementRequestErrors,
  placementRequestSchema,
} from './placement/request';
export type {
  PlacementFieldError,
  PlacementRequest,
  PlacementRequestInput,
  PlacementRequestParse,
} from './placement/request';
export type { InstancePricing } from './placement/pricing';
export { buildPlacementIndex } from './placement/placementIndex';
export type {
  PlacementIndex,
  PlacementIndexOptions,
  Utilisation,
} from './placement/placementIndex';
export { evaluatePlacement } from './placement/evaluatePlacement';
export { newClusterOptions } from './placement/newClusterOptions';
export { PLACEMENT_FILTERS } from './placement/result';
export type {
  HostingPlan,
  NewClusterOption,
  NodeChoice,
  PlacementFilter,
  PlacementRecommendation,
  PlacementResult,
  PoolAllocation,
  PrioritizerScore,
  RankedCandidate,
  RejectedCluster,
  Rejection,
} from './placement/result';
export { regionGeography } from './placement/geography';
export type { Continent, RegionGeography } from './placement/geography';
export { LATENCY_SCORES, latencyTier } from './placement/prioritizers/latency';
export type { LatencyTier } from './placement/prioritizers/latency';
export * from './failover';
export { recommend as recommendPlacement } from './placement/answer';
export * from './render';
