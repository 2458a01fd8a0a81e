import { apiVersionOf, type ResourceType } from '../api/registry';
import { isEverything, matchesSelector, type Selector } from '../api/selectors';
import { errors } from '../api/status';
import { lowerBound, type ObjectStore } from '../api/store';

interface ContinueToken {
  v: 'meta.k8s.io/v1';
  rv: number;
  start: string;
}

function encodeContinue(rv: number, start: string): string {
  const token: ContinueToken = { v: 'meta.k8s.io/v1', rv, start };
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decodeContinue(value: string): ContinueToken {
  try {
    const token = JSON.parse(
      Buffer.from(value, 'base64url').toString('utf8'),
    ) as ContinueToken;
    if (
      token.v === 'meta.k8s.io/v1' &&
      typeof token.rv === 'number' &&
      typeof token.start === 'string'
    ) {
      return token;
    }
  } catch {
    // fall through
  }
  throw errors.badRequest(
    'continue key is not valid: incorrect encoded start resourceVersion',
  );
}

export interface ListQuery {
  type: ResourceType;
  namespace?: string;
  selector: Selector;
  limit?: number;
  continue?: string;
}

export interface ListPage {
  /** Everything before the items: `{"kind":…,"metadata":{…},"items":[`. */
  head: string;
  items: string[];
  tail: string;
}

/**
 * One page of a list, in key order like etcd. Continue tokens carry the last key; items
 * changed since the first page show their current state (no MVCC snapshots), and tokens
 * older than the event window get 410 Expired, as compacted tokens do for real.
 */
export function listPage(store: ObjectStore, query: ListQuery): ListPage {
  const { type, namespace, selector, limit } = query;
  const keys = store.keys(type.storageKey, namespace);
  let start = 0;
  let rv = store.resourceVersion;
  if (query.continue) {
    const token = decodeContinue(query.continue);
    if (token.rv < store.oldestResumableVersion) {
      throw errors.expired(
        'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
      );
    }
    rv = token.rv;
    start = lowerBound(keys, `${token.start}\u0000`);
  }
  const everything = isEverything(selector);
  const items: string[] = [];
  let next = keys.length;
  for (let i = start; i < keys.length; i++) {
    const stored = store.getByKey(type.storageKey, keys[i])!;
    if (everything || matchesSelector(selector, stored)) {
      items.push(stored.json);
      if (limit && items.length >= limit) {
        next = i + 1;
        break;
      }
    }
  }
  const metadata: Record<string, unknown> = { resourceVersion: String(rv) };
  if (next < keys.length) {
    metadata.continue = encodeContinue(rv, keys[next - 1]);
    if (everything) metadata.remainingItemCount = keys.length - next;
  }
  const head = `{"kind":"${type.listKind}","apiVersion":"${apiVersionOf(
    type.group,
    type.version,
  )}","metadata":${JSON.stringify(metadata)},"items":[`;
  return { head, items, tail: ']}' };
}
