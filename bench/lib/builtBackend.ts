import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, RUN } from './paths';

/** Files the embedded app-config reads relative to the backend's directory (`../../…`). */
const CONFIG_RELATIVE_FILES = ['catalog-info.yaml', 'examples', 'templates'];

/**
 * The backend as a deployment runs it: `backstage-cli package build` of packages/backend
 * (rollup output of the backend and every workspace package it uses, packed into
 * `dist/bundle.tar.gz`), unpacked and started with plain `node packages/backend`. Backstage's
 * Dockerfile installs production dependencies into the unpacked bundle; here the workspace
 * packages are linked into its node_modules and third-party packages resolve from the
 * repository's node_modules above it, so nothing is downloaded.
 *
 * Returns the directory to start `node .` in. `reuseBuild` skips the build when a bundle
 * exists (it may be older than the sources: for repeated runs of unchanged code).
 */
export function prepareBuiltBackend(options: { reuseBuild?: boolean } = {}): string {
  const bundle = path.join(ROOT, 'packages/backend/dist/bundle.tar.gz');
  if (!options.reuseBuild || !fs.existsSync(bundle)) {
    const log = path.join(RUN, 'build.log');
    console.log(`Building packages/backend (backstage-cli package build; log: ${log}) ...`);
    const build = spawnSync('yarn', ['workspace', 'backend', 'build'], {
      cwd: ROOT,
      stdio: ['ignore', fs.openSync(log, 'w'), fs.openSync(log, 'a')],
    });
    if (build.status !== 0) {
      throw new Error(`backstage-cli package build failed (exit ${build.status}); see ${log}`);
    }
  }

  const dist = path.join(RUN, 'dist');
  fs.rmSync(dist, { recursive: true, force: true });
  fs.mkdirSync(dist, { recursive: true });
  const unpack = spawnSync('tar', ['-xzf', bundle, '-C', dist]);
  if (unpack.status !== 0) throw new Error(`could not unpack the backend bundle: ${unpack.stderr}`);

  for (const group of ['packages', 'plugins']) {
    const dir = path.join(dist, group);
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir)) {
      const pkg = path.join(dir, entry);
      const { name } = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8'));
      const link = path.join(dist, 'node_modules', name);
      fs.mkdirSync(path.dirname(link), { recursive: true });
      fs.symlinkSync(pkg, link);
    }
  }
  for (const file of CONFIG_RELATIVE_FILES) {
    fs.symlinkSync(path.join(ROOT, file), path.join(dist, file));
  }
  return path.join(dist, 'packages/backend');
}
