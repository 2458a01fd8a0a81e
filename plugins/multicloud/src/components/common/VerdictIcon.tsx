import { useTheme } from '@material-ui/core/styles';
import type { Verdict } from '@internal/plugin-multicloud-common';
import { VERDICT_ICONS, verdictColor } from './verdicts';

/** Decorative: always shown next to the verdict in words. */
export function VerdictIcon({ verdict }: { verdict: Verdict }) {
  const theme = useTheme();
  const Icon = VERDICT_ICONS[verdict] ?? VERDICT_ICONS.unknown;
  return (
    <Icon
      aria-hidden
      fontSize="small"
      style={{
        color: verdictColor(theme, verdict),
        verticalAlign: 'text-bottom',
      }}
    />
  );
}
