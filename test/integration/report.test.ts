/**
 * The main job end to end: every notebook through the real tslab kernel, HTML for every page
 * and chart, committed outputs current, reruns byte-identical, failures loud and harmless.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHART_MIME } from "../../src/render/display";
import { PLOTLY_BASIC_ASSET, basicBundleDraws } from "../../src/report/export";
import { listNotebooks, notebookFigures, runReport } from "../../src/report/report";
import { ROOT } from "../../src/data/paths";
import { hashTree, listFiles, makeNotebook } from "../support/files";
import { secondReport, sharedReport } from "../support/shared-report";

const notebooks = listNotebooks();
let scratch = "";
/** The shared report, run by the global setup (test/support/global-report.ts) while other files ran. */
let report: Awaited<ReturnType<typeof sharedReport>>;

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "selloff-it-"));
  report = await sharedReport();
});
afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

type Output = { output_type: string; data?: Record<string, unknown>; text?: string | string[]; name?: string };
type Cell = { cell_type: string; id?: string; source: string | string[]; outputs?: Output[]; execution_count?: number | null };
const readNb = (f: string) => JSON.parse(fs.readFileSync(f, "utf8")) as { cells: Cell[] };
const join = (s: string | string[] | undefined) => (Array.isArray(s) ? s.join("") : (s ?? ""));

