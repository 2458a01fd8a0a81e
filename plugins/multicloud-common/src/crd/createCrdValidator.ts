import Ajv, { type ValidateFunction } from 'ajv';
import { toCauses } from './causes';
import {
  prune,
  toJsonSchema,
  type StructuralSchema,
  type PruneReport,
} from './structural';
import type {
  CrdValidator,
  ServedResource,
  ValidationCause,
  ValidationResult,
} from './types';

interface CrdVersion {
  name: string;
  served?: boolean;
  storage?: boolean;
  schema?: { openAPIV3Schema?: StructuralSchema };
  subresources?: { status?: unknown };
}

interface Crd {
  kind: string;
  spec: {
    group: string;
    scope: 'Namespaced' | 'Cluster';
    names: {
      kind: string;
      listKind?: string;
      plural: string;
      singular?: string;
      shortNames?: string[];
      categories?: string[];
    };
    versions: CrdVersion[];
  };
}

function assertCrd(doc: unknown, index: number): asserts doc is Crd {
  const crd = doc as Partial<Crd> | undefined;
  if (
    crd?.kind !== 'CustomResourceDefinition' ||
    !crd.spec?.group ||
    !crd.spec.names?.kind ||
    !crd.spec.names.plural ||
    !Array.isArray(crd.spec.versions)
  ) {
    throw new TypeError(
      `Document ${index} is not a CustomResourceDefinition with spec.group, spec.names and spec.versions`,
    );
  }
}

const INT32 = { min: -2147483648, max: 2147483647 };

function createAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    // The API server keeps checking after the first error and reports every cause.
    verbose: true,
    // Kubernetes applies schema defaults on write; so does ajv while validating the copy.
    useDefaults: true,
    // Extensions and keywords JSON schema does not know are translated or dropped beforehand.
    strict: false,
  });
  ajv.addFormat('int32', {
    type: 'number',
    validate: n => Number.isInteger(n) && n >= INT32.min && n <= INT32.max,
  });
  ajv.addFormat('int64', {
    type: 'number',
    validate: n => Number.isInteger(n),
  });
  ajv.addFormat(
    'byte',
    /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/,
  );
  ajv.addFormat(
    'date-time',
    /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/,
  );
  // Go's url.Parse accepts nearly any string; so does the API server's `uri` format.
  ajv.addFormat('uri', () => true);
  return ajv;
}

/**
 * Builds a validator for custom resources from parsed CRD documents (the caller loads them:
 * this module does no I/O). Schemas are compiled lazily, once per group/version/kind, because
 * the CAPI CRDs are megabytes of schema of which a caller usually needs a few.
 */
export function createCrdValidator(crds: unknown[]): CrdValidator {
  const served: ServedResource[] = [];
  const schemas = new Map<string, StructuralSchema>();
  const compiled = new Map<string, ValidateFunction>();
  let ajv: Ajv | undefined;

  crds.forEach((doc, index) => {
    assertCrd(doc, index);
    const { group, scope, names, versions } = doc.spec;
    for (const version of versions) {
      if (version.served === false) continue;
      served.push({
        group,
        version: version.name,
        kind: names.kind,
        listKind: names.listKind ?? `${names.kind}List`,
        plural: names.plural,
        singular: names.singular ?? names.kind.toLowerCase(),
        namespaced: scope !== 'Cluster',
        shortNames: names.shortNames ?? [],
        categories: names.categories ?? [],
        hasStatusSubresource: Boolean(version.subresources?.status),
        storage: version.storage === true,
      });
      const schema = version.schema?.openAPIV3Schema;
      if (schema) schemas.set(key(group, version.name, names.kind), schema);
    }
  });

  const byKey = new Map(served.map(r => [key(r.group, r.version, r.kind), r]));

  function validatorFor(k: string): ValidateFunction | undefined {
    let fn = compiled.get(k);
    if (!fn) {
      const schema = schemas.get(k);
      if (!schema) return undefined;
      ajv ??= createAjv();
      fn = ajv.compile(toJsonSchema(schema));
      compiled.set(k, fn);
    }
    return fn;
  }

  return {
    resources: () => served.slice(),
    resource: (group, version, kind) => byKey.get(key(group, version, kind)),
    validate(obj: unknown): ValidationResult {
      // A JSON round trip: objects are JSON anyway, and it is faster than structuredClone.
      const copy = JSON.parse(JSON.stringify(obj ?? null)) as Record<
        string,
        unknown
      >;
      const typeCauses = checkTypeMeta(copy, byKey);
      if (typeCauses.length > 0) {
        return {
          valid: false,
          causes: typeCauses,
          unknownFields: [],
          object: copy,
        };
      }
      const { group, version } = splitApiVersion(copy.apiVersion as string);
      const k = key(group, version, copy.kind as string);
      const schema = schemas.get(k);
      const validate = validatorFor(k);
      if (!schema || !validate) {
        return { valid: true, causes: [], unknownFields: [], object: copy };
      }
      const report: PruneReport = { unknownFields: [], duplicates: [] };
      prune(copy, schema, '', report);
      const causes: ValidationCause[] = validate(copy)
        ? []
        : toCauses(validate.errors ?? []);
      for (const d of report.duplicates) {
        causes.push({
          reason: 'FieldValueDuplicate',
          field: d.field,
          message: `Duplicate value: ${d.value}`,
        });
      }
      return {
        valid: causes.length === 0,
        causes,
        unknownFields: report.unknownFields,
        object: copy,
      };
    },
  };
}

function key(group: string, version: string, kind: string): string {
  return `${group}/${version}/${kind}`;
}

/** `group/version` → parts; the core group has no slash (`v1`). */
export function splitApiVersion(apiVersion: string): {
  group: string;
  version: string;
} {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : {
        group: apiVersion.slice(0, slash),
        version: apiVersion.slice(slash + 1),
      };
}

function checkTypeMeta(
  obj: Record<string, unknown>,
  served: Map<string, ServedResource>,
): ValidationCause[] {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    return [
      {
        reason: 'FieldValueTypeInvalid',
        field: '',
        message: 'object expected',
      },
    ];
  }
  const causes: ValidationCause[] = [];
  if (typeof obj.apiVersion !== 'string' || !obj.apiVersion) {
    causes.push({
      reason: 'FieldValueRequired',
      field: 'apiVersion',
      message: 'Required value',
    });
  }
  if (typeof obj.kind !== 'string' || !obj.kind) {
    causes.push({
      reason: 'FieldValueRequired',
      field: 'kind',
      message: 'Required value',
    });
  }
  if (causes.length > 0) return causes;
  const { group, version } = splitApiVersion(obj.apiVersion as string);
  if (!served.has(key(group, version, obj.kind as string))) {
    causes.push({
      reason: 'FieldValueNotSupported',
      field: 'kind',
      message: `Unsupported value: "${obj.kind}": no served CustomResourceDefinition for ${obj.kind} in ${obj.apiVersion}`,
    });
  }
  return causes;
}
