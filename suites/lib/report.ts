/**
 * Checks and figures of one suite run. `finish()` prints the summary line
 * (`<suite>: N passed, N failed`, then the figures) and exits non-zero on any failure, so
 * scripts/test.sh can run the suites as they are.
 */
export class SuiteReport {
  private passed = 0;
  private failed = 0;
  private readonly figures: string[] = [];

  constructor(private readonly suite: string) {}

  /** Records one check; `detail` says what was measured, pass or fail. */
  check(name: string, ok: boolean, detail = ''): boolean {
    if (ok) this.passed++;
    else this.failed++;
    console.log(
      `${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`,
    );
    return ok;
  }

  /** A measured figure, repeated on the summary line. */
  figure(text: string): void {
    this.figures.push(text);
    console.log(`  ${text}`);
  }

  /** An error that ended the run early counts as a failed check. */
  abort(error: unknown): void {
    this.check(
      'suite ran to the end',
      false,
      error instanceof Error ? error.message : String(error),
    );
  }

  finish(): never {
    const figures =
      this.figures.length > 0 ? ` (${this.figures.join('; ')})` : '';
    console.log(
      `${this.suite}: ${this.passed} passed, ${this.failed} failed${figures}`,
    );
    process.exit(this.failed > 0 || this.passed === 0 ? 1 : 0);
  }
}

/** Runs a suite body, turning a thrown error into a failed check, then prints the summary. */
export async function runSuite(
  suite: string,
  body: (report: SuiteReport) => Promise<void>,
): Promise<never> {
  const report = new SuiteReport(suite);
  try {
    await body(report);
  } catch (error) {
    report.abort(error);
  }
  return report.finish();
}
