import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type DependencyList,
} from 'react';

/** Fleet views refresh at the pace of the backend's watch cache, without hammering it. */
export const POLL_INTERVAL_MS = 15_000;

export interface Polled<T> {
  value?: T;
  error?: Error;
  /** No value yet: show a progress indicator. */
  loading: boolean;
  retry: () => void;
}

/**
 * Loads now, again every `intervalMs` while the tab is visible, and whenever `deps` change.
 * Unlike `useAsyncRetry` it keeps the last value through a failed refresh, so a blip of the
 * backend shows an error next to the data instead of blanking the page.
 */
export function usePolling<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  intervalMs: number = POLL_INTERVAL_MS,
): Polled<T> {
  const [state, setState] = useState<{
    value?: T;
    error?: Error;
    loading: boolean;
  }>({
    loading: true,
  });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    setState(s => ({ ...s, loading: true }));
    let current = true;
    loadRef.current().then(
      value => current && setState({ value, loading: false }),
      error =>
        current && setState(s => ({ value: s.value, error, loading: false })),
    );
    return () => {
      current = false;
    };
    // `load` is read through a ref: callers pass a new closure on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') setTick(n => n + 1);
    }, intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);

  const retry = useCallback(() => setTick(n => n + 1), []);
  return {
    value: state.value,
    error: state.error,
    loading: state.loading && state.value === undefined,
    retry,
  };
}
