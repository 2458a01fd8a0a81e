import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import git from 'isomorphic-git';
import fs from 'node:fs';
import { readFlatTree, writeFlatTree, type TreeFile } from './flatTree';

export interface GitAuthor {
  name: string;
  email: string;
}

export interface PublishRequest {
  branch: string;
  /** Repository directory whose content `files` replaces (paths relative to it). */
  directory: string;
  files: Map<string, Buffer>;
  /** Files at repository paths outside `directory` (the proposal description). */
  extraFiles: Map<string, Buffer>;
  message: string;
  /** Who asked for the change. */
  author: GitAuthor;
  /** Who wrote the commit (the portal). */
  committer: GitAuthor;
  dryRun: boolean;
}

export interface FileChange {
  path: string;
  change: 'added' | 'modified' | 'deleted';
}

export interface PublishResult {
  branch: string;
  baseBranch: string;
  /**
   * The commit the branch points at after the publish; when nothing changed, its current head,
   * or the base branch's head when the branch does not exist (its content is already there).
   */
  commitSha: string;
  /** The branch exists (or, in a dry run, would exist) after the publish. */
  branchExists: boolean;
  /** A new commit was (or, in a dry run, would be) made. */
  changed: boolean;
  /** The repository did not exist and was (or would be) created. */
  repositoryCreated: boolean;
  changes: FileChange[];
}

const FILE_MODE = '100644';
const README = `# GitOps repository of the multicloud portal

Each cluster lives in \`clusters/<cloud>/<region>/<name>/\` (a kustomization of its CAPI
manifests). Changes arrive as branches (\`cluster/<name>\`, \`change/<name>/...\`,
\`service/<name>/...\`) with a description under \`proposals/\`; merging one into \`main\` is the
approval, and the GitOps controller applies \`main\` to the management cluster.
`;

/** Serialises publishes per repository inside this process (isomorphic-git has no ref locking). */
const locks = new Map<string, Promise<unknown>>();

function withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = locks.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(fn);
  locks.set(key, next);
  return next.finally(() => {
    if (locks.get(key) === next) locks.delete(key);
  });
}

/**
 * The embedded default's GitOps repository: a real bare Git repository on disk, written with
 * isomorphic-git (no git binary, no working tree). A change is a commit on its own branch,
 * made directly in the repository's object store, so nothing is cloned or pushed; anyone can
 * `git clone` the repository to review and merge the branches.
 */
export class LocalGitopsRepository {
  constructor(readonly gitdir: string, readonly baseBranch = 'main') {}

  exists(): boolean {
    return fs.existsSync(`${this.gitdir}/HEAD`);
  }

  /** Creates the bare repository with an initial commit on the base branch, once. */
  async ensure(author: GitAuthor): Promise<boolean> {
    if (this.exists()) return false;
    await fs.promises.mkdir(this.gitdir, { recursive: true });
    await git.init({
      fs,
      dir: this.gitdir,
      bare: true,
      defaultBranch: this.baseBranch,
    });
    const readme = await git.writeBlob({
      fs,
      gitdir: this.gitdir,
      blob: Buffer.from(README),
    });
    const tree = await writeFlatTree(
      this.gitdir,
      new Map([['README.md', { oid: readme, mode: FILE_MODE }]]),
    );
    const commit = await git.writeCommit({
      fs,
      gitdir: this.gitdir,
      commit: {
        message: 'Initial commit\n',
        tree,
        parent: [],
        author: signature(author),
        committer: signature(author),
      },
    });
    await git.writeRef({
      fs,
      gitdir: this.gitdir,
      ref: `refs/heads/${this.baseBranch}`,
      value: commit,
    });
    return true;
  }

  async head(branch: string): Promise<string | undefined> {
    if (!this.exists()) return undefined;
    try {
      return await git.resolveRef({
        fs,
        gitdir: this.gitdir,
        ref: `refs/heads/${branch}`,
      });
    } catch {
      return undefined;
    }
  }

