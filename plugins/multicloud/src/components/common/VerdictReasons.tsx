import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import { useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import ErrorIcon from '@material-ui/icons/Error';
import InfoIcon from '@material-ui/icons/Info';
import WarningIcon from '@material-ui/icons/Warning';
import type { VerdictReason } from '@internal/plugin-multicloud-common';

const SEVERITY_ICONS = {
  error: ErrorIcon,
  warning: WarningIcon,
  info: InfoIcon,
};

/** The reasons behind a verdict, worst first as the backend orders them. */
export function VerdictReasons({
  reasons,
}: {
  reasons: readonly VerdictReason[];
}) {
  const theme = useTheme();
  const colors = {
    error: theme.palette.status.error,
    warning: theme.palette.status.warning,
    info: theme.palette.text.secondary,
  };
  if (reasons.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No reasons reported.
      </Typography>
    );
  }
  return (
    <List dense disablePadding aria-label="Verdict reasons">
      {reasons.map((reason, i) => {
        const Icon = SEVERITY_ICONS[reason.severity] ?? InfoIcon;
        return (
          <ListItem key={i} disableGutters alignItems="flex-start">
            <ListItemIcon style={{ minWidth: 32 }}>
              <Icon
                fontSize="small"
                titleAccess={reason.severity}
                style={{ color: colors[reason.severity] ?? colors.info }}
              />
            </ListItemIcon>
            <ListItemText
              primary={reason.message}
              secondary={`${reason.object} · ${reason.source}`}
            />
          </ListItem>
        );
      })}
    </List>
  );
}
