import fs from 'node:fs';

/**
 * The buckets of every run of the history sampling task a backend logged
 * (`History sample at <bucket>: N clusters`, debug level of the multicloud plugin, which
 * `startBackendProcess` enables): the suites count executions from them.
 */
export function sampleExecutions(logPath: string): number[] {
  // eslint-disable-next-line no-control-regex
  const text = fs
    .readFileSync(logPath, 'utf8')
    .replace(/\u001b\[[0-9;]*m/g, '');
  return [...text.matchAll(/History sample at (\S+): \d+ clusters/g)].map(m =>
    Date.parse(m[1]),
  );
}
