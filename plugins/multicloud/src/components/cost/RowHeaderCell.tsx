import TableCell, { type TableCellProps } from '@material-ui/core/TableCell';

/** A body cell that names its row: MUI would give a body `<th>` the role "cell" otherwise. */
export function RowHeaderCell(props: TableCellProps) {
  return <TableCell component="th" scope="row" role="rowheader" {...props} />;
}
