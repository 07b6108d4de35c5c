/**
 * The main job end to end: every notebook through the real tslab kernel, HTML for every page
 * and chart, committed outputs current, reruns byte-identical. Failures: failing-run.test.ts.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHART_MIME } from "../../src/render/display";
import { PLOTLY_BASIC_ASSET, basicBundleDraws } from "../../src/report/export";
import { listNotebooks, notebookFigures, runReport } from "../../src/report/report";
import { hashTree, listFiles } from "../support/files";
import { figureText, htmlText, readerProblems, type Visible } from "../support/reader-text";
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

  it("what a reader sees in every chart file, the front page and an exported page is plain English: no id, unit id, snake_case key or interval notation", () => {
    // a page's text outside its scripts, and the text each embedded chart shows (test/support/reader-text.ts)
    const pageText = (file: string): Visible[] => {
      const html = fs.readFileSync(path.join(report.dir, file), "utf8");
      const charts = [...html.matchAll(/<script type="application\/json" class="selloff-chart-data"[^>]*>([\s\S]*?)<\/script>/g)];
      return [{ where: file, text: htmlText(html) }, ...charts.flatMap((m) => figureText(JSON.parse(m[1]!), `${file} chart`))];
    };
    const files = [...listFiles(report.dir).filter((f) => /^(charts|exports)\/.*\.html$/.test(f)), "index.html"];
    expect(files.filter((f) => f.startsWith("charts/")).length).toBeGreaterThan(0);
    expect(files).toContain("exports/bitcoin-prices.html");
    const problems = readerProblems(files.flatMap(pageText));
    expect(problems.map((p) => `${p.where}: ${p.kind} ${JSON.stringify(p.match)}`)).toEqual([]);
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
