import {
  Document,
  isMap,
  isScalar,
  isSeq,
  parseAllDocuments,
  stringify,
  type Scalar,
  type YAMLMap,
} from 'yaml';

type Key = string | number;

/** A scalar as YAML source, in the quoting style of the value it replaces. */
function scalarSource(value: string | number, style?: Scalar['type']): string {
  if (typeof value === 'string' && style === 'QUOTE_DOUBLE')
    return JSON.stringify(value);
  if (typeof value === 'string' && style === 'QUOTE_SINGLE')
    return `'${value.replace(/'/g, "''")}'`;
  return stringify(value).trimEnd();
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/**
 * Minimal edits of a (multi-document) YAML file, located through the node ranges of the
 * `yaml` Document API. Changed scalars are replaced in place; missing keys and list items are
 * inserted as new lines of their block map or list, so comments, quoting, key order and every
 * untouched line stay byte-for-byte as they were and the diff shows only the change. A change
 * the source layout does not allow that way (a flow collection, a key under a null)
 * re-serialises the file through the Document API, which still keeps its comments.
 */
export class YamlPatch {
  constructor(public text: string, private readonly file: string) {}

  documents(): Document.Parsed[] {
    const docs = parseAllDocuments(this.text);
    if (!Array.isArray(docs)) return [];
    for (const doc of docs) {
      if (doc.errors.length) {
        throw new Error(`${this.file}: ${doc.errors[0].message}`);
      }
    }
    return docs;
  }

  /** The plain objects of the file, one per document (null documents skipped by callers). */
  objects(): any[] {
    return this.documents().map(doc => doc.toJS());
  }

  /** Sets a scalar; returns whether the text changed. */
  set(docIndex: number, path: Key[], value: string | number): boolean {
    const docs = this.documents();
    const doc = docs[docIndex];
    const node = doc.getIn(path, true);
    if (isScalar(node)) {
      if (node.value === value) return false;
      const [start, end] = node.range!;
      this.splice(start, end, scalarSource(value, node.type));
      return true;
    }
    if (node !== undefined) {
      throw new Error(`${this.file}: ${path.join('.')} is not a scalar`);
    }
    for (let depth = path.length - 1; depth >= 0; depth--) {
      const parent =
        depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
      if (parent === undefined) continue;
      if (isMap(parent) && !parent.flow && parent.items.length > 0) {
        this.insert(parent, path.slice(depth), value);
        return true;
      }
      break;
    }
    doc.setIn(path, value);
    this.text = docs.map(d => d.toString({ lineWidth: 0 })).join('');
    return true;
  }

  /**
   * Appends scalars to a sequence, creating it when missing; returns whether the text changed.
   * Items go on new lines in the sequence's own indentation.
   */
  append(docIndex: number, path: Key[], values: string[]): boolean {
    if (values.length === 0) return false;
    const docs = this.documents();
    const doc = docs[docIndex];
    const node = doc.getIn(path, true);
    if (isSeq(node) && !node.flow && node.items.length > 0) {
      const first = node.items[0] as Scalar;
      const dash = this.text.lastIndexOf('-', first.range![0]);
      const pad = ' '.repeat(columnOf(this.text, dash));
      this.insertLines(
        node.range![1],
        values.map(v => `${pad}- ${scalarSource(v)}`),
      );
      return true;
    }
    if (node === undefined) {
      const parent =
        path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
      if (isMap(parent) && !parent.flow && parent.items.length > 0) {
        this.insert(parent, path.slice(-1), values);
        return true;
      }
    } else if (!isSeq(node)) {
      throw new Error(`${this.file}: ${path.join('.')} is not a list`);
    }
    const existing = isSeq(node) ? (node.toJSON() as unknown[]) : [];
    doc.setIn(path, doc.createNode([...existing, ...values]));
    this.text = docs.map(d => d.toString({ lineWidth: 0 })).join('');
    return true;
  }

  /** New lines under `parent` for `keys` (nested maps), ending in a scalar or a list. */
  private insert(
    parent: YAMLMap,
    keys: Key[],
    value: string | number | string[],
  ): void {
    const firstKey = parent.items[0].key as Scalar;
    const indent = columnOf(this.text, firstKey.range![0]);
    const lines = keys.flatMap((key, i) => {
      const pad = ' '.repeat(indent + 2 * i);
      const head = `${pad}${scalarSource(key)}:`;
      if (i < keys.length - 1) return [head];
      return Array.isArray(value)
        ? [head, ...value.map(v => `${pad}  - ${scalarSource(v)}`)]
        : [`${head} ${scalarSource(value)}`];
    });
    this.insertLines(parent.range![1], lines);
  }

  private insertLines(at: number, lines: string[]): void {
    const needsNewline = at > 0 && this.text[at - 1] !== '\n';
    this.splice(at, at, `${needsNewline ? '\n' : ''}${lines.join('\n')}\n`);
  }

  private splice(start: number, end: number, replacement: string): void {
    this.text = this.text.slice(0, start) + replacement + this.text.slice(end);
  }
}
