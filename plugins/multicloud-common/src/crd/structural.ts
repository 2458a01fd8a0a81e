/**
 * Kubernetes structural schemas (OpenAPI v3 subset + `x-kubernetes-*` extensions) and the two
 * things the API server does with them besides validation: translating them for a JSON-schema
 * validator, and pruning objects before validation.
 */
export interface StructuralSchema {
  type?: string;
  format?: string;
  nullable?: boolean;
  properties?: Record<string, StructuralSchema>;
  additionalProperties?: StructuralSchema | boolean;
  items?: StructuralSchema;
  anyOf?: StructuralSchema[];
  allOf?: StructuralSchema[];
  oneOf?: StructuralSchema[];
  not?: StructuralSchema;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  'x-kubernetes-list-map-keys'?: string[];
  [keyword: string]: unknown;
}

/** Formats the validator checks; the API server ignores unknown formats too. */
export const KNOWN_FORMATS = ['int32', 'int64', 'byte', 'date-time', 'uri'];

const DROPPED_KEYWORDS = new Set([
  'description',
  'title',
  'example',
  'externalDocs',
]);

/**
 * Translates a structural schema into a JSON schema ajv understands. Kubernetes extensions
 * become plain JSON schema (int-or-string → anyOf) or are dropped: `x-kubernetes-validations`
 * are CEL rules, which are not evaluated (documented limitation).
 */
export function toJsonSchema(
  schema: StructuralSchema,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED_KEYWORDS.has(key) || key.startsWith('x-kubernetes-')) continue;
    switch (key) {
      case 'properties':
        out.properties = Object.fromEntries(
          Object.entries(value as Record<string, StructuralSchema>).map(
            ([name, sub]) => [name, toJsonSchema(sub)],
          ),
        );
        break;
      case 'items':
      case 'not':
        out[key] = toJsonSchema(value as StructuralSchema);
        break;
      case 'additionalProperties':
        out[key] =
          typeof value === 'boolean'
            ? value
            : toJsonSchema(value as StructuralSchema);
        break;
      case 'anyOf':
      case 'allOf':
      case 'oneOf':
        out[key] = (value as StructuralSchema[]).map(toJsonSchema);
        break;
      case 'format':
        if (KNOWN_FORMATS.includes(value as string)) out.format = value;
        break;
      case 'nullable':
        // ajv only accepts `nullable` next to `type`; an untyped schema admits null anyway.
        if (value === true && schema.type) out.nullable = true;
        break;
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        // OpenAPI v3.0 booleans modify minimum/maximum; JSON schema uses the bound itself.
        if (typeof value === 'number') out[key] = value;
        else if (value === true) {
          const bound = key === 'exclusiveMinimum' ? 'minimum' : 'maximum';
          out[key] = schema[bound];
        }
        break;
      default:
        out[key] = value;
    }
  }
  if (schema['x-kubernetes-int-or-string'] === true && !schema.anyOf) {
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (out.exclusiveMinimum !== undefined) delete out.minimum;
  if (out.exclusiveMaximum !== undefined) delete out.maximum;
  return out;
}

/** What pruning found: unknown fields removed, and duplicate entries of set/map lists. */
export interface PruneReport {
  unknownFields: string[];
  duplicates: Array<{ field: string; value: string }>;
}

const OBJECT_META_FIELDS = ['apiVersion', 'kind', 'metadata'];

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Structural pruning as the API server does it before validating a custom resource: fields
 * the schema does not declare are removed (unless `x-kubernetes-preserve-unknown-fields`),
 * nulls of non-nullable fields are dropped, and duplicates in `set`/`map` lists are reported.
 * Mutates `data` in place; `path` is the Kubernetes field path of `data`.
 */
export function prune(
  data: unknown,
  schema: StructuralSchema,
  path: string,
  report: PruneReport,
): void {
  if (Array.isArray(data)) {
    if (schema.items) {
      data.forEach((item, i) =>
        prune(item, schema.items!, `${path}[${i}]`, report),
      );
    }
    checkListUniqueness(data, schema, path, report);
    return;
  }
  if (!isPlainObject(data)) return;
  const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true;
  const keepMeta =
    schema['x-kubernetes-embedded-resource'] === true || path === '';
  const additional = isPlainObject(schema.additionalProperties)
    ? (schema.additionalProperties as StructuralSchema)
    : undefined;
  for (const key of Object.keys(data)) {
    const childPath = path ? `${path}.${key}` : key;
    const declared = schema.properties?.[key];
    if (keepMeta && OBJECT_META_FIELDS.includes(key)) {
      // ObjectMeta is validated by the server, not by the CRD schema.
      continue;
    } else if (declared) {
      if (data[key] === null && declared.nullable !== true) delete data[key];
      else prune(data[key], declared, childPath, report);
    } else if (additional) {
      prune(data[key], additional, `${path}[${key}]`, report);
    } else if (
      !preserve &&
      schema.additionalProperties !== true &&
      (schema.type === 'object' || schema.properties)
    ) {
      delete data[key];
      report.unknownFields.push(childPath);
    }
  }
}

function checkListUniqueness(
  list: unknown[],
  schema: StructuralSchema,
  path: string,
  report: PruneReport,
): void {
  const listType = schema['x-kubernetes-list-type'];
  if (listType !== 'set' && listType !== 'map') return;
  const keys = schema['x-kubernetes-list-map-keys'] ?? [];
  const seen = new Set<string>();
  list.forEach((item, i) => {
    const identity =
      listType === 'map' && isPlainObject(item)
        ? JSON.stringify(Object.fromEntries(keys.map(k => [k, item[k]])))
        : JSON.stringify(item);
    if (seen.has(identity)) {
      report.duplicates.push({ field: `${path}[${i}]`, value: identity });
    }
    seen.add(identity);
  });
}
