/**
 * `measureFleetHeap` in a process of its own (`node --import tsx bench/lib/fleetHeapMain.ts
 * <kubeconfig>`, JSON on stdout): a benchmark process that has run load generators and a
 * baseline server holds and frees memory of its own meanwhile, which would blur the figure.
 */
import { measureFleetHeap } from './fleetHeap';

measureFleetHeap(process.argv[2]).then(
  result => {
    process.stdout.write(JSON.stringify(result));
    process.exit(0);
  },
  error => {
    console.error(error);
    process.exit(1);
  },
);
