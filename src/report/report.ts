/**
 * The main job (`npm run report`): validate the data, execute every notebook through the tslab
 * kernel (one Python process, notebooks run concurrently), export each to HTML, export every
 * chart the notebooks drew as a standalone file, write the machine-readable results and the
 * gallery. Everything is built in a temporary folder beside out/ and swapped in only when all of
 * it succeeded, so a failed run leaves the previous out/ exactly as it was.
 * With `refresh`, the executed notebooks are also written back over notebooks/*.ipynb (each
 * through a temporary file and a rename, and only when every notebook succeeded).
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CHART_MIME } from "../render/display";
import { BASIC_TRACE_TYPES, CHART_BOOT_JS, PLOTLY_BASIC_ASSET, chartInfo, exportChart, galleryHtml, plotlyBasicJs, plotlyFor, plotlyMinJs, type ChartInfo, type Figure, type PageInfo } from "./export";
import { EXPORT_DIR_VARIABLE } from "./page";
import { writeFileAtomic } from "../data/fsutil";
import { NOTEBOOKS_DIR, OUT_DIR, ROOT, rel, venvPython } from "../data/paths";
import { buildResults } from "./results";
import { frontPageHtml, plainTitle } from "./front-page";
import { loadAnalysis } from "../domain/analysis";
import { publishableFindings, scoreboardRows } from "../domain/findings";
import { validateAll } from "../data/validate";


export interface ReportOptions {
  /** Notebook files to run; default every notebooks/*.ipynb in name order. */
  notebooks?: string[];
  /** Where the report goes; default out/. */
  outDir?: string;
  /** Also write the executed notebooks back over the sources. */
  refresh?: boolean;
  /** Seconds a single cell may run before it is stopped. */
  cellTimeout?: number;
  /** Kernels run at once; default the number of cores. */
  workers?: number;
  /** Where progress goes (default: console.log). */
  log?: (line: string) => void;
}

/** One notebook's outcome as reported by src/python/execute.py. */
export interface NotebookRun {
  notebook: string;
  ok: boolean;
  seconds: number;
  error?: { cell: number | null; kind: string; message: string };
}

export interface ReportResult {
  ok: boolean;
  runs: NotebookRun[];
  /** Problems that stopped the report (data errors, failing cells), one message each. */
  problems: string[];
  charts: ChartInfo[];
  seconds: number;
}

/** The notebooks the report runs by default: notebooks/*.ipynb in name order. */
export function listNotebooks(dir: string = NOTEBOOKS_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ipynb"))
    .sort()
    .map((f) => path.join(dir, f));
}

interface NotebookJson {
  cells: { cell_type: string; source: string | string[]; outputs?: { output_type: string; data?: Record<string, unknown> }[] }[];
}

/** The text of a cell's source (nbformat stores it as a string or a list of lines). */
export function cellSource(cell: { source: string | string[] }): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

/**
 * The notebook's title: the first `# ` heading of its first markdown cell, else its file name.
 * @example notebookTitle({ cells: [{ cell_type: "markdown", source: ["# Overview\n", "text"] }] }, "00-x") // => "Overview"
 */
export function notebookTitle(nb: NotebookJson, fallback: string): string {
  for (const c of nb.cells) {
    if (c.cell_type !== "markdown") continue;
    const m = /^#\s+(.+)$/m.exec(cellSource(c));
    if (m) return m[1].trim();
  }
  return fallback;
}

/** Every plotly figure a notebook displays, in order. */
export function notebookFigures(nb: NotebookJson): Figure[] {
  const figs: Figure[] = [];
  for (const c of nb.cells) for (const o of c.outputs ?? []) if (o.data && CHART_MIME in o.data) figs.push(o.data[CHART_MIME] as Figure);
  return figs;
}

/**
 * Runs src/python/execute.py on `notebooks`; `onDone` hears of each notebook as soon as the
 * executor has written it (so its charts can be exported while the others still run).
 */
