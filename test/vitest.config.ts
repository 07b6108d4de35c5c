import * as path from "node:path";
import { defineConfig } from "vitest/config";

// Two projects: `unit` (pure helpers, fast) and `e2e` (kernel, report, browser).
const root = path.resolve(__dirname, "..");
export default defineConfig({
  test: {
    root,
    env: { TZ: "UTC" },
    projects: [
      { test: { name: "unit", root, include: ["test/unit/**/*.test.ts"], env: { TZ: "UTC" }, sequence: { groupOrder: 0 } } },
      {
        // The real kernel, the real report and headless Chromium: one report run shared by all
        // files (test/support/global-report.ts), files one after another (2-core machines).
        test: {
          name: "e2e",
          root,
          include: ["test/integration/**/*.test.ts", "test/browser/**/*.test.ts"],
          env: { TZ: "UTC" },
          globalSetup: ["test/support/global-report.ts"],
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 900_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
