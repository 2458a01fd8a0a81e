import type { KubeObject } from '../model/kube';
import { describeObject, getPath } from './objects';

/**
 * Typed field access that never throws: a field of the wrong type reads as undefined and
 * leaves an error in words ("KubeadmControlPlane default/x-cp: spec.replicas should be a
 * number, got string"). One reader per cluster, so a malformed object marks its own
 * cluster and nothing else.
 */
export class FieldReader {
  private readonly seen = new Set<string>();
  readonly errors: string[] = [];

  report(obj: KubeObject, message: string): void {
    const line = `${describeObject(obj)}: ${message}`;
    if (!this.seen.has(line)) {
      this.seen.add(line);
      this.errors.push(line);
    }
  }

  str(obj: KubeObject, path: string): string | undefined {
    return this.typed(obj, path, 'string') as string | undefined;
  }

  num(obj: KubeObject, path: string): number | undefined {
    const value = this.typed(obj, path, 'number') as number | undefined;
    if (value !== undefined && !Number.isFinite(value)) {
      this.report(obj, `${path} is not a finite number`);
      return undefined;
    }
    return value;
  }

  bool(obj: KubeObject, path: string): boolean | undefined {
    return this.typed(obj, path, 'boolean') as boolean | undefined;
  }

  record(obj: KubeObject, path: string): Record<string, unknown> | undefined {
    const value = getPath(obj, path);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.report(obj, `${path} should be an object, got ${typeName(value)}`);
      return undefined;
    }
    return value as Record<string, unknown>;
  }

  list(obj: KubeObject, path: string): unknown[] | undefined {
    const value = getPath(obj, path);
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
      this.report(obj, `${path} should be a list, got ${typeName(value)}`);
      return undefined;
    }
    return value;
  }

  private typed(obj: KubeObject, path: string, type: string): unknown {
    const value = getPath(obj, path);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== type) {
      this.report(obj, `${path} should be a ${type}, got ${typeName(value)}`);
      return undefined;
    }
    return value;
  }
}

function typeName(value: unknown): string {
  return Array.isArray(value) ? 'list' : typeof value;
}
