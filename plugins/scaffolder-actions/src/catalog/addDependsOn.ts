import { InputError } from '@backstage/errors';
import { YamlPatch } from '@internal/plugin-multicloud-common';
import { stringify } from 'yaml';
import {
  parseEntityRef,
  sameEntity,
  stringifyEntityRef,
  type EntityName,
} from './entityRefs';

export interface DependsOnResult {
  content: string;
  added: string[];
  dependsOn: string[];
}

/** Annotations the catalog derives from where an entity was read, not part of its file. */
const LOCATION_ANNOTATIONS =
  /^backstage\.io\/(managed-by-|view-url$|edit-url$|source-location$)/;

/**
 * A catalog-info.yaml for an entity that has none yet in the GitOps repository: the entity as
 * its author wrote it, without what the catalog adds (uid, etag, relations, status, location
 * annotations).
 */
export function catalogInfoFrom(entity: any): string {
  const {
    uid: _uid,
    etag: _etag,
    generation: _generation,
    annotations = {},
    ...metadata
  } = entity?.metadata ?? {};
  const kept = Object.fromEntries(
    Object.entries(annotations).filter(([k]) => !LOCATION_ANNOTATIONS.test(k)),
  );
  return stringify(
    {
      apiVersion: entity.apiVersion,
      kind: entity.kind,
      metadata: {
        ...metadata,
        ...(Object.keys(kept).length ? { annotations: kept } : {}),
      },
      spec: entity.spec ?? {},
    },
    { lineWidth: 0, aliasDuplicateObjects: false },
  );
}

function entityOf(doc: any): EntityName | undefined {
  if (!doc?.kind || !doc?.metadata?.name) return undefined;
  return {
    kind: String(doc.kind).toLowerCase(),
    namespace: String(doc.metadata.namespace ?? 'default').toLowerCase(),
    name: String(doc.metadata.name),
  };
}

/**
 * Adds `spec.dependsOn` entries to one entity of a (multi-document) catalog-info.yaml as a
 * minimal patch: existing entries, comments and formatting stay; duplicates are skipped.
 */
export function addDependsOn(
  content: string,
  file: string,
  entityRef: string,
  dependencies: string[],
): DependsOnResult {
  const target = parseEntityRef(entityRef, 'component', 'entityRef');
  const patch = new YamlPatch(content, file);
  const docs = patch.objects();
  const index = docs.findIndex(doc => {
    const name = entityOf(doc);
    return name !== undefined && sameEntity(name, target);
  });
  if (index < 0) {
    throw new InputError(`${file} has no entity ${stringifyEntityRef(target)}`);
  }
  const current: string[] = Array.isArray(docs[index].spec?.dependsOn)
    ? docs[index].spec.dependsOn.map(String)
    : [];
  const known = current.map(ref =>
    parseEntityRef(ref, 'component', 'spec.dependsOn'),
  );
  const added: string[] = [];
  for (const ref of dependencies) {
    const parsed = parseEntityRef(ref, 'resource', 'clusters');
    if (known.some(k => sameEntity(k, parsed))) continue;
    known.push(parsed);
    added.push(stringifyEntityRef(parsed));
  }
  patch.append(index, ['spec', 'dependsOn'], added);
  return { content: patch.text, added, dependsOn: [...current, ...added] };
}
