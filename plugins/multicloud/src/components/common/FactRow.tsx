import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';

/** A label and its value in a card's description list (`<dt>`/`<dd>`). */
export function FactRow({
  label,
  children,
}: {
  label: string;
  children: ReactNode;
}) {
  return (
    <Box display="flex" mb={0.5} style={{ gap: 8 }}>
      <Typography
        component="dt"
        variant="body2"
        color="textSecondary"
        style={{ minWidth: 150 }}
      >
        {label}
      </Typography>
      <Typography component="dd" variant="body2" style={{ margin: 0 }}>
        {children}
      </Typography>
    </Box>
  );
}
