import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import ChevronRightIcon from '@material-ui/icons/ChevronRight';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import TreeItem from '@material-ui/lab/TreeItem';
import TreeView from '@material-ui/lab/TreeView';
import { useMemo, useState } from 'react';
import type { ConditionTreeNode } from '@internal/plugin-multicloud-common';
import { ConditionNodeLabel } from './ConditionNodeLabel';

function parentIds(node: ConditionTreeNode): string[] {
  if (node.children.length === 0) return [];
  return [node.id, ...node.children.flatMap(parentIds)];
}

function renderNode(node: ConditionTreeNode) {
  return (
    <TreeItem
      key={node.id}
      nodeId={node.id}
      label={<ConditionNodeLabel node={node} />}
    >
      {node.children.length > 0 ? node.children.map(renderNode) : null}
    </TreeItem>
  );
}

/**
 * The cluster's objects and their conditions as an ARIA tree: arrow keys move and
 * expand/collapse, Home/End jump, `*` expands siblings. Everything starts expanded, as
 * `clusterctl describe cluster` prints it.
 */
export function ConditionTree({ tree }: { tree: ConditionTreeNode }) {
  const all = useMemo(() => parentIds(tree), [tree]);
  const [expanded, setExpanded] = useState<string[]>(all);
  return (
    <>
      <Box display="flex" justifyContent="flex-end" style={{ gap: 8 }}>
        <Button size="small" onClick={() => setExpanded(all)}>
          Expand all
        </Button>
        <Button size="small" onClick={() => setExpanded([])}>
          Collapse all
        </Button>
      </Box>
      <TreeView
        aria-label="Condition tree"
        defaultCollapseIcon={<ExpandMoreIcon />}
        defaultExpandIcon={<ChevronRightIcon />}
        expanded={expanded}
        onNodeToggle={(_event: unknown, ids: string[]) => setExpanded(ids)}
      >
        {renderNode(tree)}
      </TreeView>
    </>
  );
}