function runExecutor(notebooks: string[], outDir: string, exportsDir: string, opts: ReportOptions, onDone: (run: NotebookRun) => void = () => {}): Promise<NotebookRun[]> {
  const script = path.join(ROOT, "src", "python", "execute.py");
  const args = [script, "--out", outDir, "--html", "--basic-traces", BASIC_TRACE_TYPES.join(","), "--timeout", String(opts.cellTimeout ?? 300), "--workers", String(opts.workers ?? Math.max(1, os.cpus().length)), ...notebooks];
  if (!fs.existsSync(venvPython())) return Promise.reject(new Error("report: .venv is missing; run `npm run setup` first"));
  return new Promise((resolve, reject) => {
    const child = spawn(venvPython(), args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, TZ: "UTC", PYTHONWARNINGS: "ignore", [EXPORT_DIR_VARIABLE]: exportsDir } });
    const runs: NotebookRun[] = [];
    let pending = "";
    let err = "";
    let failure: Error | undefined;
    const take = (line: string) => {
      if (!line.trim().startsWith("{")) return;
      const run = JSON.parse(line) as NotebookRun;
      runs.push(run);
      try {
        onDone(run);
      } catch (e) {
        failure ??= e as Error;
      }
    };
    child.stdout.on("data", (d) => {
      pending += d;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      lines.forEach(take);
    });
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => {
      take(pending);
      if (failure) {
        reject(failure);
        return;
      }
      if (runs.length !== notebooks.length) {
        reject(new Error(`report: the notebook executor exited with ${code} after ${runs.length} of ${notebooks.length} notebooks\n${err.trim()}`));
        return;
      }
      runs.sort((a, b) => a.notebook.localeCompare(b.notebook));
      resolve(runs);
    });
  });
}

/** Renames `tmp` over `dest`, keeping the old `dest` until the new one is in place. */
function swapIn(tmp: string, dest: string): void {
  const old = `${dest}.old-${process.pid}`;
  const had = fs.existsSync(dest);
  if (had) fs.renameSync(dest, old);
  try {
    fs.renameSync(tmp, dest);
  } catch (e) {
    if (had) fs.renameSync(old, dest);
    throw e;
  }
  if (had) fs.rmSync(old, { recursive: true, force: true });
}

