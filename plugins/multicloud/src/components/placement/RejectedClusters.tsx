import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  CLOUD_TITLES,
  type RejectedCluster,
} from '@internal/plugin-multicloud-common';
import { CARD_TITLE_PROPS } from '../common/cardTitle';
import { ClusterRefLink } from '../cost/ClusterRefLink';

/** Every cluster a filter rejected, with every filter it failed and why. */
export function RejectedClusters({
  rejected,
}: {
  rejected: RejectedCluster[];
}) {
  return (
    <InfoCard
      titleTypographyProps={CARD_TITLE_PROPS}
      title={`Rejected clusters (${rejected.length})`}
    >
      {rejected.length === 0 ? (
        <Typography>No cluster was rejected.</Typography>
      ) : (
        <Table size="small" aria-label="Rejected clusters">
          <TableHead>
            <TableRow>
              <TableCell>Cluster</TableCell>
              <TableCell>Cloud · region</TableCell>
              <TableCell>Why not</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rejected.map(r => (
              <TableRow key={r.ref}>
                <TableCell>
                  <ClusterRefLink clusterRef={r.ref} />
                </TableCell>
                <TableCell>
                  {CLOUD_TITLES[r.cloud]} · {r.region ?? 'unknown region'}
                </TableCell>
                <TableCell>
                  <Box component="ul" m={0} pl={2}>
                    {r.reasons.map(reason => (
                      <li key={reason.filter}>
                        <strong>{reason.filter}</strong>: {reason.message}
                      </li>
                    ))}
                  </Box>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
