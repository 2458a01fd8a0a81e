import fc from 'fast-check';
import { VERDICTS, type Verdict } from '../model/ClusterSummary';
import {
  checkKind,
  INITIAL_BREAKER_STATE,
  stepBreaker,
  type BreakerThresholds,
} from './breaker';

const thresholds = fc.record({
  failureThreshold: fc.integer({ min: 1, max: 5 }),
  successThreshold: fc.integer({ min: 1, max: 5 }),
  openSeconds: fc.integer({ min: 0, max: 120 }),
  unhealthySeconds: fc.integer({ min: 0, max: 300 }),
});
const checks = fc.array(
  fc.record({
    verdict: fc.constantFrom<Verdict>(...VERDICTS),
    gap: fc.integer({ min: 0, max: 60_000 }),
  }),
  {
    maxLength: 80,
  },
);

function replay(
  t: BreakerThresholds,
  input: Array<{ verdict: Verdict; gap: number }>,
  onCheck: (i: number, moves: string[]) => void,
) {
  let state = INITIAL_BREAKER_STATE;
  let at = 0;
  input.forEach(({ verdict, gap }, i) => {
    at += gap;
    const result = stepBreaker(state, { verdict, at }, t);
    state = result.state;
    onCheck(
      i,
      result.transitions.map(tr => tr.to),
    );
  });
}

describe('stepBreaker (properties)', () => {
  it('never closes without M consecutive healthy checks (unknown checks carry no evidence)', () => {
    fc.assert(
      fc.property(thresholds, checks, (t, input) => {
        const unearned: number[] = [];
        replay(t, input, (i, moves) => {
          const evidence = input
            .slice(0, i + 1)
            .filter(c => checkKind(c.verdict) !== 'ignored');
          const tail = evidence.slice(-t.successThreshold);
          const earned =
            tail.length === t.successThreshold &&
            tail.every(c => c.verdict === 'healthy');
          if (moves.includes('closed') && !earned) unearned.push(i);
        });
        expect(unearned).toEqual([]);
      }),
    );
  });

  it('only opens on an unhealthy check', () => {
    fc.assert(
      fc.property(thresholds, checks, (t, input) => {
        const openedOn: Verdict[] = [];
        replay(t, input, (i, moves) => {
          if (moves.includes('open')) openedOn.push(input[i].verdict);
        });
        expect(openedOn.filter(v => v !== 'unhealthy')).toEqual([]);
      }),
    );
  });
});
