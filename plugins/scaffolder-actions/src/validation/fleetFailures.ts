import { clusterRef } from '@internal/plugin-multicloud-common';
import type { FleetService } from '@internal/plugin-multicloud-node';
import type { LocatedObject } from './manifestDirectory';
import { objectLabel, type ValidationFailure } from './ValidationFailure';

/** A new cluster must not take the name of a live one (CAPI would adopt or clash with it). */
export function fleetFailures(
  clusters: LocatedObject[],
  fleet: FleetService,
): ValidationFailure[] {
  if (!fleet.getStatus().synced) {
    return clusters.map(({ file, object }) => ({
      check: 'fleet',
      file,
      object: objectLabel(object),
      field: 'metadata.name',
      message:
        'the live fleet has not finished syncing, so the name cannot be checked for a clash yet; retry in a moment',
    }));
  }
  return clusters.flatMap(({ file, object }) => {
    const ref = clusterRef(
      object.metadata?.namespace ?? 'default',
      object.metadata?.name ?? '',
    );
    return fleet.getCluster(ref)
      ? [
          {
            check: 'fleet' as const,
            file,
            object: objectLabel(object),
            field: 'metadata.name',
            message: `a cluster ${ref} already exists in the live fleet; choose another name or namespace`,
          },
        ]
      : [];
  });
}
