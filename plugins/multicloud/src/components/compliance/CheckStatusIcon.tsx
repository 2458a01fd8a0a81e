import { useTheme } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import RemoveCircleOutlineIcon from '@material-ui/icons/RemoveCircleOutline';
import type { ComplianceStatus } from '@internal/plugin-multicloud-common';
import { STATUS_LABELS } from './checkLabels';

/** Pass, fail or not applicable: a distinct shape each, coloured from the theme, labelled. */
export function CheckStatusIcon({ status }: { status: ComplianceStatus }) {
  const theme = useTheme();
  const props = {
    fontSize: 'small' as const,
    titleAccess: STATUS_LABELS[status],
    style: { verticalAlign: 'middle' },
  };
  if (status === 'pass') {
    return <CheckCircleIcon {...props} htmlColor={theme.palette.status.ok} />;
  }
  if (status === 'fail') {
    return <ErrorIcon {...props} htmlColor={theme.palette.status.error} />;
  }
  return (
    <RemoveCircleOutlineIcon
      {...props}
      htmlColor={theme.palette.text.secondary}
    />
  );
}
