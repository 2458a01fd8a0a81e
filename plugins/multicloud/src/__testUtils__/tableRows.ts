import { screen, within } from '@testing-library/react';

/** The text of each body row of `table`, cell by cell (the header row left out). */
export function bodyRows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      Array.from(row.querySelectorAll('th, td'), c => c.textContent ?? ''),
    );
}

/** `bodyRows` of the table labelled `name`, once it is on screen. */
export async function findTableRows(name: string): Promise<string[][]> {
  return bodyRows(await screen.findByRole('table', { name }));
}
