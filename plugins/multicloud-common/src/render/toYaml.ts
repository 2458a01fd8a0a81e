import { stringify } from 'yaml';

const GENERATED_BY =
  'Rendered by the multicloud portal (multicloud:cluster:render).';

/**
 * Objects as one multi-document YAML file. No timestamps or other run-specific content, so
 * rendering the same spec twice gives the same bytes (and no Git change).
 */
export function manifestsToYaml(objects: object[], header: string): string {
  const documents = objects.map(obj =>
    // lineWidth 0: never fold long strings, so diffs stay line-per-field. No anchors or
    // aliases for repeated values: every object reads on its own.
    stringify(obj, { lineWidth: 0, aliasDuplicateObjects: false }),
  );
  return `# ${GENERATED_BY}\n# ${header}\n${documents.join('---\n')}`;
}
