import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import {
  CLOUD_TITLES,
  type RankedCandidate,
} from '@internal/plugin-multicloud-common';
import { CARD_TITLE_PROPS } from '../common/cardTitle';
import { ClusterRefLink } from '../cost/ClusterRefLink';
import { formatHourly } from './money';
import { PrioritizerBars } from './PrioritizerBars';

/** Existing clusters that pass every filter, best first, each score explained. */
export function RankedCandidates({
  candidates,
}: {
  candidates: RankedCandidate[];
}) {
  return (
    <InfoCard
      titleTypographyProps={CARD_TITLE_PROPS}
      title={`Ranked clusters (${candidates.length})`}
    >
      {candidates.length === 0 ? (
        <Typography>No existing cluster passes every filter.</Typography>
      ) : (
        <Box component="ol" m={0} p={0} aria-label="Ranked clusters">
          {candidates.map((c, i) => (
            <Box
              component="li"
              key={c.ref}
              style={{ listStyle: 'none' }}
              aria-label={`#${c.rank} ${c.ref}, score ${c.score}`}
            >
              {i > 0 && <Divider style={{ margin: '16px 0' }} />}
              <Box
                display="flex"
                flexWrap="wrap"
                alignItems="baseline"
                style={{ gap: 12 }}
                mb={1}
              >
                <Typography variant="h6" component="h3">
                  #{c.rank} <ClusterRefLink clusterRef={c.ref} />
                </Typography>
                <Typography variant="body2" color="textSecondary">
                  {CLOUD_TITLES[c.cloud]} · {c.region ?? 'unknown region'}
                </Typography>
                <Typography variant="subtitle1">score {c.score}</Typography>
                <Typography variant="body2">
                  {formatHourly(c.hosting.costPerHour, c.hosting.provenance)}{' '}
                  for{' '}
                  {c.hosting.pools
                    .map(
                      p =>
                        `${p.newNodes} new ${
                          p.instanceType ?? 'node'
                        } node(s) in ${p.pool}`,
                    )
                    .join(', ') || 'no new nodes'}
                </Typography>
              </Box>
              <PrioritizerBars scores={c.scores} />
            </Box>
          ))}
        </Box>
      )}
    </InfoCard>
  );
}