  /** The files under `directory` at a branch, relative to it; undefined when the directory is absent. */
  async readDirectory(
    branch: string,
    directory: string,
  ): Promise<{ commit: string; files: Map<string, Buffer> } | undefined> {
    const commit = await this.head(branch);
    if (!commit)
      throw new NotFoundError(
        `branch ${branch} does not exist in the GitOps repository`,
      );
    const flat = await readFlatTree(
      this.gitdir,
      (
        await git.readCommit({ fs, gitdir: this.gitdir, oid: commit })
      ).commit.tree,
    );
    const files = new Map<string, Buffer>();
    for (const [path, file] of flat) {
      // Regular files only: symlinks and submodules are never materialised in a workspace.
      if (
        path.startsWith(`${directory}/`) &&
        (file.mode === FILE_MODE || file.mode === '100755')
      ) {
        const { blob } = await git.readBlob({
          fs,
          gitdir: this.gitdir,
          oid: file.oid,
        });
        files.set(path.slice(directory.length + 1), Buffer.from(blob));
      }
    }
    return files.size ? { commit, files } : undefined;
  }

  publish(request: PublishRequest): Promise<PublishResult> {
    return withLock(this.gitdir, () => this.publishLocked(request));
  }

  private async publishLocked(request: PublishRequest): Promise<PublishResult> {
    if (request.branch === this.baseBranch) {
      throw new InputError(
        `branch: a change is proposed on its own branch, never on ${this.baseBranch}`,
      );
    }
    const repositoryCreated = !this.exists();
    if (repositoryCreated && !request.dryRun)
      await this.ensure(request.committer);
    const head = await this.head(request.branch);
    const parent = head ?? (await this.head(this.baseBranch));
    const current = parent
      ? await readFlatTree(
          this.gitdir,
          (
            await git.readCommit({ fs, gitdir: this.gitdir, oid: parent })
          ).commit.tree,
        )
      : new Map<string, TreeFile>();

    const desired = new Map(
      [...current].filter(
        ([path]) => !path.startsWith(`${request.directory}/`),
      ),
    );
    const contents = new Map<string, Buffer>();
    for (const [rel, content] of request.files)
      contents.set(`${request.directory}/${rel}`, content);
    for (const [path, content] of request.extraFiles)
      contents.set(path, content);
    for (const [path, content] of contents) {
      // A dry run only hashes: nothing is written to the object store.
      const oid = request.dryRun
        ? (await git.hashBlob({ object: content })).oid
        : await git.writeBlob({ fs, gitdir: this.gitdir, blob: content });
      desired.set(path, {
        oid,
        mode: current.get(path)?.mode === '100755' ? '100755' : FILE_MODE,
      });
    }
    const changes = diff(current, desired);
    const result = {
      branch: request.branch,
      baseBranch: this.baseBranch,
      repositoryCreated,
      changes,
      changed: changes.length > 0,
      commitSha: head ?? parent ?? '',
      branchExists: head !== undefined || changes.length > 0,
    };
    if (!result.changed || request.dryRun) return result;

    const tree = await writeFlatTree(this.gitdir, desired);
    const commitSha = await git.writeCommit({
      fs,
      gitdir: this.gitdir,
      commit: {
        message: request.message.endsWith('\n')
          ? request.message
          : `${request.message}\n`,
        tree,
        parent: parent ? [parent] : [],
        author: signature(request.author),
        committer: signature(request.committer),
      },
    });
    // Compare-and-set: another writer (another backend process) must not be overwritten.
    if ((await this.head(request.branch)) !== head) {
      throw new ConflictError(
        `branch ${request.branch} moved while publishing; run the step again`,
      );
    }
    try {
      await git.writeRef({
        fs,
        gitdir: this.gitdir,
        ref: `refs/heads/${request.branch}`,
        value: commitSha,
        force: true,
      });
    } catch (e) {
      throw new ConflictError(
        `cannot create branch ${request.branch}: ${(e as Error).message}`,
      );
    }
    return { ...result, commitSha };
  }
}

function signature(author: GitAuthor) {
  return {
    ...author,
    timestamp: Math.floor(Date.now() / 1000),
    timezoneOffset: 0,
  };
}

function diff(
  current: Map<string, TreeFile>,
  desired: Map<string, TreeFile>,
): FileChange[] {
  const changes: FileChange[] = [];
  for (const [path, file] of desired) {
    const before = current.get(path);
    if (!before) changes.push({ path, change: 'added' });
    else if (before.oid !== file.oid || before.mode !== file.mode)
      changes.push({ path, change: 'modified' });
  }
  for (const path of current.keys())
    if (!desired.has(path)) changes.push({ path, change: 'deleted' });
  return changes.sort((a, b) => (a.path < b.path ? -1 : 1));
}
