/** "My team": a cluster (cost row, compliance report) whose owner label is one of the owners. */
export function ownedBy(
  owner: string | undefined,
  owners: readonly string[],
): boolean {
  return owner !== undefined && owners.includes(owner);
}
