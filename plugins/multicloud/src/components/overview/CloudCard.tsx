import { InfoCard, Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  CLOUD_TITLES,
  type Cloud,
  type ClusterQuery,
  type ComplianceGroupRate,
  type CostRollupRow,
  type FleetBucket,
  type HistoryPoint,
} from '@internal/plugin-multicloud-common';
import { useMulticloudLinks } from '../../hooks/useMulticloudLinks';
import { FactRow } from '../common/FactRow';
import { ATTENTION_VERDICTS } from '../common/verdicts';
import { CostSparkline } from './CostSparkline';
import { CountList } from './CountList';
import { VerdictBar } from './VerdictBar';
import { CARD_TITLE_PROPS } from '../common/cardTitle';
import { percent } from '../compliance/percent';
import { CostFigure } from '../cost/CostFigure';
import { useInsightLinks } from '../cost/useInsightLinks';

function machinesText(machines: FleetBucket['machines']): string {
  const phases = Object.entries(machines.byPhase)
    .sort((a, b) => b[1] - a[1])
    .map(([phase, n]) => `${n} ${phase.toLocaleLowerCase('en-US')}`);
  return phases.length > 0
    ? `${machines.total} (${phases.join(', ')})`
    : String(machines.total);
}

function Headline({ href, count }: { href?: string; count: number }) {
  const text = (
    <>
      <Typography variant="h3" component="span">
        {count}
      </Typography>{' '}
      {count === 1 ? 'cluster' : 'clusters'}
    </>
  );
  return href ? <Link to={href}>{text}</Link> : text;
}

function LinkOrText({ href, text }: { href?: string; text: string }) {
  return href ? <Link to={href}>{text}</Link> : <>{text}</>;
}

function Attention({ href, count }: { href?: string; count: number }) {
  if (count === 0) return <>all healthy</>;
  return <LinkOrText href={href} text={`${count} need attention`} />;
}

/**
 * One cloud at a glance: clusters and how many need attention, verdicts, cost ($/h and
 * $/month), compliance rate, machines, Kubernetes versions and regions, each linking to the
 * matching rows of the Clusters table or to the cost and compliance pages.
 */
export function CloudCard({
  cloud,
  bucket,
  scope,
  cost,
  costTrend,
  compliance,
}: {
  cloud: Cloud;
  bucket: FleetBucket;
  /** Filters that already apply to the numbers (the "My team" owners), kept in the links. */
  scope: ClusterQuery;
  /** This cloud's row of the cost roll-up; absent while loading or when it failed. */
  cost?: CostRollupRow;
  /** Cost per hour over the last 30 days, for a sparkline. */
  costTrend?: HistoryPoint[];
  /** This cloud's compliance rate; absent while loading or when it failed. */
  compliance?: ComplianceGroupRate;
}) {
  const links = useMulticloudLinks();
  const insightLinks = useInsightLinks();
  const title = CLOUD_TITLES[cloud];
  const inCloud: ClusterQuery = { ...scope, cloud: [cloud] };
  const attention = bucket.clusters - (bucket.byVerdict.healthy ?? 0);
  const allHref = links.clusters(inCloud);
  const attentionHref = links.clusters({
    ...inCloud,
    verdict: ATTENTION_VERDICTS,
    sort: 'verdict',
  });

  return (
    <InfoCard
      titleTypographyProps={CARD_TITLE_PROPS}
      title={title}
      variant="gridItem"
    >
      {bucket.clusters === 0 ? (
        <Typography color="textSecondary">No clusters on {title}.</Typography>
      ) : (
        <>
          <Box
            display="flex"
            alignItems="baseline"
            flexWrap="wrap"
            mb={2}
            style={{ gap: 16 }}
          >
            <Typography variant="h6" component="p">
              <Headline href={allHref} count={bucket.clusters} />
            </Typography>
            <Typography variant="body1" component="p">
              <Attention href={attentionHref} count={attention} />
            </Typography>
          </Box>
          <VerdictBar byVerdict={bucket.byVerdict} />
          <Box component="dl" mt={2} mb={0}>
            {cost && (
              <FactRow label="Cost">
                <CostFigure cost={cost} />
                <CostSparkline points={costTrend} />
              </FactRow>
            )}
            {compliance && (
              <FactRow label="Compliance">
                <LinkOrText
                  href={insightLinks.compliance({ owners: scope.owner })}
                  text={`${compliance.compliant} of ${
                    compliance.clusters
                  } compliant (${percent(
                    compliance.compliant,
                    compliance.clusters,
                  )})`}
                />
              </FactRow>
            )}
            <FactRow label="Machines">{machinesText(bucket.machines)}</FactRow>
            <FactRow label="Nodes by type">
              <CountList counts={bucket.nodesByInstanceType} />
            </FactRow>
            <FactRow label="Kubernetes versions">
              <CountList counts={bucket.kubernetesVersions} />
            </FactRow>
            <FactRow label="Regions">
              <CountList
                counts={bucket.regions}
                linkFor={region =>
                  links.clusters({ ...inCloud, region: [region] })
                }
              />
            </FactRow>
            {bucket.withErrors > 0 && (
              <FactRow label="Unreadable objects">
                {bucket.withErrors}{' '}
                {bucket.withErrors === 1 ? 'cluster has' : 'clusters have'}{' '}
                objects that could not be read
              </FactRow>
            )}
          </Box>
        </>
      )}
    </InfoCard>
  );
}
