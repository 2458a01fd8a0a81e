import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { createCrdValidator, type CrdValidator } from '../../crd';

let validator: CrdValidator | undefined;

/** A validator over every CRD shipped in `crds/` (parsed once per test file). */
export function crdValidator(): CrdValidator {
  if (!validator) {
    const root = path.resolve(__dirname, '../../../crds');
    const files = fs
      .readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter(f => f.endsWith('.yaml'))
      .sort();
    validator = createCrdValidator(
      files.flatMap(f =>
        parseAllDocuments(fs.readFileSync(path.join(root, f), 'utf8'))
          .map(d => d.toJSON())
          .filter(Boolean),
      ),
    );
  }
  return validator;
}
