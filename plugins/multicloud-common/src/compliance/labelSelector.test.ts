import { matchesSelector } from './labelSelector';

describe('matchesSelector', () => {
  const labels = { app: 'web', tier: 'front' };

  it.each([
    [{ matchLabels: { app: 'web' } }, true],
    [{ matchLabels: { app: 'api' } }, false],
    [
      {
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['front', 'back'] },
        ],
      },
      true,
    ],
    [
      {
        matchExpressions: [
          { key: 'tier', operator: 'NotIn', values: ['front'] },
        ],
      },
      false,
    ],
    [
      { matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] },
      true,
    ],
    [{ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, false],
    [
      { matchExpressions: [{ key: 'app', operator: 'Gt', values: ['1'] }] },
      false,
    ],
    [
      {
        matchLabels: { app: 'web' },
        matchExpressions: [{ key: 'zone', operator: 'Exists' }],
      },
      false,
    ],
    [{}, true],
    [undefined, false],
  ])('%j → %s', (selector, expected) => {
    expect(matchesSelector(selector, labels)).toBe(expected);
  });
});
