import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  MULTICLOUD_ANNOTATIONS,
  type FailoverPolicyReport,
} from '@internal/plugin-multicloud-common';
import { CARD_TITLE_PROPS } from '../common/cardTitle';
import { ClusterRefLink } from '../cost/ClusterRefLink';
import {
  FAILOVER_DENIED_EXPLANATION,
  useFailoverPermission,
} from './useFailoverPermission';

function PlanButton({
  policy,
  onPlan,
}: {
  policy: FailoverPolicyReport;
  onPlan: (policy: FailoverPolicyReport) => void;
}) {
  const { allowed, loading } = useFailoverPermission(policy.cluster);
  const label = policy.failedOver ? 'Plan failback…' : 'Plan failover…';
  if (loading) return null;
  if (!allowed) {
    return (
      <>
        <Button size="small" variant="outlined" disabled>
          {label}
        </Button>
        <Typography variant="caption" color="textSecondary" display="block">
          {FAILOVER_DENIED_EXPLANATION}
        </Typography>
      </>
    );
  }
  return (
    <Button
      size="small"
      variant="outlined"
      color="primary"
      onClick={() => onPlan(policy)}
      aria-label={`${label} ${policy.cluster}`}
    >
      {label}
    </Button>
  );
}

/** Declared policies with their targets' verdicts; each row plans a run (dry run first). */
export function PoliciesCard({
  policies,
  onPlan,
}: {
  policies: FailoverPolicyReport[];
  onPlan: (policy: FailoverPolicyReport) => void;
}) {
  return (
    <InfoCard titleTypographyProps={CARD_TITLE_PROPS} title="Policies">
      {policies.length === 0 ? (
        <Typography>
          No cluster declares a failover policy. Set the{' '}
          {MULTICLOUD_ANNOTATIONS.failoverTarget} annotation on a Cluster in the
          GitOps repository.
        </Typography>
      ) : (
        <Table size="small" aria-label="Failover policies">
          <TableHead>
            <TableRow>
              <TableCell>Primary</TableCell>
              <TableCell>Mode</TableCell>
              <TableCell>Targets</TableCell>
              <TableCell>State</TableCell>
              <TableCell>Action</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {policies.map(p => (
              <TableRow key={p.cluster}>
                <TableCell>
                  <ClusterRefLink clusterRef={p.cluster} />
                </TableCell>
                <TableCell>
                  {p.mode}
                  {p.mode === 'automatic' && !p.automatic
                    ? ' (automatic runs are off)'
                    : ''}
                </TableCell>
                <TableCell>
                  <Box component="ol" m={0} pl={2}>
                    {p.targets.map(t => (
                      <li key={t.ref}>
                        {t.ref}
                        {t.ref === p.target ? ' (chosen)' : ''}
                        {!t.valid && (
                          <Typography
                            variant="caption"
                            color="error"
                            display="block"
                          >
                            unusable: {t.reasons.join('; ')}
                          </Typography>
                        )}
                      </li>
                    ))}
                  </Box>
                  {p.problems.map(problem => (
                    <Typography
                      key={problem}
                      variant="caption"
                      color="error"
                      display="block"
                    >
                      {problem}
                    </Typography>
                  ))}
                </TableCell>
                <TableCell>
                  {p.failedOver ? 'failed over' : 'serving'}
                </TableCell>
                <TableCell>
                  <PlanButton policy={p} onPlan={onPlan} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
