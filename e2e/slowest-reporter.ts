/**
 * A Playwright reporter that prints the slowest tests of the run (each attempt, retries included) when it ends,
 * so a slow CI run says where its time went. Playwright's `json` reporter keeps every duration in a file.
 */
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

const SHOWN = 10;

export default class SlowestReporter implements Reporter {
  private readonly runs: { title: string; ms: number; retry: number }[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    const where = `${test.location.file.replace(/^.*[/\\]e2e[/\\]/, 'e2e/')}:${test.location.line}`;
    this.runs.push({ title: `${where} ${test.titlePath().slice(3).join(' › ')}`, ms: result.duration, retry: result.retry });
  }

  onEnd(result: FullResult): void {
    const total = this.runs.reduce((s, r) => s + r.ms, 0);
    const slowest = [...this.runs].sort((a, b) => b.ms - a.ms).slice(0, SHOWN);
    const lines = slowest.map((r) => `${(r.ms / 1000).toFixed(1).padStart(6)}s  ${r.title}${r.retry ? ` (retry #${r.retry})` : ''}`);
    process.stdout.write(
      `\nslowest ${slowest.length} of ${this.runs.length} test runs (all tests ${(total / 1000).toFixed(0)}s, wall ${(result.duration / 1000).toFixed(0)}s):\n${lines.join('\n')}\n`,
    );
  }

  printsToStdio(): boolean {
    return false;
  }
}
