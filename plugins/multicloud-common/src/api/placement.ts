import type { PlacementResult } from '../placement/result';
import type { FleetVersioned } from './responses';

/** `POST /placement/evaluate`: the result, limited to the clusters the user may read. */
export type PlacementResponse = FleetVersioned & PlacementResult;
