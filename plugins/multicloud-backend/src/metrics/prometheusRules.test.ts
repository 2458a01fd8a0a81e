import path from 'node:path';
import { hasPromtool, runPromtool } from './promtool';

const rulesDir = path.resolve(__dirname, '../../../../deploy/prometheus');

// scripts/test.sh installs promtool; a developer without it is told, not silently passed.
const describeWithPromtool = hasPromtool() ? describe : describe.skip;
if (!hasPromtool()) {
  // eslint-disable-next-line no-console
  console.warn(
    'promtool not found: skipping the Prometheus rule tests (apt-get install prometheus)',
  );
}

describeWithPromtool('deploy/prometheus rules', () => {
  it('pass promtool check rules', async () => {
    const result = await runPromtool([
      'check',
      'rules',
      path.join(rulesDir, 'multicloud-rules.yaml'),
    ]);
    expect(result.output).toContain('SUCCESS');
    expect(result.code).toBe(0);
  });

  it("pass their unit tests (the seed's alerts and queries)", async () => {
    const result = await runPromtool([
      'test',
      'rules',
      path.join(rulesDir, 'multicloud-rules.test.yaml'),
    ]);
    expect(result.output).toContain('SUCCESS');
    expect(result.code).toBe(0);
  });
});
