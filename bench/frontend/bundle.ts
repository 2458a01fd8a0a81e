import { build, type Plugin } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const EXTENSIONS = ['.tsx', '.ts', '.jsx', '.js', '.mjs', '.json'];

/**
 * esbuild matches file names case-insensitively; the plugin has `placementForm.ts` next to
 * `PlacementForm.tsx`, so our relative imports are resolved with exact case, as webpack does.
 */
const exactCase: Plugin = {
  name: 'exact-case',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, args => {
      // Packages keep esbuild's resolution (their `browser` field maps files).
      if (args.importer.includes(`${path.sep}node_modules${path.sep}`)) {
        return undefined;
      }
      const base = path.resolve(args.resolveDir, args.path);
      const candidates = [
        ...EXTENSIONS.map(ext => base + ext),
        ...EXTENSIONS.map(ext => path.join(base, `index${ext}`)),
        base,
      ];
      const found = candidates.find(
        file =>
          fs.existsSync(file) &&
          fs.statSync(file).isFile() &&
          fs.readdirSync(path.dirname(file)).includes(path.basename(file)),
      );
      return found ? { path: found } : undefined;
    });
  },
};

/**
 * A production bundle of app.tsx (minified, React's production build, code-split like the
 * portal's own build), so the figures describe what users run, not a dev server.
 */
export async function bundleApp(outdir: string): Promise<void> {
  fs.rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { app: path.join(__dirname, 'app.tsx') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    jsx: 'automatic',
    // What webpack's ProvidePlugin/DefinePlugin give the portal's own build.
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    loader: {
      '.svg': 'file',
      '.png': 'file',
      '.woff': 'file',
      '.woff2': 'file',
      '.ttf': 'file',
    },
    plugins: [exactCase],
    logLevel: 'warning',
  });
  fs.writeFileSync(
    path.join(outdir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>Table benchmark</title>' +
      '<link rel="stylesheet" href="/app.css"></head>' +
      '<body><div id="root"></div><script type="module" src="/app.js"></script></body></html>',
  );
}
