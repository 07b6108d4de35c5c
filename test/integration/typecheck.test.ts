/**
 * The type check of `npm test`: src/ and test/ under the strict options of test/tsconfig.json
 * (`npm run typecheck`), run as a test so that it shares the cores with the others instead of
 * running before them. `tsc -b` checks nothing again when no input changed since the last pass.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../src/data/paths";

describe("npm run typecheck", () => {
  it("src/ and test/ type-check under the strict options, with no error", () => {
    const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
    const r = spawnSync(process.execPath, [tsc, "-b", path.join(ROOT, "test", "tsconfig.json")], { cwd: ROOT, encoding: "utf8" });
    expect(`${r.stdout}${r.stderr}`.trim()).toBe("");
    expect(r.status).toBe(0);
  });
});
