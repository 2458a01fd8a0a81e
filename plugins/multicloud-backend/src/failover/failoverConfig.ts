import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  DEFAULT_BREAKER_THRESHOLDS,
  DEFAULT_FAILOVER_DEFAULTS,
  FAILOVER_MODES,
  type BreakerThresholds,
  type FailoverDefaults,
  type FailoverMode,
} from '@internal/plugin-multicloud-common';

/** `multicloud.failover.*`, with defaults. */
export interface FailoverConfig {
  defaults: FailoverDefaults;
  breaker: BreakerThresholds;
  failbackHoldSeconds: number;
  stepTimeoutSeconds: number;
  checkIntervalSeconds: number;
}

export const DEFAULT_FAILOVER_CONFIG: FailoverConfig = {
  defaults: DEFAULT_FAILOVER_DEFAULTS,
  breaker: DEFAULT_BREAKER_THRESHOLDS,
  failbackHoldSeconds: 600,
  stepTimeoutSeconds: 900,
  checkIntervalSeconds: 30,
};

/** Reads `multicloud.failover`; throws a config error naming the key for a bad value. */
export function readFailoverConfig(config: Config): FailoverConfig {
  const positive = (key: string, fallback: number, min = 1) => {
    const value = config.getOptionalNumber(`multicloud.failover.${key}`);
    if (value === undefined) return fallback;
    if (!Number.isFinite(value) || value < min) {
      throw new InputError(
        `multicloud.failover.${key}: must be a number ≥ ${min}, got ${value}`,
      );
    }
    return value;
  };
  const mode =
    config.getOptionalString('multicloud.failover.defaultMode') ??
    DEFAULT_FAILOVER_DEFAULTS.defaultMode;
  if (!(FAILOVER_MODES as readonly string[]).includes(mode)) {
    throw new InputError(
      `multicloud.failover.defaultMode: must be one of ${FAILOVER_MODES.join(
        ', ',
      )}, got '${mode}'`,
    );
  }
  const b = DEFAULT_BREAKER_THRESHOLDS;
  return {
    defaults: {
      defaultMode: mode as FailoverMode,
      automaticEnabled:
        config.getOptionalBoolean('multicloud.failover.automatic') ??
        DEFAULT_FAILOVER_DEFAULTS.automaticEnabled,
    },
    breaker: {
      failureThreshold: positive(
        'breaker.failureThreshold',
        b.failureThreshold,
      ),
      successThreshold: positive(
        'breaker.successThreshold',
        b.successThreshold,
      ),
      openSeconds: positive('breaker.openSeconds', b.openSeconds, 0),
      unhealthySeconds: positive(
        'breaker.unhealthySeconds',
        b.unhealthySeconds,
        0,
      ),
    },
    failbackHoldSeconds: positive(
      'failbackHoldSeconds',
      DEFAULT_FAILOVER_CONFIG.failbackHoldSeconds,
      0,
    ),
    stepTimeoutSeconds: positive(
      'stepTimeoutSeconds',
      DEFAULT_FAILOVER_CONFIG.stepTimeoutSeconds,
    ),
    checkIntervalSeconds: positive(
      'checkIntervalSeconds',
      DEFAULT_FAILOVER_CONFIG.checkIntervalSeconds,
    ),
  };
}
