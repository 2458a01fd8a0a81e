/** How the cost and compliance pages group the fleet: `?by=` in their URL. */
export const GROUPINGS = ['cloud', 'owner', 'environment', 'service'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export const GROUPING_LABELS: Record<Grouping, string> = {
  cloud: 'Cloud',
  owner: 'Team',
  environment: 'Environment',
  service: 'Service',
};

export function isGrouping(value: string | null): value is Grouping {
  return (GROUPINGS as readonly (string | null)[]).includes(value);
}
