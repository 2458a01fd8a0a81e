import { ResponseErrorPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';

/** A failed request: the backend's message (ResponseError details included) and a retry. */
export function LoadError({
  title,
  error,
  retry,
}: {
  title: string;
  error: Error;
  retry?: () => void;
}) {
  return (
    <Box mb={2}>
      <ResponseErrorPanel title={title} error={error} />
      {retry && (
        <Box mt={1}>
          <Button variant="outlined" size="small" onClick={retry}>
            Retry
          </Button>
        </Box>
      )}
    </Box>
  );
}
