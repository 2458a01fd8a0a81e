import { InputError } from '@backstage/errors';
import { hasControlCharacters } from '../controlCharacters';

/**
 * A branch name Git accepts (`git check-ref-format --branch`) and that is safe everywhere it
 * goes (a ref path, a file name of the proposal, a command line): letters, digits and `._-/`,
 * every component starting with a letter, digit or `_` (never `-` or `.`), no `.lock`, no `..`.
 */
export function assertBranchName(branch: string, field = 'branch'): void {
  const components = branch.split('/');
  const valid =
    branch.length > 0 &&
    branch.length <= 200 &&
    /^[A-Za-z0-9._/-]+$/.test(branch) &&
    !branch.includes('..') &&
    components.every(
      c => /^[A-Za-z0-9_]/.test(c) && !c.endsWith('.lock') && !c.endsWith('.'),
    );
  if (!valid) {
    throw new InputError(
      `${field}: '${branch}' is not a valid branch name (letters, digits, '.', '_', '-' and '/'; each part starts with a letter, digit or '_'; no '..')`,
    );
  }
}

/**
 * A path inside the repository: relative, `/`-separated, without empty, `.` or `..` parts, so
 * no file can be written outside the directory the change is about.
 */
export function assertRepositoryPath(value: string, field: string): string {
  const parts = value.replace(/^\.\//, '').replace(/\/+$/, '').split('/');
  if (
    value.startsWith('/') ||
    value.includes('\\') ||
    hasControlCharacters(value) ||
    parts.some(p => p === '' || p === '.' || p === '..' || p === '.git')
  ) {
    throw new InputError(
      `${field}: '${value}' must be a relative path inside the repository (no '..', no leading '/', no control characters)`,
    );
  }
  return parts.join('/');
}
