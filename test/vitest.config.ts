import * as path from "node:path";
import { defineConfig } from "vitest/config";

// Three projects: `unit` (pure helpers, fast), `integration` (the real tslab kernel and the
// report; sequential because each run starts Jupyter kernels) and `browser` (headless Chromium).
const root = path.resolve(__dirname, "..");
export default defineConfig({
  test: {
    root,
    env: { TZ: "UTC" },
    projects: [
      { test: { name: "unit", root, include: ["test/unit/**/*.test.ts"], env: { TZ: "UTC" } } },
      {
        test: {
          name: "integration",
          root,
          include: ["test/integration/**/*.test.ts"],
          env: { TZ: "UTC" },
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: "browser",
          root,
          include: ["test/browser/**/*.test.ts"],
          env: { TZ: "UTC" },
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
