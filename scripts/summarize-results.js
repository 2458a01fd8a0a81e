#!/usr/bin/env node
// Prints the plain closing line 'name: N passed, N failed[, N skipped]' from a Jest or
// Playwright JSON report, so every runner ends with the same summary format. An optional third
// argument names the runner (default 'unit' for Jest, 'e2e' for Playwright).
const fs = require('node:fs');

const [kind, file, name] = process.argv.slice(2);
const report = JSON.parse(fs.readFileSync(file, 'utf8'));
let passed;
let failed;
let skipped;
if (kind === 'jest') {
  passed = report.numPassedTests;
  failed = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  skipped = report.numPendingTests + report.numTodoTests;
} else if (kind === 'playwright') {
  passed = report.stats.expected + report.stats.flaky;
  failed = report.stats.unexpected;
  skipped = report.stats.skipped;
} else {
  throw new Error(`unknown report kind '${kind}'`);
}
const label = name ?? (kind === 'jest' ? 'unit' : 'e2e');
console.log(`${label}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
