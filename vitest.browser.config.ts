import { defineConfig } from "vitest/config";
import NoSkipsReporter from "./test/support/no-skips-reporter.ts";

// The browser suite runs over the built dist/ (npm run build first), one file at a time.
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // Polls wait for the page to reach a state; on a loaded machine that can take longer than
    // vitest's one-second default, and a poll that gives up early is a flaky test.
    expect: { poll: { timeout: 30_000 } },
    reporters: process.env.REQUIRE_SOURCES === "1" ? ["default", new NoSkipsReporter()] : ["default"],
  },
});
