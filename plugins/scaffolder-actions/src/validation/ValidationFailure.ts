/** One reason a cluster directory cannot be proposed, with where it is. */
export interface ValidationFailure {
  check: 'files' | 'schema' | 'names' | 'fleet' | 'compliance' | 'budget';
  /** File relative to the cluster directory; empty when the failure concerns the whole set. */
  file: string;
  /** `Kind namespace/name`. */
  object: string;
  /** Kubernetes field path, e.g. `spec.region`. */
  field: string;
  message: string;
}

export function describeFailure(f: ValidationFailure): string {
  const where = [f.file, f.object, f.field].filter(Boolean).join(' ');
  return `${where ? `${where}: ` : ''}${f.message} [${f.check}]`;
}

export function objectLabel(obj: {
  kind?: string;
  metadata?: { namespace?: string; name?: string };
}): string {
  return `${obj.kind ?? 'object'} ${obj.metadata?.namespace ?? 'default'}/${
    obj.metadata?.name ?? '(unnamed)'
  }`;
}
