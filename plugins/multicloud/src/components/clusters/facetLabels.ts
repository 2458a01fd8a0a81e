import {
  CLOUD_TITLES,
  UNSET_VALUE,
  type Cloud,
  type ClusterFacet,
  type Verdict,
} from '@internal/plugin-multicloud-common';
import { VERDICT_LABELS } from '../common/verdicts';

export const FACET_TITLES: Record<ClusterFacet, string> = {
  cloud: 'Cloud',
  region: 'Region',
  verdict: 'Health',
  owner: 'Owner',
  environment: 'Environment',
};

/** How a facet value reads on its chip: cloud and verdict titles, "(not set)" for a missing label. */
export function facetValueLabel(facet: ClusterFacet, value: string): string {
  if (facet === 'cloud') return CLOUD_TITLES[value as Cloud] ?? value;
  if (facet === 'verdict') return VERDICT_LABELS[value as Verdict] ?? value;
  return value === UNSET_VALUE ? '(not set)' : value;
}