describe("npm run report", () => {
  it("executes every notebook through the tslab kernel without an error", () => {
    expect(report.result.problems).toEqual([]);
    expect(report.result.ok).toBe(true);
    expect(report.result.runs.map((r) => path.basename(r.notebook))).toEqual(notebooks.map((n) => path.basename(n)));
    for (const r of report.result.runs) expect(r.ok, `${r.notebook}: ${JSON.stringify(r.error)}`).toBe(true);
  });

  it("writes an HTML page and an executed copy per notebook, and the gallery links them all", () => {
    const files = listFiles(report.dir);
    const index = fs.readFileSync(path.join(report.dir, "index.html"), "utf8");
    for (const nb of notebooks) {
      const name = path.basename(nb, ".ipynb");
      expect(files).toContain(`notebooks/${name}.html`);
      expect(files).toContain(`notebooks/${name}.ipynb`);
      expect(index).toContain(`href="notebooks/${name}.html"`);
    }
    expect(files).toContain("assets/plotly.min.js");
    expect(files).toContain("assets/selloff-charts.js");
  });

  it("exports every chart a notebook draws to out/charts/<chart-id>.html, listed in the gallery", () => {
    const index = fs.readFileSync(path.join(report.dir, "index.html"), "utf8");
    let total = 0;
    for (const nb of notebooks) {
      const figs = notebookFigures(readNb(path.join(report.dir, "notebooks", path.basename(nb))) as never);
      for (const fig of figs) {
        const id = (fig.layout?.meta as { chart: { id: string } }).chart.id;
        expect(id, `${nb}: a chart without layout.meta.chart.id`).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(fs.existsSync(path.join(report.dir, "charts", `${id}.html`))).toBe(true);
        expect(index).toContain(`href="charts/${id}.html"`);
        total++;
      }
    }
    expect(total).toBeGreaterThan(0);
    expect(listFiles(path.join(report.dir, "charts"))).toHaveLength(total);
  });

  it("each notebook page loads the plotly.js its charts need: the basic bundle when it draws them all, none without a chart", () => {
    expect(listFiles(report.dir)).toContain(`assets/${PLOTLY_BASIC_ASSET}`);
    for (const nb of notebooks) {
      const name = path.basename(nb, ".ipynb");
      const figs = notebookFigures(readNb(path.join(report.dir, "notebooks", `${name}.ipynb`)) as never);
      const scripts = [...fs.readFileSync(path.join(report.dir, "notebooks", `${name}.html`), "utf8").matchAll(/<script src="\.\.\/assets\/([^"]+)"/g)].map((m) => m[1]);
      const want = figs.length === 0 ? [] : [basicBundleDraws(figs) ? PLOTLY_BASIC_ASSET : "plotly.min.js", "selloff-charts.js"];
      expect(scripts, name).toEqual(want);
    }
  });

  it("exported pages load nothing from the network: no http(s) script, link or image", () => {
    for (const f of listFiles(report.dir).filter((f) => f.endsWith(".html"))) {
      const html = fs.readFileSync(path.join(report.dir, f), "utf8");
      expect(html, f).not.toMatch(/<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    }
  });

  it("the committed notebook outputs are the ones a fresh execution produces", () => {
    for (const nb of notebooks) {
      const committed = readNb(nb);
      const fresh = readNb(path.join(report.dir, "notebooks", path.basename(nb)));
      expect(fresh.cells.length, `${path.basename(nb)}: cell count`).toBe(committed.cells.length);
      committed.cells.forEach((cell, i) => {
        const where = `${path.basename(nb)} cell ${i + 1} (run \`npm run refresh\` to update the committed outputs)`;
        expect(join(fresh.cells[i].source), `${where}: source`).toBe(join(cell.source));
        if (cell.cell_type !== "code") return;
        expect(cell.execution_count, `${where}: execution count`).toBe(fresh.cells[i].execution_count);
        expect(JSON.stringify(cell.outputs, null, 1), where).toBe(JSON.stringify(fresh.cells[i].outputs, null, 1));
      });
    }
  });

  it("no notebook writes noise (warnings, banners, stderr) into its outputs", () => {
    for (const nb of notebooks) {
      for (const [i, cell] of readNb(nb).cells.entries()) {
        for (const o of cell.outputs ?? []) {
          const where = `${path.basename(nb)} cell ${i + 1}`;
          expect(o.output_type, where).not.toBe("error");
          expect(o.name, where).not.toBe("stderr");
          expect(join(o.text), where).not.toMatch(/warn|deprecat|tensorflow|Hi there/i);
        }
      }
    }
  });

  it("charts are stored as plotly JSON, which JupyterLab draws even in an untrusted notebook", () => {
    const withCharts = notebooks.filter((nb) => notebookFigures(readNb(nb) as never).length > 0);
    expect(withCharts.length).toBeGreaterThan(0);
    for (const nb of withCharts) {
      for (const cell of readNb(nb).cells) {
        for (const o of cell.outputs ?? []) {
          if (o.data && CHART_MIME in o.data) expect(typeof o.data[CHART_MIME], nb).toBe("object");
        }
      }
    }
  });

  it("running the report twice gives byte-identical files", async () => {
    // the second run: the same notebooks, run by the global setup beside the first, one kernel at a time
    const second = await secondReport();
    expect(second.result.problems).toEqual([]);
    const a = hashTree(report.dir);
    const b = hashTree(second.dir);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const f of Object.keys(a)) expect(b[f], `${f} differs between two runs`).toBe(a[f]);
  });
});

