#!/usr/bin/env node
// Runs one security suite (its Jest files across the packages) on its own and ends with the
// summary line '<suite>: N passed, N failed', like every other runner.
//   node scripts/run-suite.js bad-input|permissions|secrets
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const SUITES = {
  'bad-input': [
    'plugins/multicloud-backend/src/__tests__/badInput.test.ts',
    'plugins/scaffolder-actions/src/badInput.test.ts',
  ],
  permissions: ['packages/backend/src/__tests__/permissionsMatrix.test.ts'],
  secrets: [
    'packages/capi-simulator/src/secretMaterial.test.ts',
    'plugins/multicloud-backend/src/__tests__/secrets.test.ts',
    'plugins/kubernetes-backend-module-multicloud/src/secrets.test.ts',
    'plugins/scaffolder-actions/src/secrets.test.ts',
  ],
};

const name = process.argv[2];
const files = SUITES[name];
if (!files) {
  console.error(`usage: run-suite.js ${Object.keys(SUITES).join('|')}`);
  process.exit(2);
}
const root = path.resolve(__dirname, '..');
const report = path.join(root, '.run/suites', `${name}-jest.json`);
fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });
const jest = spawnSync(
  'yarn',
  [
    'backstage-cli',
    'repo',
    'test',
    '--watchAll=false',
    '--json',
    `--outputFile=${report}`,
    ...files,
  ],
  { cwd: root, stdio: 'inherit' },
);
if (!fs.existsSync(report)) {
  console.log(
    `${name}: 0 passed, ${files.length} failed (jest wrote no report)`,
  );
  process.exit(1);
}
const summary = spawnSync(
  process.execPath,
  [path.join(__dirname, 'summarize-results.js'), 'jest', report, name],
  { stdio: 'inherit' },
);
process.exit(jest.status || summary.status || 0);
