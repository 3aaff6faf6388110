import type { FullResult, Reporter, TestCase, TestResult } from "@playwright/test/reporter";

// Prints "playwright: N passed, N failed" alone on a line for scripts/test.sh.
export default class SummaryReporter implements Reporter {
  private passed = 0;
  private failed = 0;

  onTestEnd(test: TestCase, result: TestResult) {
    if (result.retry < test.retries && result.status !== "passed") return;
    if (result.status === "passed") this.passed++;
    else if (result.status !== "skipped") this.failed++;
  }

  onEnd(result: FullResult) {
    if (result.status !== "passed" && this.failed === 0) this.failed = 1;
    console.log(`playwright: ${this.passed} passed, ${this.failed} failed`);
  }
}
