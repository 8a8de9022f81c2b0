import { defineConfig } from "vitest/config";
import NoSkipsReporter from "./test/support/no-skips-reporter.ts";

// The browser suite runs over the built dist/ (npm run build first), one file at a time.
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    reporters: process.env.REQUIRE_SOURCES === "1" ? ["default", new NoSkipsReporter()] : ["default"],
  },
});
