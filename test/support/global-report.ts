/**
 * Global setup of the `e2e` project: runs the real report (every notebook through the tslab
 * kernel, HTML export) once into a temporary folder, and hands its path and result to the tests
 * with `inject("report")`. The tests never touch the user's out/ or notebooks/.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { TestProject } from "vitest/node";
import { runReport, type ReportResult } from "../../src/report/report";

declare module "vitest" {
  export interface ProvidedContext {
    report: { dir: string; result: ReportResult };
  }
}

let dir = "";

export async function setup(project: TestProject): Promise<void> {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "selloff-report-"));
  const out = path.join(dir, "out");
  const result = await runReport({ outDir: out, log: () => {} });
  project.provide("report", { dir: out, result });
}

export async function teardown(): Promise<void> {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
