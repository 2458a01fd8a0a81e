import type { ValidationCause } from '@internal/plugin-multicloud-common';
import type { ObjectMeta } from './types';

const DNS1123_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

function invalid(
  field: string,
  value: string,
  detail: string,
): ValidationCause {
  return {
    reason: 'FieldValueInvalid',
    field,
    message: `Invalid value: ${JSON.stringify(value)}: ${detail}`,
  };
}

function checkName(name: string, isLabel: boolean): ValidationCause[] {
  const [re, max, what] = isLabel
    ? [DNS1123_LABEL, 63, 'a lowercase RFC 1123 label']
    : [DNS1123_SUBDOMAIN, 253, 'a lowercase RFC 1123 subdomain'];
  if (name.length > max || !re.test(name)) {
    return [
      invalid(
        'metadata.name',
        name,
        `${what} must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
      ),
    ];
  }
  return [];
}

function checkLabels(
  labels: Record<string, string> | undefined,
): ValidationCause[] {
  const causes: ValidationCause[] = [];
  for (const [key, value] of Object.entries(labels ?? {})) {
    const slash = key.lastIndexOf('/');
    const [prefix, name] =
      slash < 0 ? ['', key] : [key.slice(0, slash), key.slice(slash + 1)];
    if (
      name.length > 63 ||
      !LABEL_NAME.test(name) ||
      (prefix && (prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix)))
    ) {
      causes.push(
        invalid(
          'metadata.labels',
          key,
          "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        ),
      );
    }
    if (
      typeof value !== 'string' ||
      value.length > 63 ||
      (value !== '' && !LABEL_NAME.test(value))
    ) {
      causes.push(
        invalid(
          'metadata.labels',
          String(value),
          "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        ),
      );
    }
  }
  return causes;
}

/** The ObjectMeta checks every API server applies, whatever the kind. */
export function validateObjectMeta(
  metadata: ObjectMeta,
  options: { nameIsLabel: boolean },
): ValidationCause[] {
  if (!metadata.name) {
    return [
      {
        reason: 'FieldValueRequired',
        field: 'metadata.name',
        message: 'Required value: name or generateName is required',
      },
    ];
  }
  return [
    ...checkName(metadata.name, options.nameIsLabel),
    ...checkLabels(metadata.labels),
  ];
}
