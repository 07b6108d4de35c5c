/**
 * Global setup of the `e2e` project: starts the real report (every notebook through the tslab
 * kernel, HTML export) into a temporary folder and returns at once, so that the unit tests and
 * the e2e files that need no report run on the other core meanwhile. A second, independent
 * report of the same notebooks runs beside it, one kernel at a time: the determinism test
 * (test/integration/report.test.ts) compares the two byte for byte. Each run's result is written
 * to a JSON file when it ends; tests wait for it with sharedReport() / secondReport()
 * (test/support/shared-report.ts). The tests never touch the user's out/ or notebooks/.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { TestProject } from "vitest/node";
import { writeFileAtomic } from "../../src/data/fsutil";
import { runReport, type ReportResult } from "../../src/report/report";

/** Where a background report writes its out/ and, once it has ended, its result. */
export interface ReportRun {
  dir: string;
  resultFile: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    report: ReportRun;
    secondReport: ReportRun;
  }
}

let scratch = "";
const running: Promise<void>[] = [];

/** Starts runReport() into `<scratch>/<name>/out`; the result (or the error) lands in result.json. */
function start(name: string, workers?: number): ReportRun {
  const dir = path.join(scratch, name, "out");
  const resultFile = path.join(scratch, name, "result.json");
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const write = (r: ReportResult) => writeFileAtomic(resultFile, JSON.stringify(r));
  running.push(
    runReport({ outDir: dir, log: () => {}, ...(workers ? { workers } : {}) }).then(write, (e: Error) =>
      write({ ok: false, runs: [], problems: [`the report threw: ${e.stack ?? e.message}`], charts: [], seconds: 0 }),
    ),
  );
  return { dir, resultFile };
}

export async function setup(project: TestProject): Promise<void> {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "selloff-report-"));
  project.provide("report", start("first"));
  project.provide("secondReport", start("second", 1));
}

export async function teardown(): Promise<void> {
  await Promise.all(running);
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
}