/** Runs the whole report; never throws for a failing notebook or bad data, it reports them. */
export async function runReport(opts: ReportOptions = {}): Promise<ReportResult> {
  const t0 = Date.now();
  const log = opts.log ?? ((l: string) => console.log(l));
  const outDir = path.resolve(opts.outDir ?? OUT_DIR);
  const notebooks = (opts.notebooks ?? listNotebooks()).map((n) => path.resolve(n));
  const result: ReportResult = { ok: false, runs: [], problems: [], charts: [], seconds: 0 };
  const done = () => ({ ...result, seconds: (Date.now() - t0) / 1000 });

  const dataProblems = validateAll();
  if (dataProblems.length > 0) {
    result.problems = dataProblems;
    return done();
  }

  const tmp = `${outDir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(path.join(tmp, "notebooks"), { recursive: true });
  try {
    log(`report: executing ${notebooks.length} notebook${notebooks.length === 1 ? "" : "s"} through the tslab kernel`);
    // While the kernels run, this process is idle: it exports each notebook's charts as soon as
    // the notebook is done. Which notebook owns a chart id is decided afterwards, in name order.
    const plotly = plotlyMinJs();
    const plotlyBasic = plotlyBasicJs();
    const bundles = { basic: () => plotlyBasic, full: () => plotly };
    const figures = new Map<string, Figure[]>();
    const titles = new Map<string, string>();
    const exportCharts = (run: NotebookRun) => {
      if (!run.ok) return;
      const name = path.basename(run.notebook, ".ipynb");
      const executed = JSON.parse(fs.readFileSync(path.join(tmp, "notebooks", `${name}.ipynb`), "utf8")) as NotebookJson;
      const figs = notebookFigures(executed);
      figures.set(path.resolve(run.notebook), figs);
      figs.forEach((fig, k) => exportChart(fig, path.join(tmp, "charts", `${chartInfo(fig, `${name}-${k + 1}`).id}.html`), plotlyFor([fig], bundles)));
      titles.set(name, plainTitle(notebookTitle(executed, name)));
    };
    // pages a notebook exports (exportHtml) go to out/exports/, never into notebooks/
    const executing = runExecutor(notebooks, path.join(tmp, "notebooks"), path.join(tmp, "exports"), opts, exportCharts);
    // the machine-readable results and the front page's summary do not need the notebooks
    let prepared: { results: ReturnType<typeof buildResults>; summary: string } | Error;
    try {
      const analysis = loadAnalysis();
      prepared = { results: buildResults(analysis), summary: frontPageHtml(scoreboardRows(analysis), publishableFindings(analysis)) };
    } catch (e) {
      prepared = e as Error;
    }
    result.runs = await executing; // never leave the executor writing into a folder about to be removed
    if (prepared instanceof Error) throw prepared;
    const { results, summary } = prepared;
    for (const r of result.runs) {
      if (r.ok) log(`  ok   ${rel(r.notebook)} (${r.seconds.toFixed(1)} s)`);
      else {
        const where = r.error?.cell ? `cell ${r.error.cell}` : "a cell";
        const msg = `${rel(r.notebook)}: ${where} ${r.error?.kind ?? "failed"}:\n${(r.error?.message ?? "").replace(/^/gm, "    ")}`;
        result.problems.push(msg);
        log(`  FAIL ${msg}`);
      }
    }
    if (result.problems.length > 0) return done();

    // shared assets of the notebook pages
    fs.mkdirSync(path.join(tmp, "assets"), { recursive: true });
    fs.writeFileSync(path.join(tmp, "assets", "plotly.min.js"), plotly);
    fs.writeFileSync(path.join(tmp, "assets", PLOTLY_BASIC_ASSET), plotlyBasic);
    fs.writeFileSync(path.join(tmp, "assets", "selloff-charts.js"), CHART_BOOT_JS);

    // every chart the notebooks drew, as a standalone offline file (written above); ids unique
    const pages: PageInfo[] = [];
    const seen = new Map<string, string>();
    for (const nbFile of notebooks) {
      const name = path.basename(nbFile, ".ipynb");
      const charts: ChartInfo[] = [];
      (figures.get(nbFile) ?? []).forEach((fig, k) => {
        const info = chartInfo(fig, `${name}-${k + 1}`);
        if (seen.has(info.id)) {
          result.problems.push(`${rel(nbFile)}: chart id "${info.id}" is also used by ${seen.get(info.id)} (chart ids must be unique)`);
          return;
        }
        seen.set(info.id, rel(nbFile));
        charts.push(info);
      });
      pages.push({ name, title: titles.get(name) ?? name, charts });
      result.charts.push(...charts);
    }
    if (result.problems.length > 0) return done();

    // machine-readable results
    const extras: { href: string; label: string }[] = [];
    for (const [file, value, label] of results) {
      fs.writeFileSync(path.join(tmp, file), JSON.stringify(value, null, 2) + "\n");
      extras.push({ href: file, label });
    }
    const exportsDir = path.join(tmp, "exports");
    if (fs.existsSync(exportsDir)) {
      for (const f of fs.readdirSync(exportsDir).sort()) extras.push({ href: `exports/${f}`, label: `${f}: a page a notebook exported` });
    }
    fs.writeFileSync(path.join(tmp, "index.html"), galleryHtml(pages, extras, summary));

    swapIn(tmp, outDir);
    if (opts.refresh) {
      for (const nbFile of notebooks) {
        const executed = fs.readFileSync(path.join(outDir, "notebooks", path.basename(nbFile)));
        writeFileAtomic(nbFile, executed);
      }
      log(`report: refreshed ${notebooks.length} notebook${notebooks.length === 1 ? "" : "s"} in place`);
    }
    result.ok = true;
    log(`report: wrote ${rel(outDir)}/ (${pages.length} pages, ${result.charts.length} charts) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return done();
  } catch (e) {
    result.problems.push((e as Error).message);
    return done();
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
