// Plain JavaScript on purpose: it also runs as a worker thread, where no TypeScript loader is
// registered. Parsing the 2.8 MB of CRD YAML in a worker keeps the parser's garbage (~50 MB of
// RSS) out of the long-running simulator process; only the parsed documents come back.
const fs = require('node:fs');
const path = require('node:path');
const { isMainThread, parentPort, workerData } = require('node:worker_threads');
const YAML = require('yaml');

/** Parses every CRD YAML file under `dir` (sorted, so discovery order is stable). */
function readCrds(dir) {
  const files = [];
  const walk = d => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.yaml')) files.push(p);
    }
  };
  walk(dir);
  return files.sort().flatMap(f =>
    YAML.parseAllDocuments(fs.readFileSync(f, 'utf8'))
      .map(doc => doc.toJSON())
      .filter(Boolean),
  );
}

if (!isMainThread && workerData && workerData.crdDirectory) {
  parentPort.postMessage(readCrds(workerData.crdDirectory));
}

module.exports = { readCrds };
