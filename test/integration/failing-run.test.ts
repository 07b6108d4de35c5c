/**
 * Failures are loud and harmless (issue 7): a failing cell, a type error, a hanging cell and a
 * failing refresh each stop the report with the notebook, the cell and the error, and leave
 * out/ and notebooks/ as they were. The notebooks are tiny fixtures (one or two cells), not the
 * real ones: what is tested is the pipeline's handling of a failure, which the fixture exercises
 * as fully and in a few seconds. The first three failures share one report run (one Python
 * process, kernels two at a time), as the report runs several notebooks.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../src/data/paths";
import { hashTree, makeNotebook } from "../support/files";

let scratch = "";
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "selloff-fail-"));
});
afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

type Cell = { cell_type: string; outputs?: { text?: string | string[] }[] };
const readNb = (f: string) => JSON.parse(fs.readFileSync(f, "utf8")) as { cells: Cell[] };
const join = (s: string | string[] | undefined) => (Array.isArray(s) ? s.join("") : (s ?? ""));
const reportCli = (args: string[]) => spawnSync("node", [path.join(ROOT, "dist", "cli", "report.js"), ...args], { cwd: ROOT, encoding: "utf8" });

describe("a failing run", () => {
  /**
   * One report run of four notebooks, each in a folder of its own: a cell that throws, a type
   * error and a cell that strict null checks would reject beside a tsconfig.json asking for them
   * (issue 16), and a cell that never ends (--timeout 5), into an out/ that holds a previous report.
   */
  let run: (ReturnType<typeof reportCli> & { before: Record<string, string>; out: string }) | undefined;
  const failingRun = () => {
    if (run) return run;
    const nb = (dir: string, name: string, cells: string[]) => {
      fs.mkdirSync(path.join(scratch, dir), { recursive: true });
      const file = path.join(scratch, dir, name);
      fs.writeFileSync(file, makeNotebook(cells));
      return file;
    };
    const broken = nb("broken", "99-broken.ipynb", ["const fine = 1;\nconsole.log(fine);", 'throw new Error("the ledger row is bad");']);
    const typeErr = nb("typeerr", "98-type-error.ipynb", ['const n: number = "not a number";']);
    // the project's strictness, where a TypeScript tool looks for it: tsconfig.json in the kernel's folder
    fs.writeFileSync(path.join(scratch, "typeerr", "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true } }));
    const typeDir = path.join(scratch, "typeerr");
    const loose = nb("typeerr", "94-not-strict.ipynb", [`const x: number | null = null as any;\nif (process.cwd() !== ${JSON.stringify(typeDir)}) throw new Error("kernel folder " + process.cwd());\nx.toFixed(0);`]);
    const hang = nb("hang", "97-hang.ipynb", ["await new Promise(() => {});"]);
    const out = path.join(scratch, "out-kept");
    fs.mkdirSync(path.join(out, "notebooks"), { recursive: true });
    fs.writeFileSync(path.join(out, "index.html"), "previous report\n");
    fs.writeFileSync(path.join(out, "notebooks", "00-old.html"), "previous page\n");
    const before = hashTree(out);
    run = { ...reportCli(["--out", out, "--timeout", "5", broken, typeErr, loose, hang]), before, out };
    return run;
  };

  it("exits non-zero, names the notebook, the cell and the error, and leaves out/ exactly as it was", () => {
    const r = failingRun();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/99-broken\.ipynb: cell 3 failed/);
    expect(r.stderr).toMatch(/the ledger row is bad/);
    expect(hashTree(r.out)).toEqual(r.before);
    expect(fs.readdirSync(scratch).filter((f) => f.startsWith("out-kept.tmp"))).toEqual([]);
  });

  it("a type error in a cell fails the run too (tslab reports it as stderr text)", () => {
    const r = failingRun();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/98-type-error\.ipynb: cell 2 failed/);
    expect(r.stderr).toMatch(/not assignable to type 'number'/);
  });

  it("notebook cells are not strict: tslab 1.0.22 ignores a tsconfig.json with strict, so a possibly-null use fails only at run time (README)", () => {
    const r = failingRun();
    // under strict null checks the cell would not compile ("'x' is possibly 'null'"); tslab
    // compiles it with its own fixed options and it fails when it runs
    expect(r.stderr).toMatch(/94-not-strict\.ipynb: cell 2 failed[\s\S]*TypeError: Cannot read properties of null \(reading 'toFixed'\)/);
    expect(r.stderr).not.toMatch(/possibly 'null'/);
  });

  it("a hanging cell is stopped by the per-cell timeout with a clear message", () => {
    const r = failingRun();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/97-hang\.ipynb: cell 2 timed out/);
  });

  it("refresh never half-writes a notebook: a failing one is left untouched, a passing one is replaced whole; a failed run creates no out/", () => {
    const dir = path.join(scratch, "refresh");
    fs.mkdirSync(dir, { recursive: true });
    const bad = path.join(dir, "96-bad.ipynb");
    const good = path.join(dir, "95-good.ipynb");
    fs.writeFileSync(bad, makeNotebook(['throw new Error("nope");']));
    fs.writeFileSync(good, makeNotebook(['console.log("six times seven is", 6 * 7);']));
    const badBefore = fs.readFileSync(bad, "utf8");
    const goodBefore = fs.readFileSync(good, "utf8");

    const out = path.join(scratch, "out-refresh");
    const failing = reportCli(["--refresh", "--out", out, good, bad]);
    expect(failing.status).toBe(1);
    expect(fs.readFileSync(bad, "utf8")).toBe(badBefore);
    // one notebook failed, so none is written back, and no out/ appears where there was none
    expect(fs.readFileSync(good, "utf8")).toBe(goodBefore);
    expect(fs.existsSync(out)).toBe(false);

    const passing = reportCli(["--refresh", "--out", out, good]);
    expect(passing.status, passing.stderr).toBe(0);
    const refreshed = readNb(good);
    expect(join(refreshed.cells[1].outputs?.[0].text)).toBe("six times seven is 42\n");
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
