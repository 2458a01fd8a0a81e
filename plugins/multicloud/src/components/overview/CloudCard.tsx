import { InfoCard, Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  CLOUD_TITLES,
  type Cloud,
  type ClusterQuery,
  type FleetBucket,
} from '@internal/plugin-multicloud-common';
import { useMulticloudLinks } from '../../hooks/useMulticloudLinks';
import { FactRow } from '../common/FactRow';
import { ATTENTION_VERDICTS } from '../common/verdicts';
import { CountList } from './CountList';
import { VerdictBar } from './VerdictBar';
import { CARD_TITLE_PROPS } from '../common/cardTitle';

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

function Attention({ href, count }: { href?: string; count: number }) {
  if (count === 0) return <>all healthy</>;
  const text = `${count} need attention`;
  return href ? <Link to={href}>{text}</Link> : <>{text}</>;
}

/**
 * One cloud at a glance: clusters and how many need attention, verdicts, machines,
 * Kubernetes versions and regions, each linking to the matching rows of the Clusters table.
 * Cost ($/h, $/month) and compliance rate join this card when their APIs exist.
 */
export function CloudCard({
  cloud,
  bucket,
  scope,
}: {
  cloud: Cloud;
  bucket: FleetBucket;
  /** Filters that already apply to the numbers (the "My team" owners), kept in the links. */
  scope: ClusterQuery;
}) {
  const links = useMulticloudLinks();
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
