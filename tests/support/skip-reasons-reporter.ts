import type { Reporter, TestCase, TestResult } from "@playwright/test/reporter";

/** Lists every skipped check with the reason its test gave, so a skip is never mistaken for a pass. */
export default class SkipReasonsReporter implements Reporter {
  private readonly skipped: string[] = [];

  onTestEnd(test: TestCase, result: TestResult) {
    if (result.status !== "skipped") return;
    const reasons = test.annotations
      .filter((annotation) => annotation.type === "skip")
      .map((annotation) => annotation.description);
    this.skipped.push(
      `  - ${test.titlePath().slice(1).join(" › ")}: ${reasons.filter(Boolean).join("; ") || "no reason given"}`,
    );
  }

  onEnd() {
    if (this.skipped.length) console.log(`\nSkipped, and why:\n${this.skipped.join("\n")}`);
  }

  printsToStdio() {
    return true;
  }
}
