/** One served version of a CustomResourceDefinition, as discovery and the validator see it. */
export interface ServedResource {
  group: string;
  version: string;
  kind: string;
  listKind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  hasStatusSubresource: boolean;
  /** True for the version the API server stores (`spec.versions[].storage`). */
  storage: boolean;
}

/** Reasons of `metav1.StatusCause` the validator produces (Kubernetes `field.ErrorType` values). */
export type ValidationReason =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueTypeInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueDuplicate'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany';

/** A `metav1.StatusCause` as the API server puts it in `details.causes` of a 422 Invalid. */
export interface ValidationCause {
  reason: ValidationReason;
  /** Kubernetes field path, e.g. `spec.topology.version` or `spec.template.spec.taints[0].key`. */
  field: string;
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  causes: ValidationCause[];
  /**
   * Fields the schema does not declare. The API server prunes them silently (or warns, or
   * rejects them with `fieldValidation=Strict`); they never make an object invalid here.
   */
  unknownFields: string[];
  /**
   * The object as the API server would store it: unknown fields and non-nullable nulls
   * pruned, schema defaults applied. A copy; the input is never changed.
   */
  object: unknown;
}

export interface CrdValidator {
  /** Every served version of every CRD, in input order. */
  resources(): ServedResource[];
  /** The served resource for `group/version` + `kind`, if any. */
  resource(
    group: string,
    version: string,
    kind: string,
  ): ServedResource | undefined;
  /** Validates an object against the schema of the version its `apiVersion` declares. */
  validate(obj: unknown): ValidationResult;
}
