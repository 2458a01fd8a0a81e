import type { Theme } from '@material-ui/core/styles';
import type { SvgIconProps } from '@material-ui/core/SvgIcon';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import DeleteIcon from '@material-ui/icons/Delete';
import ErrorIcon from '@material-ui/icons/Error';
import HelpIcon from '@material-ui/icons/Help';
import HourglassEmptyIcon from '@material-ui/icons/HourglassEmpty';
import WarningIcon from '@material-ui/icons/Warning';
import type { ComponentType } from 'react';
import type { Verdict } from '@internal/plugin-multicloud-common';

export const VERDICT_LABELS: Record<Verdict, string> = {
  healthy: 'Healthy',
  degraded: 'Degraded',
  unhealthy: 'Unhealthy',
  provisioning: 'Provisioning',
  deleting: 'Deleting',
  unknown: 'Unknown',
};

/** Every verdict has its own shape, so colour is never the only signal. */
export const VERDICT_ICONS: Record<Verdict, ComponentType<SvgIconProps>> = {
  healthy: CheckCircleIcon,
  degraded: WarningIcon,
  unhealthy: ErrorIcon,
  provisioning: HourglassEmptyIcon,
  deleting: DeleteIcon,
  unknown: HelpIcon,
};

/** The theme's status palette, so light and dark themes (and branding) apply. */
export function verdictColor(theme: Theme, verdict: Verdict): string {
  const status = theme.palette.status;
  switch (verdict) {
    case 'healthy':
      return status.ok;
    case 'degraded':
      return status.warning;
    case 'unhealthy':
      return status.error;
    case 'provisioning':
      return status.running;
    case 'deleting':
      return status.aborted;
    default:
      return theme.palette.text.secondary;
  }
}

/** Verdicts that need someone to look: everything but healthy. */
export const ATTENTION_VERDICTS: readonly Verdict[] = [
  'unhealthy',
  'degraded',
  'unknown',
  'provisioning',
  'deleting',
];
