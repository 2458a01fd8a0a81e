import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  return {
    dir,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Every output an action set, by name (ctx.output is a jest mock). */
export function outputsOf(ctx: { output: unknown }): Record<string, any> {
  return Object.fromEntries((ctx.output as jest.Mock).mock.calls);
}

/** Everything an action logged, as one string (to look for things that must not be there). */
export function logsOf(logger: Record<string, unknown>): string {
  return ['debug', 'info', 'warn', 'error']
    .flatMap(level =>
      ((logger[level] as jest.Mock | undefined)?.mock.calls ?? []).map(c =>
        JSON.stringify(c),
      ),
    )
    .join('\n');
}
