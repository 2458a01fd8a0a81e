import Chip from '@material-ui/core/Chip';
import { useTheme } from '@material-ui/core/styles';
import BlockIcon from '@material-ui/icons/Block';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import HourglassEmptyIcon from '@material-ui/icons/HourglassEmpty';
import RemoveCircleOutlineIcon from '@material-ui/icons/RemoveCircleOutline';
import SkipNextIcon from '@material-ui/icons/SkipNext';
import SyncIcon from '@material-ui/icons/Sync';
import type {
  BreakerPosition,
  FailoverRunStatus,
  FailoverStepStatus,
} from '@internal/plugin-multicloud-common';
import type { ComponentType } from 'react';

type Status = FailoverRunStatus | FailoverStepStatus | BreakerPosition;

// Each status has its own icon and word, so colour is never the only signal.
const STATUS: Record<
  Status,
  {
    label: string;
    icon: ComponentType<{ style?: object }>;
    tone: 'info' | 'success' | 'error' | 'warning' | 'text';
  }
> = {
  pending: { label: 'Pending', icon: HourglassEmptyIcon, tone: 'text' },
  running: { label: 'Running', icon: SyncIcon, tone: 'info' },
  succeeded: { label: 'Succeeded', icon: CheckCircleIcon, tone: 'success' },
  failed: { label: 'Failed', icon: ErrorIcon, tone: 'error' },
  cancelled: { label: 'Cancelled', icon: BlockIcon, tone: 'warning' },
  skipped: { label: 'Skipped', icon: SkipNextIcon, tone: 'text' },
  closed: { label: 'Closed', icon: CheckCircleIcon, tone: 'success' },
  open: { label: 'Open', icon: ErrorIcon, tone: 'error' },
  'half-open': {
    label: 'Half-open',
    icon: RemoveCircleOutlineIcon,
    tone: 'warning',
  },
};

export const ACTIVE_RUN_STATUSES: readonly FailoverRunStatus[] = [
  'pending',
  'running',
];

export function statusLabel(status: Status): string {
  return STATUS[status]?.label ?? status;
}

/** A run's, a step's or a breaker's state: icon and word, coloured from the theme palette. */
export function StatusChip({ status }: { status: Status }) {
  const theme = useTheme();
  const { label, icon: Icon, tone } = STATUS[status] ?? STATUS.pending;
  const color =
    tone === 'text' ? theme.palette.text.secondary : theme.palette[tone].main;
  return (
    <Chip
      size="small"
      variant="outlined"
      label={label}
      icon={<Icon aria-hidden style={{ color }} />}
    />
  );
}
