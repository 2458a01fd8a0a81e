import type { ErrorObject } from 'ajv';
import type { ValidationCause } from './types';

/**
 * Turns ajv errors into the `StatusCause`s the Kubernetes API server reports, with its field
 * paths (`spec.template.spec.taints[0].key`, `metadata.labels[app]`) and message wording.
 */
export function toCauses(errors: ErrorObject[]): ValidationCause[] {
  const anyOfPaths = errors
    .filter(e => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .map(e => `${e.schemaPath}/`);
  const branchErrors = new Map<string, ErrorObject[]>();
  const kept: ErrorObject[] = [];
  for (const error of errors) {
    const parent = anyOfPaths.find(p => error.schemaPath.startsWith(p));
    if (parent) {
      branchErrors.set(parent, [...(branchErrors.get(parent) ?? []), error]);
    } else {
      kept.push(error);
    }
  }
  const causes = kept.map(e =>
    toCause(e, branchErrors.get(`${e.schemaPath}/`) ?? []),
  );
  const seen = new Set<string>();
  return causes.filter(c => {
    const key = `${c.reason}|${c.field}|${c.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Kubernetes field path of an ajv error, read from its instance path and schema path. */
export function fieldPath(error: ErrorObject): string {
  const instance = error.instancePath
    .split('/')
    .slice(1)
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const schema = error.schemaPath.replace(/^#\//, '').split('/');
  let path = '';
  let next = 0;
  for (let i = 0; i < schema.length && next < instance.length; i++) {
    const keyword = schema[i];
    if (keyword === 'properties') {
      path += path ? `.${instance[next++]}` : instance[next++];
      i++;
    } else if (keyword === 'items') {
      path += `[${instance[next++]}]`;
    } else if (keyword === 'additionalProperties') {
      path += `[${instance[next++]}]`;
    } else if (
      keyword === 'anyOf' ||
      keyword === 'allOf' ||
      keyword === 'oneOf'
    ) {
      i++;
    }
  }
  for (; next < instance.length; next++) path += `.${instance[next]}`;
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string })
      .missingProperty;
    path = path ? `${path}.${missing}` : missing;
  }
  return path;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'number';
  }
  return typeof value;
}

/** Renders a value the way Go's `%v`/`%q` does in apimachinery messages. */
function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function toCause(error: ErrorObject, branches: ErrorObject[]): ValidationCause {
  const field = fieldPath(error);
  const params = error.params as Record<string, any>;
  const data = error.data;
  const invalid = (detail: string): ValidationCause => ({
    reason: 'FieldValueInvalid',
    field,
    message: `Invalid value: ${show(data)}: ${field} in body ${detail}`,
  });
  switch (error.keyword) {
    case 'required':
      return { reason: 'FieldValueRequired', field, message: 'Required value' };
    case 'type': {
      const actual = typeName(data);
      return {
        reason: 'FieldValueTypeInvalid',
        field,
        message: `Invalid value: "${actual}": ${field} in body must be of type ${params.type}: "${actual}"`,
      };
    }
    case 'anyOf':
    case 'oneOf': {
      const types = branches
        .filter(b => b.keyword === 'type')
        .map(b => (b.params as { type: string }).type);
      if (types.length > 0 && types.length === branches.length) {
        const actual = typeName(data);
        return {
          reason: 'FieldValueTypeInvalid',
          field,
          message: `Invalid value: "${actual}": ${field} in body must be of type ${types.join(
            ' or ',
          )}: "${actual}"`,
        };
      }
      return invalid(
        `must validate ${
          error.keyword === 'anyOf' ? 'at least' : 'exactly'
        } one schema (${error.keyword})`,
      );
    }
    case 'enum':
      return {
        reason: 'FieldValueNotSupported',
        field,
        message: `Unsupported value: ${show(data)}: supported values: ${(
          params.allowedValues as unknown[]
        )
          .map(v => JSON.stringify(v))
          .join(', ')}`,
      };
    case 'pattern':
      return invalid(`should match '${params.pattern}'`);
    case 'format':
      return invalid(`must be of type ${params.format}: ${show(data)}`);
    case 'maxLength':
      return {
        reason: 'FieldValueTooLong',
        field,
        message: `Too long: may not be more than ${params.limit} bytes`,
      };
    case 'maxItems':
      return {
        reason: 'FieldValueTooMany',
        field,
        message: `Too many: ${(data as unknown[]).length}: must have at most ${
          params.limit
        } items`,
      };
    case 'minLength':
      return invalid(`should be at least ${params.limit} chars long`);
    case 'minItems':
      return invalid(`should have at least ${params.limit} items`);
    case 'minProperties':
      return invalid(`should have at least ${params.limit} properties`);
    case 'maxProperties':
      return invalid(`should have at most ${params.limit} properties`);
    case 'minimum':
    case 'exclusiveMinimum':
      return invalid(
        `should be greater than ${
          params.comparison === '>=' ? 'or equal to ' : ''
        }${params.limit}`,
      );
    case 'maximum':
    case 'exclusiveMaximum':
      return invalid(
        `should be less than ${
          params.comparison === '<=' ? 'or equal to ' : ''
        }${params.limit}`,
      );
    default:
      return invalid(error.message ?? `failed ${error.keyword}`);
  }
}
