import type { Reporter, TestModule } from "vitest/node";

/** With REQUIRE_SOURCES=1 (CI), a skipped test fails the run: nothing may pass by not running. */
export default class NoSkipsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped: string[] = [];
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        if (test.result().state === "skipped") skipped.push(`${mod.moduleId}: ${test.fullName}`);
      }
    }
    if (skipped.length > 0) {
      console.error(`REQUIRE_SOURCES=1: ${skipped.length} test(s) skipped, which counts as failure here:\n  ${skipped.join("\n  ")}`);
      process.exitCode = 1;
    }
  }
}
