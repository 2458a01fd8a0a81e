import { parseEntityRef } from '@backstage/catalog-model';
import {
  CLOUD_TITLES,
  COMPLIANCE_NO_GROUP,
  UNSET_VALUE,
  type Cloud,
} from '@internal/plugin-multicloud-common';
import type { Grouping } from './grouping';

/** `component:default/payments-api` → `payments-api` (the namespace only when not default). */
export function serviceName(ref: string): string {
  try {
    const { namespace, name } = parseEntityRef(ref);
    return namespace === 'default' ? name : `${namespace}/${name}`;
  } catch {
    return ref;
  }
}

/** A group's name in words: cloud titles, service names, and what a missing label means. */
export function groupLabel(by: Grouping, key: string): string {
  switch (by) {
    case 'cloud':
      return CLOUD_TITLES[key as Cloud] ?? key;
    case 'service':
      return serviceName(key);
    default:
      return key === UNSET_VALUE || key === COMPLIANCE_NO_GROUP
        ? `(no ${by} label)`
        : key;
  }
}
