import { InputError } from '@backstage/errors';
import fs from 'node:fs';
import path from 'node:path';
import { hasControlCharacters } from './controlCharacters';

/**
 * Resolves a template-supplied relative path inside the task workspace. Rejects absolute
 * paths, `..` escapes and paths that leave the workspace through a symlink, naming the
 * input field so the template author sees which value was refused.
 */
export function resolveWorkspacePath(
  workspacePath: string,
  field: string,
  value: string,
): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new InputError(`${field}: must be a non-empty relative path`);
  }
  if (path.isAbsolute(value) || /^[a-zA-Z]:[\\/]/.test(value)) {
    throw new InputError(
      `${field}: must be relative to the workspace, got an absolute path`,
    );
  }
  if (hasControlCharacters(value)) {
    throw new InputError(`${field}: must not contain control characters`);
  }
  // File systems refuse longer names (ENAMETOOLONG): say so about the field instead.
  if (value.split(/[\\/]/).some(part => Buffer.byteLength(part) > 255)) {
    throw new InputError(
      `${field}: each part of the path must be at most 255 bytes long`,
    );
  }
  const root = fs.realpathSync(workspacePath);
  const target = path.resolve(root, value);
  if (!isInside(root, target)) {
    throw new InputError(
      `${field}: must stay inside the workspace ('..' is not allowed)`,
    );
  }
  // The deepest existing ancestor decides: a symlink anywhere on the way may point outside.
  let existing = target;
  while (!fs.existsSync(existing)) {
    existing = path.dirname(existing);
  }
  if (!isInside(root, fs.realpathSync(existing))) {
    throw new InputError(
      `${field}: must stay inside the workspace (a symlink leads outside)`,
    );
  }
  return target;
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return (
    relative === '' ||
    (!relative.startsWith('..') && !path.isAbsolute(relative))
  );
}
