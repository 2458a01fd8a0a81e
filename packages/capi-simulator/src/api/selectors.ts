import { errors } from './status';

/** One requirement of a label selector (`k8s.io/apimachinery/pkg/labels`). */
export type LabelRequirement =
  | { key: string; op: 'exists' | 'notexists' }
  | { key: string; op: 'eq' | 'neq'; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] };

export type Labels = Record<string, string> | undefined;

/** Splits on commas that are not inside `( … )` value sets. */
function splitTopLevel(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(selector.slice(start));
  return parts.map(p => p.trim()).filter(Boolean);
}

const SET_RE = /^([^\s!=(),]+)\s+(in|notin)\s+\(([^)]*)\)$/;
const EQ_RE = /^([^\s!=(),]+)\s*(==|=|!=)\s*([^\s!=(),]*)$/;
const KEY_RE = /^(!?)\s*([^\s!=(),]+)$/;

/** Parses `labelSelector` syntax: `=`, `==`, `!=`, `in`, `notin`, `key`, `!key`. */
export function parseLabelSelector(
  selector: string | undefined,
): LabelRequirement[] {
  if (!selector) return [];
  return splitTopLevel(selector).map(part => {
    let m = SET_RE.exec(part);
    if (m) {
      const values = m[3]
        .split(',')
        .map(v => v.trim())
        .filter(Boolean);
      return { key: m[1], op: m[2] as 'in' | 'notin', values };
    }
    m = EQ_RE.exec(part);
    if (m) {
      return { key: m[1], op: m[2] === '!=' ? 'neq' : 'eq', value: m[3] };
    }
    m = KEY_RE.exec(part);
    if (m) return { key: m[2], op: m[1] ? 'notexists' : 'exists' };
    throw errors.badRequest(
      `unable to parse requirement: invalid label selector: "${part}"`,
    );
  });
}

export function matchesLabels(
  labels: Labels,
  requirements: LabelRequirement[],
): boolean {
  for (const r of requirements) {
    const value = labels?.[r.key];
    switch (r.op) {
      case 'exists':
        if (value === undefined) return false;
        break;
      case 'notexists':
        if (value !== undefined) return false;
        break;
      case 'eq':
        if (value !== r.value) return false;
        break;
      case 'neq':
        if (value === r.value) return false;
        break;
      case 'in':
        if (value === undefined || !r.values.includes(value)) return false;
        break;
      case 'notin':
        if (value !== undefined && r.values.includes(value)) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** Field selectors: custom resources support `metadata.name` and `metadata.namespace` only. */
export interface FieldRequirement {
  field: 'metadata.name' | 'metadata.namespace';
  op: 'eq' | 'neq';
  value: string;
}

const FIELD_RE = /^([\w.]+)\s*(==|=|!=)\s*(.*)$/;

export function parseFieldSelector(
  selector: string | undefined,
): FieldRequirement[] {
  if (!selector) return [];
  return selector
    .split(',')
    .map(p => p.trim())
    .filter(Boolean)
    .map(part => {
      const m = FIELD_RE.exec(part);
      if (!m)
        throw errors.badRequest(
          `invalid selector: '${part}'; can't understand '${part}'`,
        );
      if (m[1] !== 'metadata.name' && m[1] !== 'metadata.namespace') {
        throw errors.badRequest(`field label not supported: ${m[1]}`);
      }
      return { field: m[1], op: m[2] === '!=' ? 'neq' : 'eq', value: m[3] };
    });
}

export function matchesFields(
  namespace: string,
  name: string,
  requirements: FieldRequirement[],
): boolean {
  return requirements.every(r => {
    const actual = r.field === 'metadata.name' ? name : namespace;
    return r.op === 'eq' ? actual === r.value : actual !== r.value;
  });
}

/** Parsed `labelSelector` + `fieldSelector` of a list or watch. */
export interface Selector {
  labels: LabelRequirement[];
  fields: FieldRequirement[];
}

export function parseSelector(query: URLSearchParams): Selector {
  return {
    labels: parseLabelSelector(query.get('labelSelector') ?? undefined),
    fields: parseFieldSelector(query.get('fieldSelector') ?? undefined),
  };
}

export function isEverything(selector: Selector): boolean {
  return selector.labels.length === 0 && selector.fields.length === 0;
}

export function matchesSelector(
  selector: Selector,
  obj: { namespace: string; name: string; labels: Labels },
): boolean {
  return (
    matchesLabels(obj.labels, selector.labels) &&
    matchesFields(obj.namespace, obj.name, selector.fields)
  );
}
