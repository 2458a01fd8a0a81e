import {
  parseClusterQuery,
  queryClusters,
  type ClusterSummary,
} from '@internal/plugin-multicloud-common';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

/**
 * Serves the bundle (any unknown path gets index.html, as a SPA host does) and stands in for
 * the backend's `GET /api/multicloud/clusters`: the same `queryClusters` over the fleet,
 * gzipped and cached per query like the real route, so both pages pay a realistic download.
 */
export function startBenchServer(
  dir: string,
  clusters: readonly ClusterSummary[],
  port: number,
): Promise<http.Server> {
  const answers = new Map<string, Buffer>();
  const answer = (search: URLSearchParams): Buffer | undefined => {
    const key = search.toString();
    if (!answers.has(key)) {
      const params: Record<string, string[]> = {};
      for (const name of new Set(search.keys()))
        params[name] = search.getAll(name);
      const parsed = parseClusterQuery(params);
      if (!parsed.ok) return undefined;
      const body = {
        version: 1,
        stale: false,
        ...queryClusters(clusters, parsed.query),
      };
      answers.set(key, zlib.gzipSync(JSON.stringify(body)));
    }
    return answers.get(key);
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench');
    if (url.pathname === '/api/multicloud/clusters') {
      const body = answer(url.searchParams);
      if (!body) {
        res.writeHead(400).end();
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      });
      res.end(body);
      return;
    }
    const file = path.join(dir, path.normalize(url.pathname));
    const found =
      file.startsWith(dir) && fs.existsSync(file) && fs.statSync(file).isFile();
    const served = found ? file : path.join(dir, 'index.html');
    res.writeHead(200, {
      'content-type': TYPES[path.extname(served)] ?? 'application/octet-stream',
    });
    fs.createReadStream(served).pipe(res);
  });
  return new Promise(resolve =>
    server.listen(port, '127.0.0.1', () => resolve(server)),
  );
}