describe("a failing run", () => {
  const reportCli = (args: string[]) => spawnSync("node", [path.join(ROOT, "dist", "cli", "report.js"), ...args], { cwd: ROOT, encoding: "utf8" });

  it("exits non-zero, names the notebook, the cell and the error, and leaves out/ exactly as it was", () => {
    const dir = path.join(scratch, "broken");
    fs.mkdirSync(dir, { recursive: true });
    const nb = path.join(dir, "99-broken.ipynb");
    fs.writeFileSync(nb, makeNotebook(["const fine = 1;\nconsole.log(fine);", 'throw new Error("the ledger row is bad");']));
    const out = path.join(scratch, "out-kept");
    fs.mkdirSync(path.join(out, "notebooks"), { recursive: true });
    fs.writeFileSync(path.join(out, "index.html"), "previous report\n");
    fs.writeFileSync(path.join(out, "notebooks", "00-old.html"), "previous page\n");
    const before = hashTree(out);

    const r = reportCli(["--out", out, nb]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/99-broken\.ipynb: cell 3 failed/);
    expect(r.stderr).toMatch(/the ledger row is bad/);
    expect(hashTree(out)).toEqual(before);
    expect(fs.readdirSync(scratch).filter((f) => f.startsWith("out-kept.tmp"))).toEqual([]);
  });

  /**
   * One report run (one Python process, two kernels) for two notebooks: a type error, and a cell
   * that strict null checks would reject, beside a tsconfig.json asking for them (issue 16).
   */
  let typeRun: ReturnType<typeof reportCli> | undefined;
  const typeNotebooks = () => {
    if (typeRun) return typeRun;
    const dir = path.join(scratch, "typeerr");
    fs.mkdirSync(dir, { recursive: true });
    const nb = path.join(dir, "98-type-error.ipynb");
    fs.writeFileSync(nb, makeNotebook(['const n: number = "not a number";']));
    // the project's strictness, where a TypeScript tool looks for it: tsconfig.json in the kernel's folder
    fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true } }));
    const loose = path.join(dir, "94-not-strict.ipynb");
    fs.writeFileSync(
      loose,
      makeNotebook([
        `const x: number | null = null as any;\nif (process.cwd() !== ${JSON.stringify(dir)}) throw new Error("kernel folder " + process.cwd());\nx.toFixed(0);`,
      ]),
    );
    typeRun = reportCli(["--out", path.join(scratch, "out-typeerr"), nb, loose]);
    return typeRun;
  };

  it("a type error in a cell fails the run too (tslab reports it as stderr text)", () => {
    const r = typeNotebooks();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/98-type-error\.ipynb: cell 2 failed/);
    expect(r.stderr).toMatch(/not assignable to type 'number'/);
    expect(fs.existsSync(path.join(scratch, "out-typeerr"))).toBe(false);
  });

  it("notebook cells are not strict: tslab 1.0.22 ignores a tsconfig.json with strict, so a possibly-null use fails only at run time (README)", () => {
    const r = typeNotebooks();
    // under strict null checks the cell would not compile ("'x' is possibly 'null'"); tslab
    // compiles it with its own fixed options and it fails when it runs
    expect(r.stderr).toMatch(/94-not-strict\.ipynb: cell 2 failed[\s\S]*TypeError: Cannot read properties of null \(reading 'toFixed'\)/);
    expect(r.stderr).not.toMatch(/possibly 'null'/);
  });

  it("a hanging cell is stopped by the per-cell timeout with a clear message", () => {
    const dir = path.join(scratch, "hang");
    fs.mkdirSync(dir, { recursive: true });
    const nb = path.join(dir, "97-hang.ipynb");
    fs.writeFileSync(nb, makeNotebook(["await new Promise(() => {});"]));
    const r = reportCli(["--out", path.join(scratch, "out-hang"), "--timeout", "5", nb]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/97-hang\.ipynb: cell 2 timed out/);
  });

  it("refresh never half-writes a notebook: a failing one is left untouched, a passing one is replaced whole", () => {
    const dir = path.join(scratch, "refresh");
    fs.mkdirSync(dir, { recursive: true });
    const bad = path.join(dir, "96-bad.ipynb");
    const good = path.join(dir, "95-good.ipynb");
    fs.writeFileSync(bad, makeNotebook(['throw new Error("nope");']));
    fs.writeFileSync(good, makeNotebook(['console.log("six times seven is", 6 * 7);']));
    const badBefore = fs.readFileSync(bad, "utf8");
    const goodBefore = fs.readFileSync(good, "utf8");

    const failing = reportCli(["--refresh", "--out", path.join(scratch, "out-refresh"), good, bad]);
    expect(failing.status).toBe(1);
    expect(fs.readFileSync(bad, "utf8")).toBe(badBefore);
    // one notebook failed, so none is written back
    expect(fs.readFileSync(good, "utf8")).toBe(goodBefore);

    const passing = reportCli(["--refresh", "--out", path.join(scratch, "out-refresh"), good]);
    expect(passing.status, passing.stderr).toBe(0);
    const refreshed = readNb(good);
    expect(join(refreshed.cells[1].outputs?.[0].text)).toBe("six times seven is 42\n");
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
