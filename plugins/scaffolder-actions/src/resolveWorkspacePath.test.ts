import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveWorkspacePath } from './resolveWorkspacePath';

describe('resolveWorkspacePath', () => {
  let workspace: string;
  let outside: string;
  beforeAll(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ws-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'out-'));
    fs.mkdirSync(path.join(workspace, 'clusters'));
    fs.symlinkSync(outside, path.join(workspace, 'escape'));
  });
  afterAll(() => {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('resolves paths inside the workspace, existing or not', () => {
    expect(
      resolveWorkspacePath(workspace, 'targetPath', 'clusters/aws/us-west-2/x'),
    ).toBe(path.join(fs.realpathSync(workspace), 'clusters/aws/us-west-2/x'));
  });

  it.each([
    ['../etc/passwd', "must stay inside the workspace ('..' is not allowed)"],
    [
      'clusters/../../x',
      "must stay inside the workspace ('..' is not allowed)",
    ],
    ['/etc/passwd', 'must be relative to the workspace, got an absolute path'],
    [
      'escape/file.yaml',
      'must stay inside the workspace (a symlink leads outside)',
    ],
    ['', 'must be a non-empty relative path'],
    ['\u0000', 'must not contain control characters'],
    ['clusters/a\nb', 'must not contain control characters'],
  ])('rejects %j', (value, message) => {
    expect(() => resolveWorkspacePath(workspace, 'targetPath', value)).toThrow(
      `targetPath: ${message}`,
    );
  });
});
