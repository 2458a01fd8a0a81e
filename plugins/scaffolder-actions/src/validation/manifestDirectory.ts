import {
  KUSTOMIZATION_FILE,
  type KubeObject,
} from '@internal/plugin-multicloud-common';
import { parseAllDocuments, parse } from 'yaml';
import type { ValidationFailure } from './ValidationFailure';

/** A Kubernetes object read from a file of the cluster directory. */
export interface LocatedObject {
  file: string;
  object: KubeObject;
}

/**
 * The objects of a cluster directory: the files its `kustomization.yaml` lists (what Argo CD
 * or Flux will apply), else every YAML file. YAML is parsed with the core schema only: no
 * custom tags, nothing in a manifest is ever evaluated.
 */
export function readManifests(files: Map<string, Buffer>): {
  objects: LocatedObject[];
  failures: ValidationFailure[];
} {
  const failures: ValidationFailure[] = [];
  const fail = (file: string, message: string) =>
    failures.push({ check: 'files', file, object: '', field: '', message });
  let listed: string[] | undefined;
  const kustomization = files.get(KUSTOMIZATION_FILE);
  if (kustomization) {
    try {
      const resources = parse(kustomization.toString('utf8'))?.resources;
      listed = Array.isArray(resources) ? resources.map(String) : [];
    } catch (e) {
      fail(KUSTOMIZATION_FILE, `is not valid YAML: ${(e as Error).message}`);
    }
  }
  const names = (
    listed ??
    [...files.keys()].filter(
      f => /\.ya?ml$/.test(f) && f !== KUSTOMIZATION_FILE,
    )
  ).map(f => f.replace(/^\.\//, ''));
  const objects: LocatedObject[] = [];
  for (const file of names) {
    const content = files.get(file);
    if (!content) {
      fail(
        KUSTOMIZATION_FILE,
        `lists ${file}, which is not a file of the directory`,
      );
      continue;
    }
    for (const doc of parseAllDocuments(content.toString('utf8'))) {
      if (doc.errors.length) {
        fail(file, `is not valid YAML: ${doc.errors[0].message}`);
        continue;
      }
      const object = doc.toJS();
      if (object === null || object === undefined) continue;
      if (typeof object !== 'object' || Array.isArray(object)) {
        fail(file, 'holds a document that is not a Kubernetes object');
      } else {
        objects.push({ file, object });
      }
    }
  }
  if (objects.length === 0 && failures.length === 0) {
    failures.push({
      check: 'files',
      file: '',
      object: '',
      field: '',
      message: 'no Kubernetes object found',
    });
  }
  return { objects, failures };
}
