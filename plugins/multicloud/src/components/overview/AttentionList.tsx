import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type { ClusterRef } from '@internal/plugin-multicloud-common';
import type { ReactNode } from 'react';
import { ClusterRefLink } from '../cost/ClusterRefLink';

export interface AttentionItem {
  clusterRef: ClusterRef;
  icon: ReactNode;
  /** What is wrong, in words. */
  problem: string;
  secondary: string;
}

/**
 * One kind of trouble (health, compliance, cost): a heading, clusters each saying what is
 * wrong with a link to their detail, and a link to all of them when the list is cut short.
 */
export function AttentionList({
  title,
  items,
  empty,
  more,
}: {
  title: string;
  items: AttentionItem[];
  empty: string;
  more?: { text: string; href?: string };
}) {
  return (
    <Box mb={2}>
      <Typography variant="subtitle1" component="h3">
        {title}
      </Typography>
      {items.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {empty}
        </Typography>
      ) : (
        <List dense aria-label={title}>
          {items.map(item => (
            <ListItem
              key={item.clusterRef}
              disableGutters
              alignItems="flex-start"
            >
              <ListItemIcon style={{ minWidth: 32 }}>{item.icon}</ListItemIcon>
              <ListItemText
                primary={
                  <>
                    <ClusterRefLink clusterRef={item.clusterRef} />
                    {`: ${item.problem}`}
                  </>
                }
                secondary={item.secondary}
              />
            </ListItem>
          ))}
        </List>
      )}
      {more?.href && (
        <Typography variant="body2">
          <Link to={more.href}>{more.text}</Link>
        </Typography>
      )}
    </Box>
  );
}
