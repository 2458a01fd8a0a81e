import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useMemo } from 'react';
import TrendingUpIcon from '@material-ui/icons/TrendingUp';
import {
  CLOUD_TITLES,
  type ClusterQuery,
  type ClusterSummary,
  type ComplianceReport,
  type ComplianceResponse,
  type CostResponse,
} from '@internal/plugin-multicloud-common';
import { multicloudApiRef } from '../../api/MulticloudApi';
import { useMulticloudLinks } from '../../hooks/useMulticloudLinks';
import { usePolling } from '../../hooks/usePolling';
import { CARD_TITLE_PROPS } from '../common/cardTitle';
import { clusterProblem } from '../common/clusterProblem';
import { LoadError } from '../common/LoadError';
import { VerdictIcon } from '../common/VerdictIcon';
import { VERDICT_LABELS } from '../common/verdicts';
import { sortChecks } from '../compliance/checkLabels';
import { CheckStatusIcon } from '../compliance/CheckStatusIcon';
import { failingReports } from '../compliance/failingReports';
import { perMonth } from '../cost/formatCost';
import { useInsightLinks } from '../cost/useInsightLinks';
import { AttentionList, type AttentionItem } from './AttentionList';
import { HIGH_COST_FACTOR, highCostClusters, type HighCost } from './highCost';

const HEALTH_LIMIT = 10;
const LIMIT = 5;

function where(parts: Array<string | undefined>): string {
  return parts.filter(Boolean).join(' · ');
}

function healthItem(c: ClusterSummary): AttentionItem {
  return {
    clusterRef: c.ref,
    icon: <VerdictIcon verdict={c.health.verdict} />,
    problem: clusterProblem(c),
    secondary: where([
      VERDICT_LABELS[c.health.verdict],
      CLOUD_TITLES[c.cloud],
      c.region,
      c.labels.owner,
    ]),
  };
}

function complianceItems(failing: ComplianceReport[]): AttentionItem[] {
  return failing.slice(0, LIMIT).map(r => {
    const failed = sortChecks(r.checks.filter(c => c.status === 'fail'));
    return {
      clusterRef: r.ref,
      icon: <CheckStatusIcon status="fail" />,
      problem: `fails ${failed.map(c => c.title).join(', ')}`,
      secondary: where([failed[0]?.severity, CLOUD_TITLES[r.cloud], r.owner]),
    };
  });
}

function costItems(expensive: HighCost[]): AttentionItem[] {
  return expensive.slice(0, LIMIT).map(({ cost: c, median }) => ({
    clusterRef: c.ref,
    icon: <TrendingUpIcon fontSize="small" titleAccess="High cost" />,
    problem: `${perMonth(c.perMonth)}, ${(c.perHour / median).toFixed(
      1,
    )}× the median cluster`,
    secondary: where([CLOUD_TITLES[c.cloud], c.region, c.owner]),
  }));
}

/**
 * What to look at first: unhealthy clusters (worst first), compliance failures (most severe
 * first) and clusters costing more than twice the median, each saying what is wrong in words.
 */
export function NeedsAttentionCard({
  scope,
  compliance,
  cost,
}: {
  scope: ClusterQuery;
  compliance?: ComplianceResponse;
  cost?: CostResponse;
}) {
  const api = useApi(multicloudApiRef);
  const links = useMulticloudLinks();
  const insightLinks = useInsightLinks();
  const query: ClusterQuery = {
    ...scope,
    verdict: ['unhealthy', 'degraded', 'unknown'],
    sort: 'verdict',
  };
  const { value, error, loading, retry } = usePolling(
    () => api.listClusters({ ...query, limit: HEALTH_LIMIT }),
    [api, scope.owner?.join(',')],
  );
  const failing = useMemo(
    () => (compliance ? failingReports(compliance.reports) : []),
    [compliance],
  );
  const expensive = useMemo(
    () => (cost ? highCostClusters(cost.clusters) : []),
    [cost],
  );

  return (
    <InfoCard
      titleTypographyProps={CARD_TITLE_PROPS}
      title="Needs attention"
      subheader="Health, compliance and cost, worst first"
    >
      {loading && <Progress />}
      {error && (
        <LoadError
          title="Could not list the clusters needing attention"
          error={error}
          retry={retry}
        />
      )}
      {value && (
        <AttentionList
          title="Unhealthy, degraded and unknown clusters"
          items={value.items.map(healthItem)}
          empty="Every cluster is healthy or on its way."
          more={
            value.total > value.items.length
              ? {
                  text: `All ${value.total} clusters needing attention`,
                  href: links.clusters(query),
                }
              : undefined
          }
        />
      )}
      {compliance && (
        <AttentionList
          title="Compliance failures"
          items={complianceItems(failing)}
          empty="Every cluster passes every compliance check."
          more={
            failing.length > LIMIT
              ? {
                  text: `All ${failing.length} non-compliant clusters`,
                  href: insightLinks.compliance({ owners: scope.owner }),
                }
              : undefined
          }
        />
      )}
      {cost && (
        <AttentionList
          title={`High cost (over ${HIGH_COST_FACTOR}× the median cluster)`}
          items={costItems(expensive)}
          empty="No cluster costs more than twice the median cluster."
          more={
            expensive.length > LIMIT
              ? {
                  text: 'All costs, most expensive first',
                  href: insightLinks.cost({ owners: scope.owner }),
                }
              : undefined
          }
        />
      )}
    </InfoCard>
  );
}
