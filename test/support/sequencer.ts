/**
 * The order in which vitest hands test files to its workers (unit and e2e share one pool, so
 * both cores stay busy): the longest files that need no report first, then the unit files, then
 * the files that wait for the shared report (test/support/global-report.ts starts it in the
 * background), so that no worker sits waiting while the report still has most of its way to go.
 * Within a rank, larger files first (vitest's own fallback for files it has not timed yet).
 */
import * as fs from "node:fs";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Ranks by path; a file not listed ranks with the plain unit files. */
const RANKS: [RegExp, number][] = [
  [/test\/integration\/fresh-clone\.test\.ts$/, 0],
  [/test\/data\/mutation-\d+\.test\.ts$/, 1],
  [/test\/data\/extract-measure\.test\.ts$/, 1],
  [/test\/integration\/failing-run\.test\.ts$/, 1],
  [/test\/browser\/jupyterlab\.test\.ts$/, 2],
  [/test\/unit\/examples\.test\.ts$/, 3],
  [/test\/integration\/(add-article|recipe|reliability|typecheck)\.test\.ts$/, 5],
  [/test\/integration\/report\.test\.ts$/, 6],
  [/test\/browser\/exported\.test\.ts$/, 7],
];

function rank(file: string): number {
  return RANKS.find(([re]) => re.test(file.split("\\").join("/")))?.[1] ?? 4;
}

export default class RankedSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
    return [...files].sort((a, b) => rank(a.moduleId) - rank(b.moduleId) || size(b.moduleId) - size(a.moduleId) || a.moduleId.localeCompare(b.moduleId));
  }
}
