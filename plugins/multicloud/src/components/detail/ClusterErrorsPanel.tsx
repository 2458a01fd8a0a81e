import { WarningPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';

/** Objects of this cluster the backend could not understand; the rest of the page still shows. */
export function ClusterErrorsPanel({ errors }: { errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <Box mb={2}>
      <WarningPanel
        severity="warning"
        title={
          errors.length === 1
            ? '1 object of this cluster could not be read'
            : `${errors.length} objects of this cluster could not be read`
        }
        message="The numbers below leave these objects out."
        defaultExpanded
      >
        <ul style={{ margin: 0 }}>
          {errors.map(e => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      </WarningPanel>
    </Box>
  );
}
