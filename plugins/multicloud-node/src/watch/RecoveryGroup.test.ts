import { RecoveryGroup } from './RecoveryGroup';

describe('RecoveryGroup', () => {
  function group() {
    let now = 0;
    const recovery = new RecoveryGroup({ quietMs: 3_000, now: () => now });
    const woken: string[] = [];
    const sleep = (name: string) => recovery.onRecovery(() => woken.push(name));
    return { recovery, woken, sleep, advance: (ms: number) => (now += ms) };
  }

  it('wakes every sleeper once when the server answers after an outage', () => {
    const { recovery, woken, sleep, advance } = group();
    recovery.succeeded();
    advance(1_000);
    recovery.failed('Cluster');
    recovery.failed('Machine');
    sleep('Cluster');
    sleep('Machine');
    advance(20_000);
    recovery.failed('Cluster');
    recovery.failed('Machine');
    recovery.succeeded();
    expect(woken).toEqual(['Cluster', 'Machine']);

    advance(20_000);
    recovery.failed('Cluster');
    recovery.failed('Machine');
    advance(20_000);
    recovery.succeeded();
    expect(woken).toHaveLength(2);
  });

  it('wakes nobody while the server answers part of the time', () => {
    const { recovery, woken, sleep, advance } = group();
    recovery.succeeded();
    sleep('Cluster');
    for (let i = 0; i < 10; i++) {
      advance(1_000);
      recovery.failed('Cluster');
      recovery.failed('Machine');
      advance(1_000);
      recovery.succeeded();
    }
    expect(woken).toEqual([]);
  });

  it('wakes nobody when one kind fails alone', () => {
    const { recovery, woken, sleep, advance } = group();
    sleep('Cluster');
    recovery.failed('Cluster');
    advance(20_000);
    recovery.failed('Cluster');
    recovery.succeeded();
    expect(woken).toEqual([]);
  });

  it('wakes nobody on a success that follows no failure', () => {
    const { recovery, woken, sleep, advance } = group();
    sleep('Cluster');
    advance(60_000);
    recovery.succeeded();
    expect(woken).toEqual([]);
  });

  it('forgets a sleeper that cancelled', () => {
    const { recovery, woken, sleep, advance } = group();
    const cancel = sleep('Cluster');
    cancel();
    recovery.failed('Cluster');
    recovery.failed('Machine');
    advance(20_000);
    recovery.succeeded();
    expect(woken).toEqual([]);
  });
});
