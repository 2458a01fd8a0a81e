import { CellText, type ColumnConfig } from '@backstage/ui';
import type { ComponentProps } from 'react';
import type {
  ClusterCostSummary,
  ComplianceReport,
} from '@internal/plugin-multicloud-common';
import { checkCounts } from '../compliance/checkLabels';
import { COST_PROVENANCE_LABELS, perMonth } from '../cost/formatCost';
import type { ClusterWithInsights, Insight } from './clusterInsights';

type CellTextProps = ComponentProps<typeof CellText>;

function insightCell<T>(
  insight: Insight<T>,
  known: (value: T) => CellTextProps,
  none: string,
) {
  switch (insight.status) {
    case 'known':
      return <CellText {...known(insight.value)} />;
    case 'none':
      return <CellText title="—" description={none} />;
    case 'unavailable':
      return <CellText title="Unavailable" description="could not be loaded" />;
    default:
      return <CellText title="Loading…" />;
  }
}

function costText(cost: ClusterCostSummary): CellTextProps {
  return {
    title: perMonth(cost.perMonth),
    // The provenance only when the figure is not exact: the Cost page's wording.
    description:
      cost.provenance === 'exact'
        ? undefined
        : COST_PROVENANCE_LABELS[cost.provenance],
  };
}

function complianceText(report: ComplianceReport): CellTextProps {
  const { applicable, failing } = checkCounts(report);
  return {
    title: report.compliant ? 'Compliant' : 'Not compliant',
    description: `${applicable - failing} pass · ${failing} fail`,
  };
}

/** Cost and compliance next to the cluster columns of an entity tab. */
export const insightColumns: ColumnConfig<ClusterWithInsights>[] = [
  {
    id: 'cost',
    label: 'Cost',
    cell: c => insightCell(c.cost, costText, 'no cost estimate'),
  },
  {
    id: 'compliance',
    label: 'Compliance',
    cell: c => insightCell(c.compliance, complianceText, 'no report'),
  },
];
