import { YamlPatch } from './yamlPatch';

export interface ManifestFileInput {
  /** Path as the caller knows it (repository- or workspace-relative); only reported back. */
  path: string;
  content: string;
}

export interface ManifestChange {
  file: string;
  /** `Kind namespace/name`. */
  object: string;
  /** Dotted field path, e.g. `spec.version`. */
  field: string;
  from: string | number | null;
  to: string | number;
}

export interface ManifestEditResult {
  files: Array<ManifestFileInput & { changed: boolean }>;
  changes: ManifestChange[];
  /** What the reviewer should know (e.g. the workers follow in a second change). */
  notes: string[];
}

/** The edit cannot be made as asked; `problems` say why. */
export class ManifestEditError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'ManifestEditError';
  }
}

/** One Kubernetes object of a file, addressable for patches. */
export interface ManifestEntry {
  file: string;
  index: number;
  object: any;
  label: string;
}

type Key = string | number;

/** The manifests of a cluster directory, edited in place with minimal text patches. */
export class ManifestSet {
  private readonly patches: Array<{
    input: ManifestFileInput;
    patch: YamlPatch;
  }>;
  private readonly changes: ManifestChange[] = [];
  readonly notes: string[] = [];

  constructor(files: readonly ManifestFileInput[]) {
    this.patches = files.map(input => ({
      input,
      patch: new YamlPatch(input.content, input.path),
    }));
  }

  entries(): ManifestEntry[] {
    return this.patches.flatMap(({ input, patch }) =>
      patch.objects().flatMap((object, index) =>
        object && typeof object === 'object' && object.kind
          ? [
              {
                file: input.path,
                index,
                object,
                label: `${object.kind} ${
                  object.metadata?.namespace ?? 'default'
                }/${object.metadata?.name}`,
              },
            ]
          : [],
      ),
    );
  }

  /** Sets a scalar of an entry and records the change (nothing when it already has the value). */
  set(entry: ManifestEntry, path: Key[], value: string | number): void {
    const from = path.reduce<any>((o, k) => o?.[k], entry.object) ?? null;
    const { patch } = this.patches.find(p => p.input.path === entry.file)!;
    if (patch.set(entry.index, path, value)) {
      this.changes.push({
        file: entry.file,
        object: entry.label,
        field: path.join('.'),
        from,
        to: value,
      });
    }
  }

  result(): ManifestEditResult {
    return {
      files: this.patches.map(({ input, patch }) => ({
        path: input.path,
        content: patch.text,
        changed: patch.text !== input.content,
      })),
      changes: this.changes,
      notes: this.notes,
    };
  }
}
