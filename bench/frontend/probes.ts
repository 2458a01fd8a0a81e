/**
 * What the benchmark installs in the page before the app's scripts run (serialised by
 * Playwright: no imports, no closures over module scope). Times are `performance.now()`
 * values: milliseconds since the navigation started.
 */

export interface PageSelectors {
  /** A data row of the table (not the header). */
  row: string;
  /** The table's free-text filter. */
  filter: string;
}

export interface Probes {
  /** When the first data row was on screen with the filter field able to take input. */
  interactiveMs?: number;
  /** Whether every data row in the DOM shows `term` (and there is at least one). */
  rowsShow(term: string): boolean;
  /** Data rows in the DOM. */
  countRows(): number;
  /**
   * Arms a measurement of the next keystroke: from its keydown (the event's own timestamp, so
   * input delay counts) to the end of the first frame in which every data row shows `term`.
   */
  armKeystroke(term: string): void;
  /** The armed measurement, in milliseconds. */
  keystrokeMs?: Promise<number>;
}

export function installProbes(selectors: PageSelectors) {
  const rows = () => [...document.querySelectorAll(selectors.row)];
  // "Shown" is the end of the frame that paints the change: the next animation frame, then
  // the task after it.
  const afterFrame = (then: () => void) =>
    requestAnimationFrame(() => setTimeout(then));

  const probes: Probes = {
    rowsShow: term => {
      const all = rows();
      return (
        all.length > 0 &&
        all.every(r => (r.textContent ?? '').toLowerCase().includes(term))
      );
    },
    countRows: () => rows().length,
    armKeystroke: term => {
      probes.keystrokeMs = new Promise(resolve => {
        let keydownAt: number | undefined;
        const observer = new MutationObserver(() => {
          if (keydownAt === undefined || !probes.rowsShow(term)) return;
          observer.disconnect();
          const started = keydownAt;
          afterFrame(() => resolve(performance.now() - started));
        });
        document.addEventListener(
          'keydown',
          event => {
            keydownAt = event.timeStamp;
          },
          { capture: true, once: true },
        );
        observer.observe(document.body, {
          childList: true,
          subtree: true,
          characterData: true,
        });
      });
    },
  };
  (window as unknown as { __bench: Probes }).__bench = probes;

  const interactive = () => {
    const filter = document.querySelector<HTMLInputElement>(selectors.filter);
    return rows().length > 0 && !!filter && !filter.disabled;
  };
  const watch = new MutationObserver(() => {
    if (!interactive()) return;
    watch.disconnect();
    afterFrame(() => {
      probes.interactiveMs = performance.now();
    });
  });
  watch.observe(document, { childList: true, subtree: true });
}
