import * as path from "node:path";
import { defineConfig } from "vitest/config";
import RankedSequencer from "./support/sequencer";

// Three projects: `unit` (pure helpers, fast: `npm run test:unit`), `data` (whole-data tests of the
// real files: the mutation test of every data file and the extractor's recall and precision on
// the five articles, `npm run test:data`) and `e2e` (kernel, report, browser), in ONE pool of
// workers, so that the unit and data tests and the e2e files that need no report run while the shared
// report is being built (test/support/global-report.ts starts it in the background) and both
// cores stay busy. Three workers on two cores: an e2e file spends much of its time waiting for
// a kernel, a server or the shared report, and the third keeps a core busy meanwhile.
// test/support/sequencer.ts orders the files: long independent ones first, report-bound ones last.
const root = path.resolve(__dirname, "..");
// `npm run test:unit` and `test:data` alone pass --maxWorkers=100% (one worker a core): their files
// are CPU-bound, and a third worker on two cores only loads src/, danfo and the Recognizers-Text
// models once more (test:unit 8.8 s -> 5.1 s with another job on the machine). Projects of one run
// must share maxWorkers, so it is set once, here, for the pool.
const WORKERS = 3;
export default defineConfig({
  test: {
    root,
    env: { TZ: "UTC" },
    maxWorkers: WORKERS,
    sequence: { sequencer: RankedSequencer },
    projects: [
      // the unit files share their workers' module cache (isolate: false): src/ is imported once per
      // worker, not once per file (a third less CPU); no unit test leaves global state behind
      { test: { name: "unit", root, include: ["test/unit/**/*.test.ts"], env: { TZ: "UTC" }, isolate: false, sequence: { groupOrder: 0 } } },
      { test: { name: "data", root, include: ["test/data/**/*.test.ts"], env: { TZ: "UTC" }, isolate: false, sequence: { groupOrder: 0 } } },
      {
        // The real kernel, the real report and headless Chromium: one report run shared by all
        // files, started in the background by the global setup.
        test: {
          name: "e2e",
          root,
          include: ["test/integration/**/*.test.ts", "test/browser/**/*.test.ts"],
          env: { TZ: "UTC" },
          globalSetup: ["test/support/global-report.ts"],
          maxWorkers: WORKERS,
          // pages of the browser test checked at once (it.concurrent), each in a context of its own
          maxConcurrency: 4,
          testTimeout: 600_000,
          hookTimeout: 900_000,
          sequence: { groupOrder: 0 },
        },
      },
    ],
  },
});
