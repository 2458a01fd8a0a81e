import { execFile } from 'node:child_process';
import fs from 'node:fs';

/** Debian's promtool (package `prometheus`), which scripts/test.sh installs. */
export const PROMTOOL = process.env.PROMTOOL ?? '/usr/bin/promtool';

export const hasPromtool = () => fs.existsSync(PROMTOOL);

export async function runPromtool(
  args: string[],
  input?: string,
): Promise<{ code: number; output: string }> {
  return new Promise(resolve => {
    const child = execFile(PROMTOOL, args, (error, stdout, stderr) => {
      resolve({
        code: error ? Number((error as { code?: number }).code ?? 1) : 0,
        output: `${stdout}${stderr}`,
      });
    });
    if (input !== undefined) {
      child.stdin?.end(input);
    }
  });
}
