/**
 * Epoch milliseconds from a bigint column: Postgres returns bigints as strings, SQLite as
 * numbers; a NULL column gives undefined.
 */
export function toMs(value: string | number | bigint): number;
export function toMs(value: unknown): number | undefined;
export function toMs(value: unknown): number | undefined {
  return value === null || value === undefined ? undefined : Number(value);
}
