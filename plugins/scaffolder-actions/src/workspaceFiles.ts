import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveWorkspacePath } from './resolveWorkspacePath';

/** Workspace-relative path in POSIX form, as outputs and Git use it. */
export function toPosix(relative: string): string {
  return relative.split(path.sep).join('/');
}

/**
 * Writes a file inside the workspace. The path is checked like any template input, and an
 * existing symlink at the destination is refused: writing would follow it out of the workspace.
 */
export async function writeWorkspaceFile(
  workspacePath: string,
  field: string,
  relative: string,
  content: string | Buffer,
): Promise<void> {
  const target = resolveWorkspacePath(workspacePath, field, relative);
  const existing = await fs.lstat(target).catch(() => undefined);
  if (existing?.isSymbolicLink()) {
    throw new InputError(
      `${field}: ${relative} is a symlink; refusing to write through it`,
    );
  }
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, content);
}

/**
 * Every regular file under a workspace directory, keyed by its path relative to that
 * directory. Symlinks are refused rather than followed, so nothing outside the workspace can
 * be read (and published) through one.
 */
export async function readWorkspaceDirectory(
  workspacePath: string,
  field: string,
  relative: string,
): Promise<Map<string, Buffer>> {
  const root = resolveWorkspacePath(workspacePath, field, relative);
  const stat = await fs.lstat(root).catch(() => undefined);
  if (!stat?.isDirectory()) {
    throw new InputError(
      `${field}: ${relative} is not a directory of the workspace`,
    );
  }
  const files = new Map<string, Buffer>();
  const walk = async (dir: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      const rel = toPosix(path.relative(root, full));
      if (entry.isSymbolicLink()) {
        throw new InputError(
          `${field}: ${rel} is a symlink; only regular files are read`,
        );
      }
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) files.set(rel, await fs.readFile(full));
    }
  };
  await walk(root);
  return files;
}
