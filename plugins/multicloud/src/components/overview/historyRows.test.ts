import { costRows, verdictRows } from './historyRows';

describe('history rows', () => {
  it('joins series by time and keeps unknown buckets as gaps', () => {
    const { rows, keys } = costRows([
      { key: 'gcp', points: [{ t: 2, value: 3 }] },
      {
        key: 'aws',
        points: [
          { t: 1, value: 1.5 },
          { t: 2, value: null },
        ],
      },
    ]);
    expect(keys).toEqual(['aws', 'gcp']);
    expect(rows).toEqual([
      { t: 1, aws: 1.5 },
      { t: 2, aws: null, gcp: 3 },
    ]);
  });

  it('keeps only the chosen series', () => {
    const { rows, keys } = costRows(
      [
        { key: 'team-a', points: [{ t: 1, value: 1 }] },
        { key: 'team-b', points: [{ t: 1, value: 2 }] },
      ],
      ['team-b'],
    );
    expect(keys).toEqual(['team-b']);
    expect(rows).toEqual([{ t: 1, 'team-b': 2 }]);
  });

  it("adds up my teams' verdicts per time", () => {
    const v = (healthy: number, unhealthy: number) => ({
      healthy,
      degraded: 0,
      unhealthy,
      other: 0,
    });
    expect(
      verdictRows(
        [
          { key: 'team-a', points: [{ t: 1, value: 2, verdicts: v(2, 1) }] },
          { key: 'team-b', points: [{ t: 1, value: 1, verdicts: v(1, 0) }] },
          { key: 'team-c', points: [{ t: 1, value: 9, verdicts: v(9, 9) }] },
        ],
        ['team-a', 'team-b'],
      ),
    ).toEqual([{ t: 1, healthy: 3, degraded: 0, unhealthy: 1, other: 0 }]);
  });
});
