import { ConfigReader } from '@backstage/config';
import { DEFAULT_FAILOVER_CONFIG, readFailoverConfig } from './failoverConfig';

const read = (failover: object) =>
  readFailoverConfig(new ConfigReader({ multicloud: { failover } }));

describe('readFailoverConfig', () => {
  it('defaults everything: manual, automatic off', () => {
    expect(readFailoverConfig(new ConfigReader({}))).toEqual(
      DEFAULT_FAILOVER_CONFIG,
    );
    expect(DEFAULT_FAILOVER_CONFIG.defaults).toEqual({
      defaultMode: 'manual',
      automaticEnabled: false,
    });
  });

  it('reads every key', () => {
    expect(
      read({
        automatic: true,
        defaultMode: 'automatic',
        breaker: {
          failureThreshold: 5,
          successThreshold: 4,
          openSeconds: 0,
          unhealthySeconds: 90,
        },
        failbackHoldSeconds: 0,
        stepTimeoutSeconds: 120,
        checkIntervalSeconds: 10,
      }),
    ).toEqual({
      defaults: { defaultMode: 'automatic', automaticEnabled: true },
      breaker: {
        failureThreshold: 5,
        successThreshold: 4,
        openSeconds: 0,
        unhealthySeconds: 90,
      },
      failbackHoldSeconds: 0,
      stepTimeoutSeconds: 120,
      checkIntervalSeconds: 10,
    });
  });

  it('names the key of a bad value', () => {
    expect(() => read({ defaultMode: 'sometimes' })).toThrow(
      "multicloud.failover.defaultMode: must be one of manual, automatic, got 'sometimes'",
    );
    expect(() => read({ breaker: { failureThreshold: 0 } })).toThrow(
      'multicloud.failover.breaker.failureThreshold: must be a number ≥ 1, got 0',
    );
  });
});
