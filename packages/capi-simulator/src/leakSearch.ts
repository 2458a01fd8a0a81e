import { inspect } from 'node:util';

/** The shape of Backstage's `LoggerService` / `RootLoggerService`, without depending on it. */
export interface CapturingLogger {
  error(message: string, meta?: unknown): void;
  warn(message: string, meta?: unknown): void;
  info(message: string, meta?: unknown): void;
  debug(message: string, meta?: unknown): void;
  child(meta: Record<string, unknown>): CapturingLogger;
}

/**
 * A logger that appends every line, with its metadata and full error objects (own properties
 * such as request headers included), to `lines`, so secrets tests can search what would
 * have been logged.
 */
export function capturingLogger(
  lines: string[],
  meta: Record<string, unknown> = {},
): CapturingLogger {
  const log = (level: string) => (message: string, extra?: unknown) => {
    lines.push(
      inspect(
        { level, message, meta, extra },
        { depth: 20, maxStringLength: Infinity, breakLength: Infinity },
      ),
    );
  };
  return {
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    debug: log('debug'),
    child: more => capturingLogger(lines, { ...meta, ...more }),
  };
}

/** Each text that contains a needle, as the context around the first occurrence. */
export function findLeaks(
  texts: readonly string[],
  needles: readonly string[],
): string[] {
  return texts.flatMap(text => {
    const at = needles
      .map(needle => text.indexOf(needle))
      .filter(i => i >= 0)
      .sort((a, b) => a - b)[0];
    return at === undefined ? [] : [text.slice(Math.max(0, at - 120), at + 40)];
  });
}
