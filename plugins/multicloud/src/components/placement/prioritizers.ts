import type { Prioritizer } from '@internal/plugin-multicloud-common';

export const PRIORITIZER_TITLES: Record<Prioritizer, string> = {
  cost: 'Cost',
  headroom: 'Headroom',
  health: 'Health',
  latency: 'Latency',
  spread: 'Spread',
};
