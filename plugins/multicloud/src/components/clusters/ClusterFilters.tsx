import Box from '@material-ui/core/Box';
import {
  CLUSTER_FACETS,
  type ClusterFacet,
  type ClusterQuery,
  type FacetCount,
} from '@internal/plugin-multicloud-common';
import { FacetChips } from './FacetChips';

function toggle(
  values: readonly string[] | undefined,
  value: string,
): string[] | undefined {
  const next = values?.includes(value)
    ? values.filter(v => v !== value)
    : [...(values ?? []), value];
  return next.length > 0 ? next : undefined;
}

/** Chips for cloud, region, health, owner and environment, above the table. */
export function ClusterFilters({
  facets,
  query,
  onChange,
}: {
  facets: Record<ClusterFacet, FacetCount[]> | undefined;
  query: ClusterQuery;
  onChange: (query: ClusterQuery) => void;
}) {
  if (!facets) return null;
  return (
    <Box mb={1}>
      {CLUSTER_FACETS.map(facet => (
        <FacetChips
          key={facet}
          facet={facet}
          counts={facets[facet] ?? []}
          selected={query[facet] ?? []}
          onToggle={value =>
            onChange({ ...query, [facet]: toggle(query[facet], value) })
          }
        />
      ))}
    </Box>
  );
}
