import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  CLOUD_TITLES,
  type NewClusterOption,
  type PlacementResult,
} from '@internal/plugin-multicloud-common';
import { scaffolderTemplateRouteRef } from '../../routes';
import { CARD_TITLE_PROPS } from '../common/cardTitle';
import { formatHourly } from './money';
import {
  NEW_CLUSTER_TEMPLATE,
  newClusterFormData,
  withFormData,
} from './newClusterFormData';

function nodes(choice: NewClusterOption['workers']) {
  return `${choice.nodes} × ${choice.instanceType}`;
}

/**
 * Per allowed cloud, the cheapest compliant new cluster, with a link that opens the
 * new-cluster template prefilled with it (no link when the scaffolder is not installed).
 */
export function NewClusterOptions({
  result,
}: {
  result: Pick<PlacementResult, 'newClusters' | 'newClusterGaps' | 'request'>;
}) {
  const templateRoute = useRouteRef(scaffolderTemplateRouteRef);
  const { newClusters, newClusterGaps, request } = result;
  return (
    <InfoCard
      titleTypographyProps={CARD_TITLE_PROPS}
      title={`New-cluster options (${newClusters.length})`}
      subheader="The cheapest compliant new cluster per cloud, cheapest first"
    >
      {newClusters.length > 0 && (
        <Table size="small" aria-label="New-cluster options">
          <TableHead>
            <TableRow>
              <TableCell>Cloud · region</TableCell>
              <TableCell>Workers</TableCell>
              <TableCell>Control plane</TableCell>
              <TableCell>Cost</TableCell>
              <TableCell>Fits</TableCell>
              <TableCell>Request</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {newClusters.map(option => {
              const label = `${CLOUD_TITLES[option.cloud]} ${option.region}`;
              return (
                <TableRow key={`${option.cloud}/${option.region}`}>
                  <TableCell>
                    {CLOUD_TITLES[option.cloud]} · {option.region}
                    <Typography
                      variant="caption"
                      color="textSecondary"
                      display="block"
                    >
                      {option.residencyRule}
                    </Typography>
                  </TableCell>
                  <TableCell>{nodes(option.workers)}</TableCell>
                  <TableCell>{nodes(option.controlPlane)}</TableCell>
                  <TableCell>
                    {formatHourly(option.costPerHour, option.provenance)}
                  </TableCell>
                  <TableCell>
                    {option.withinBudget ? 'within budget' : 'over budget'} ·
                    latency {option.latency}
                  </TableCell>
                  <TableCell>
                    {templateRoute && (
                      <Link
                        to={withFormData(
                          templateRoute(NEW_CLUSTER_TEMPLATE),
                          newClusterFormData(option, request),
                        )}
                        aria-label={`Request this cluster: ${label}`}
                      >
                        Request this cluster
                      </Link>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {newClusterGaps.length > 0 && (
        <Box component="ul" mt={2} mb={0} aria-label="Clouds without an option">
          {newClusterGaps.map(gap => (
            <li key={gap.cloud}>
              <Typography variant="body2">
                {CLOUD_TITLES[gap.cloud]}: {gap.reason}
              </Typography>
            </li>
          ))}
        </Box>
      )}
    </InfoCard>
  );
}
