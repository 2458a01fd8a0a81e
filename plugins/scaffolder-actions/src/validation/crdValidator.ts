import {
  createCrdValidator,
  type CrdValidator,
} from '@internal/plugin-multicloud-common';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/** The CRDs shipped with `@internal/plugin-multicloud-common` (CAPI core, CAPA, CAPZ, CAPG). */
export function crdDirectory(): string {
  return path.join(
    path.dirname(
      require.resolve('@internal/plugin-multicloud-common/package.json'),
    ),
    'crds',
  );
}

async function readCrds(dir: string): Promise<unknown[]> {
  const files = (await fs.readdir(dir, { recursive: true, encoding: 'utf8' }))
    .filter(f => f.endsWith('.yaml'))
    .sort();
  const docs = await Promise.all(
    files.map(async f =>
      parseAllDocuments(await fs.readFile(path.join(dir, f), 'utf8')).map(d =>
        d.toJSON(),
      ),
    ),
  );
  return docs.flat().filter(Boolean);
}

let shared: Promise<CrdValidator> | undefined;

/**
 * One validator per process, built on first use: the CRDs are megabytes of YAML, parsed once,
 * and the validator compiles each kind's schema lazily.
 */
export function loadCrdValidator(dir = crdDirectory()): Promise<CrdValidator> {
  if (!shared) {
    shared = readCrds(dir).then(createCrdValidator);
    shared.catch(() => {
      shared = undefined;
    });
  }
  return shared;
}
