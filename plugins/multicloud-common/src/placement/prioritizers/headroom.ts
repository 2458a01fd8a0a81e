import type { ReplicaShape } from '../hosting';
import type { PlacementIndex } from '../placementIndex';

function remainingShare(free: number, need: number, total: number): number {
  return total > 0 ? (free - need) / total : 0;
}

/**
 * Headroom score: the share of the cluster's maximum worker capacity (autoscaler max ×
 * instance size) still free after hosting the request, in its scarcest resource (GPUs only
 * when requested). Idle capacity of existing nodes counts when utilisation is known.
 */
export function headroomScore(
  ix: PlacementIndex,
  i: number,
  shape: ReplicaShape,
): number {
  let share = Math.min(
    remainingShare(ix.freeCpu[i], shape.replicas * shape.cpu, ix.totalCpu[i]),
    remainingShare(
      ix.freeMem[i],
      shape.replicas * shape.memory,
      ix.totalMem[i],
    ),
  );
  if (shape.gpu > 0) {
    share = Math.min(
      share,
      remainingShare(ix.freeGpu[i], shape.replicas * shape.gpu, ix.totalGpu[i]),
    );
  }
  return Math.min(100, Math.max(0, 100 * share));
}
