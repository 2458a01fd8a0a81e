/** What an empty view says when "My team" narrows it to nothing. */
export function teamEmptyState(
  owners: readonly string[] | undefined,
): { title: string; description: string } | undefined {
  if (!owners?.length) return undefined;
  return {
    title: 'Your teams own no clusters',
    description: `No cluster carries the owner label ${owners.join(' or ')}.`,
  };
}
