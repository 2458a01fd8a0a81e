import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import HelpIcon from '@material-ui/icons/Help';
import InfoIcon from '@material-ui/icons/Info';
import WarningIcon from '@material-ui/icons/Warning';
import type { ConditionTreeNode } from '@internal/plugin-multicloud-common';
import { RelativeTime } from '../common/RelativeTime';

function SeverityIcon({ node }: { node: ConditionTreeNode }) {
  const theme = useTheme();
  const style = { fontSize: 18, marginTop: 2 };
  switch (node.severity) {
    case 'error':
      return (
        <ErrorIcon
          titleAccess="error"
          style={{ ...style, color: theme.palette.status.error }}
        />
      );
    case 'warning':
      return (
        <WarningIcon
          titleAccess="warning"
          style={{ ...style, color: theme.palette.status.warning }}
        />
      );
    case 'info':
      return (
        <InfoIcon
          titleAccess="info"
          style={{ ...style, color: theme.palette.text.secondary }}
        />
      );
    default:
      return node.status === 'True' ? (
        <CheckCircleIcon
          titleAccess="ok"
          style={{ ...style, color: theme.palette.status.ok }}
        />
      ) : (
        <HelpIcon
          titleAccess="unknown"
          style={{ ...style, color: theme.palette.text.secondary }}
        />
      );
  }
}

function details(node: ConditionTreeNode): string[] {
  const parts: string[] = [];
  if (node.group) {
    const { count, ready, available, upToDate } = node.group;
    parts.push(
      `ready ${ready}/${count}, available ${available}/${count}, up to date ${upToDate}/${count}`,
    );
  } else if (node.replicas) {
    const r = node.replicas;
    parts.push(
      `${r.available}/${r.desired} available, ${r.ready} ready, ${r.upToDate} up to date`,
    );
  }
  if (node.phase) parts.push(`phase ${node.phase}`);
  return parts;
}

/**
 * One line of the tree like `clusterctl describe cluster`: object, status, reason, since,
 * then the message; grouped siblings list their members.
 */
export function ConditionNodeLabel({ node }: { node: ConditionTreeNode }) {
  const title =
    node.virtual || node.group ? node.name : `${node.kind}/${node.name}`;
  const headline = node.available ? 'Available' : 'Ready';
  const extra = details(node);
  return (
    <Box display="flex" py={0.5} style={{ gap: 8 }}>
      <SeverityIcon node={node} />
      <Box minWidth={0}>
        <Typography
          variant="body2"
          component="span"
          style={{ fontWeight: 500 }}
        >
          {title}
        </Typography>
        {node.role && (
          <Typography variant="caption" color="textSecondary" component="span">
            {' '}
            {node.role}
          </Typography>
        )}
        <Typography variant="body2" component="span">
          {` · ${headline} ${node.status}`}
          {node.reason ? ` · ${node.reason}` : ''}
          {node.lastTransitionTime && ' · since '}
          {node.lastTransitionTime && (
            <RelativeTime time={node.lastTransitionTime} />
          )}
        </Typography>
        {extra.length > 0 && (
          <Typography variant="caption" color="textSecondary" component="div">
            {extra.join(' · ')}
          </Typography>
        )}
        {node.message && (
          <Typography
            variant="body2"
            color="textSecondary"
            component="div"
            style={{ whiteSpace: 'pre-wrap' }}
          >
            {node.message}
          </Typography>
        )}
        {node.group && (
          <Typography variant="caption" color="textSecondary" component="div">
            {node.group.members.join(', ')}
          </Typography>
        )}
      </Box>
    </Box>
  );
}
