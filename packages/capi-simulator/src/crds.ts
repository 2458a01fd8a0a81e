import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { readCrds } from './crdFiles';

/** The CRD folder shipped with `@internal/plugin-multicloud-common` (see its README). */
export function crdDirectory(): string {
  return path.join(
    path.dirname(
      require.resolve('@internal/plugin-multicloud-common/package.json'),
    ),
    'crds',
  );
}

/** Parses every CRD under the folder, in this thread. */
export function loadCrds(dir = crdDirectory()): unknown[] {
  return readCrds(dir);
}

/** Parses the CRDs in a worker thread, so the parser's garbage never grows this process. */
export function loadCrdsInWorker(dir = crdDirectory()): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(require.resolve('./crdFiles.js'), {
      workerData: { crdDirectory: dir },
    });
    worker.once('message', crds => {
      resolve(crds);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
