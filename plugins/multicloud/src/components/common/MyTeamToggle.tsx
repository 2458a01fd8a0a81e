import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Tooltip from '@material-ui/core/Tooltip';
import { useMyOwners } from '../../hooks/useMyOwners';

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every(v => b.includes(v));
}

/**
 * "My team": narrows the view to clusters whose owner label is one of the signed-in user's
 * groups, by setting the `owner` filter (so the state is in the URL like any filter).
 */
export function MyTeamToggle({
  owners,
  onChange,
}: {
  owners: readonly string[] | undefined;
  onChange: (owners: string[] | undefined) => void;
}) {
  const mine = useMyOwners();
  const hasTeams = !!mine && mine.length > 0;
  const checked = hasTeams && sameSet(owners ?? [], mine);
  const toggle = (
    <FormControlLabel
      control={
        <Switch
          color="primary"
          checked={checked}
          disabled={!hasTeams}
          onChange={(_e, on) => onChange(on ? mine : undefined)}
        />
      }
      label="My team"
    />
  );
  let hint = '';
  if (mine) {
    hint = hasTeams
      ? `Clusters owned by ${mine.join(', ')}`
      : 'You are not a member of any team in the catalog';
  }
  return <Tooltip title={hint}>{toggle}</Tooltip>;
}
