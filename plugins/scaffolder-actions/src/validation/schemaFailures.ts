import {
  splitApiVersion,
  type CrdValidator,
} from '@internal/plugin-multicloud-common';
import type { LocatedObject } from './manifestDirectory';
import { objectLabel, type ValidationFailure } from './ValidationFailure';

/**
 * Every object against the CRD schema of the version its `apiVersion` declares, as the API
 * server would check it, plus strict field validation: a field the schema does not declare
 * (a typo, a field of another version) would be dropped silently, so it fails here. Core
 * kinds are not schema-checked, except that Secrets never belong in the GitOps repository.
 */
export function schemaFailures(
  objects: LocatedObject[],
  validator: CrdValidator,
): ValidationFailure[] {
  const failures: ValidationFailure[] = [];
  for (const { file, object } of objects) {
    const label = objectLabel(object);
    const add = (field: string, message: string) =>
      failures.push({ check: 'schema', file, object: label, field, message });
    if (
      typeof object.apiVersion === 'string' &&
      splitApiVersion(object.apiVersion).group === ''
    ) {
      if (object.kind === 'Secret') {
        add(
          '',
          'Secrets must not be committed to the GitOps repository; reference them instead (identityRef, credentialsRef)',
        );
      }
      continue;
    }
    const result = validator.validate(object);
    for (const cause of result.causes) add(cause.field, cause.message);
    for (const field of result.unknownFields) {
      add(
        field,
        'unknown field: the schema does not declare it, so the API server would drop it',
      );
    }
  }
  return failures;
}
