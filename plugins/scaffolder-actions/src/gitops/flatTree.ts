import git from 'isomorphic-git';
import fs from 'node:fs';

/** A file of a Git tree: its blob (or submodule/symlink) id and mode. */
export interface TreeFile {
  oid: string;
  mode: string;
}

/** Every file of a tree, by repository path. */
export async function readFlatTree(
  gitdir: string,
  treeOid: string | undefined,
): Promise<Map<string, TreeFile>> {
  const files = new Map<string, TreeFile>();
  if (!treeOid) return files;
  const walk = async (oid: string, prefix: string): Promise<void> => {
    const { tree } = await git.readTree({ fs, gitdir, oid });
    for (const entry of tree) {
      const path = `${prefix}${entry.path}`;
      if (entry.type === 'tree') await walk(entry.oid, `${path}/`);
      else files.set(path, { oid: entry.oid, mode: entry.mode });
    }
  };
  await walk(treeOid, '');
  return files;
}

interface Dir {
  files: Map<string, TreeFile>;
  dirs: Map<string, Dir>;
}

/** Git orders tree entries by name, comparing a directory as `name/`. */
function gitOrder(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/** Writes the trees of a flat file map bottom-up; returns the root tree id. */
export async function writeFlatTree(
  gitdir: string,
  files: Map<string, TreeFile>,
): Promise<string> {
  const root: Dir = { files: new Map(), dirs: new Map() };
  for (const [path, file] of files) {
    const parts = path.split('/');
    let dir = root;
    for (const part of parts.slice(0, -1)) {
      if (!dir.dirs.has(part))
        dir.dirs.set(part, { files: new Map(), dirs: new Map() });
      dir = dir.dirs.get(part)!;
    }
    dir.files.set(parts[parts.length - 1], file);
  }
  const write = async (dir: Dir): Promise<string> => {
    const entries = [
      ...[...dir.files].map(([path, f]) => ({
        sortKey: path,
        path,
        mode: f.mode,
        oid: f.oid,
        type: f.mode === '160000' ? 'commit' : 'blob',
      })),
      ...(await Promise.all(
        [...dir.dirs].map(async ([path, sub]) => ({
          sortKey: `${path}/`,
          path,
          mode: '040000',
          oid: await write(sub),
          type: 'tree',
        })),
      )),
    ].sort((a, b) => gitOrder(a.sortKey, b.sortKey));
    return git.writeTree({
      fs,
      gitdir,
      tree: entries.map(({ path, mode, oid, type }) => ({
        path,
        mode,
        oid,
        type: type as 'blob' | 'tree' | 'commit',
      })),
    });
  };
  return write(root);
}
