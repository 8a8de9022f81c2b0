import { defineConfig } from "vitest/config";
import NoSkipsReporter from "./test/support/no-skips-reporter.ts";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/warm-text-cache.ts"],
    exclude: ["test/browser/**"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    reporters: process.env.REQUIRE_SOURCES === "1" ? ["default", new NoSkipsReporter()] : ["default"],
  },
});
