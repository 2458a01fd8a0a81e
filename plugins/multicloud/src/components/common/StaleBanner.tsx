import { WarningPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { FleetStatusDetails } from './FleetStatusDetails';

/**
 * Every fleet response says whether it is the last known state; pages show this banner
 * above their content instead of hiding the data.
 */
export function StaleBanner({ stale }: { stale: boolean | undefined }) {
  if (!stale) return null;
  return (
    <Box mb={2}>
      <WarningPanel
        severity="warning"
        title="Showing the last known state: the management cluster is not reachable"
        message="The numbers below may be out of date. Expand for the sync state of each management cluster."
      >
        <FleetStatusDetails />
      </WarningPanel>
    </Box>
  );
}
