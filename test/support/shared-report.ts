/**
 * The reports the e2e global setup (test/support/global-report.ts) runs in the background:
 * each function waits until its run has ended and returns its out/ folder and result.
 */
import * as fs from "node:fs";
import { inject } from "vitest";
import type { ReportResult } from "../../src/report/report";
import type { ReportRun } from "./global-report";

async function waitFor(run: ReportRun): Promise<{ dir: string; result: ReportResult }> {
  while (!fs.existsSync(run.resultFile)) await new Promise((r) => setTimeout(r, 250));
  return { dir: run.dir, result: JSON.parse(fs.readFileSync(run.resultFile, "utf8")) as ReportResult };
}

/** The shared report: every notebook, out/ in a temporary folder. */
export function sharedReport(): Promise<{ dir: string; result: ReportResult }> {
  return waitFor(inject("report"));
}

/** A second report of the same notebooks, run independently beside the first (for the determinism test). */
export function secondReport(): Promise<{ dir: string; result: ReportResult }> {
  return waitFor(inject("secondReport"));
}
