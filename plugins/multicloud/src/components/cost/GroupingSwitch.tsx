import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { GROUPINGS, GROUPING_LABELS, type Grouping } from './grouping';

/** Group by cloud, team, environment or service: toggle buttons, reachable by keyboard. */
export function GroupingSwitch({
  value,
  onChange,
}: {
  value: Grouping;
  onChange: (by: Grouping) => void;
}) {
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={value}
      aria-label="Group by"
      // A click on the selected button would clear the selection: keep one always.
      onChange={(_e, next: Grouping | null) => next && onChange(next)}
    >
      {GROUPINGS.map(g => (
        <ToggleButton key={g} value={g} aria-label={GROUPING_LABELS[g]}>
          {GROUPING_LABELS[g]}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
