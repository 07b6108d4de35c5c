/**
 * `npm run bench` (issue 8): how long the report, the notebooks and the tests take, how big the
 * exported files are and how fast a chart appears in a browser, beside the issue's targets.
 *   --runs N         repetitions of every timing (default 3; the whole test suite and the cold
 *                    start run once)
 *   --skip-tests     leave out the unit tests, the whole test suite and the cold start
 *   NOTEBOOK...      time only these notebooks (default every notebooks/*.ipynb); the floor has
 *                    as many one-cell notebooks
 * Prints progress to stderr and ONE table to stdout, and writes the same figures to
 * out/bench.json (atomically; nothing else in out/ is touched). Every report runs into a
 * temporary folder through runReport(), exactly the report's path (Python, nbclient, the tslab
 * kernels, nbconvert). The targets are shown, never asserted: timings depend on the machine and
 * on whatever else shares its cores. Exits 1 only when something could not be measured (a
 * failing report); a missed target still exits 0.
 */
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { chartBytesInPage, diskUsage, formatRange, formatValue, meetsTarget, renderTable, summarize, targetMark, type BenchUnit, type Target } from "../report/bench";
import { writeFileAtomic } from "../data/fsutil";
import { NOTEBOOKS_DIR, OUT_DIR, ROOT, VENV_DIR } from "../data/paths";
import { listNotebooks, runReport, type ReportResult } from "../report/report";

/** Same browser and flags as the browser tests (test/support/browser.ts). */
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];

interface Options {
  runs: number;
  skipTests: boolean;
  /** The notebooks to time, or undefined for every notebooks/*.ipynb. */
  notebooks?: string[];
}

interface Row {
  measure: string;
  unit: BenchUnit;
  values: number[];
  target?: Target;
  note?: string;
}

const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);
const since = (t0: number) => (performance.now() - t0) / 1000;
const round = (v: number, unit: BenchUnit) => (unit === "bytes" ? Math.round(v) : Math.round(v * 1000) / 1000);

function parseArgs(argv: string[]): Options {
  const opts: Options = { runs: 3, skipTests: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--skip-tests") opts.skipTests = true;
    else if (a === "--runs") {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) throw new Error(`bench: invalid --runs: ${argv[i]} (a whole number, 1 or more; 3 or more for a range)`);
      opts.runs = n;
    } else if (a.startsWith("--")) throw new Error(`bench: unknown option ${a}`);
    else opts.notebooks = [...(opts.notebooks ?? []), path.resolve(a)];
  }
  return opts;
}

/** A notebook with one code cell on the project's kernel (no markdown: the floor is one cell). */
function oneCellNotebook(source: string): string {
  const nb = {
    cells: [{ cell_type: "code", id: "cell-1", metadata: {}, execution_count: null, outputs: [], source: [source] }],
    metadata: { kernelspec: { name: "selloff-lab", display_name: "TypeScript (selloff-lab)", language: "typescript" } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return JSON.stringify(nb, null, 1) + "\n";
}

/** Runs the report on `notebooks` into a fresh folder under `scratch`; throws if it failed. */
async function timedReport(notebooks: string[], scratch: string, label: string): Promise<{ seconds: number; result: ReportResult; outDir: string }> {
  const outDir = fs.mkdtempSync(path.join(scratch, `${label}-`));
  fs.rmSync(outDir, { recursive: true, force: true }); // runReport builds beside it and renames
  const t0 = performance.now();
  const result = await runReport({ notebooks, outDir, log: () => {} });
  const seconds = since(t0);
  if (!result.ok) throw new Error(`bench: the ${label} report failed:\n${result.problems.join("\n")}`);
  return { seconds, result, outDir };
}

/** Wall time of a command run from the project root (or `cwd`), and whether it succeeded. */
function timedCommand(cmd: string, args: string[], cwd: string = ROOT): Promise<{ seconds: number; code: number | null; tail: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    // without npm's variables of this run, so that a nested `npm` acts as if typed in `cwd`
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|INIT_CWD$)/.test(k)));
    const child = spawn(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...env, FORCE_COLOR: "0" } });
    let tail = "";
    const keep = (d: Buffer) => (tail = (tail + d.toString()).slice(-4000));
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", reject);
    child.on("close", (code) => resolve({ seconds: since(t0), code, tail }));
  });
}

/**
 * Milliseconds from navigation start to the first `.selloff-chart svg.main-svg` in the page,
 * opened from file:// in a fresh offline context (every non-file request aborted), as measured
 * by performance.now() inside the page.
 */
async function timeToFirstChart(browser: import("playwright-core").Browser, file: string): Promise<number> {
  const context = await browser.newContext({ offline: true });
  try {
    await context.route("**/*", (route) => (route.request().url().startsWith("file://") ? route.continue() : route.abort()));
    await context.addInitScript(() => {
      const w = window as unknown as { __firstChart?: number };
      const check = () => {
        if (w.__firstChart === undefined && document.querySelector(".selloff-chart svg.main-svg")) {
          w.__firstChart = performance.now();
          observer.disconnect();
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { childList: true, subtree: true });
    });
    const tab = await context.newPage();
    await tab.goto(pathToFileURL(file).href, { waitUntil: "load" });
    await tab.waitForFunction(() => (window as unknown as { __firstChart?: number }).__firstChart !== undefined, null, { timeout: 60_000 });
    return await tab.evaluate(() => (window as unknown as { __firstChart: number }).__firstChart);
  } finally {
    await context.close();
  }
}

/**
 * The quick start on a fresh copy of the project (the files git would commit: no node_modules,
 * .venv, dist or out): `npm ci`, then `npm run report`, each timed. The npm, pip and uv caches
 * are the machine's, as they are; nothing is shared with this checkout.
 */
async function coldStart(scratch: string): Promise<{ ci: number; report: number; failed?: string }> {
  const copy = path.join(scratch, "cold", "selloff-lab");
  const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" });
  const files = listed.status === 0 ? listed.stdout.split("\0").filter(Boolean) : [];
  if (files.length === 0) return { ci: NaN, report: NaN, failed: "no git here to list the project's files" };
  for (const f of files) {
    if (!fs.existsSync(path.join(ROOT, f))) continue;
    fs.mkdirSync(path.dirname(path.join(copy, f)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, f), path.join(copy, f));
  }
  const ci = await timedCommand("npm", ["ci", "--no-audit", "--no-fund"], copy);
  if (ci.code !== 0) return { ci: ci.seconds, report: NaN, failed: `npm ci exited with ${ci.code}:\n${ci.tail}` };
  const report = await timedCommand("npm", ["run", "report", "--", "--out", path.join(scratch, "cold", "out")], copy);
  return { ci: ci.seconds, report: report.seconds, ...(report.code === 0 ? {} : { failed: `npm run report exited with ${report.code}:\n${report.tail}` }) };
}

function listHtml(dir: string): string[] {
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".html"))
        .sort()
    : [];
}

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  const loadStart = os.loadavg();
  const notebooks = opts.notebooks ?? listNotebooks(NOTEBOOKS_DIR);
  if (notebooks.length === 0) throw new Error(`bench: no notebooks in ${NOTEBOOKS_DIR}`);
  for (const nb of notebooks) if (!fs.existsSync(nb)) throw new Error(`bench: no such notebook: ${nb}`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "selloff-bench-"));
  const rows: Row[] = [];
  const notes: string[] = [];
  try {
    // the floor: as many one-cell notebooks as the report has, and what a notebook's first table costs
    const gen = path.join(scratch, "notebooks");
    fs.mkdirSync(gen);
    const trivial = notebooks.map((_, i) => {
      const f = path.join(gen, `trivial-${String(i + 1).padStart(2, "0")}.ipynb`);
      fs.writeFileSync(f, oneCellNotebook("console.log(1);"));
      return f;
    });
    // the import notebooks use and the first figures table (analysis loaded, danfojs-node loaded,
    // the DataFrame built); an absolute path, since the generated notebooks sit outside the project
    const firstTable = path.join(gen, "first-table.ipynb");
    fs.writeFileSync(firstTable, oneCellNotebook(`import { figures } from ${JSON.stringify(path.join(ROOT, "dist", "notebook"))};\nconsole.log(figures().shape);`));

    const floor: number[] = [];
    const report: number[] = [];
    const ratio: number[] = [];
    const perNotebook = new Map<string, number[]>();
    const trivialOne: number[] = [];
    const firstTableCost: number[] = [];
    let lastOut = "";
    for (let r = 1; r <= opts.runs; r++) {
      progress(`run ${r}/${opts.runs}: floor (${trivial.length} one-cell notebook${trivial.length === 1 ? "" : "s"})`);
      const f = await timedReport(trivial, scratch, "floor");
      progress(`run ${r}/${opts.runs}: full report (${notebooks.length} notebook${notebooks.length === 1 ? "" : "s"})`);
      const full = await timedReport(notebooks, scratch, "report");
      progress(`run ${r}/${opts.runs}: first-table notebook`);
      const d = await timedReport([firstTable], scratch, "first-table");
      // the per-notebook floor: one trivial notebook alone, as the first-table notebook ran alone
      const single = trivial.length === 1 ? f : await timedReport([trivial[0]], scratch, "single");
      floor.push(f.seconds);
      report.push(full.seconds);
      ratio.push(full.seconds / f.seconds);
      for (const run of full.result.runs) {
        const name = path.basename(run.notebook, ".ipynb");
        perNotebook.set(name, [...(perNotebook.get(name) ?? []), run.seconds]);
      }
      trivialOne.push(single.result.runs[0].seconds);
      firstTableCost.push(d.result.runs[0].seconds - single.result.runs[0].seconds);
      for (const o of [f, d, single]) fs.rmSync(o.outDir, { recursive: true, force: true });
      if (lastOut) fs.rmSync(lastOut, { recursive: true, force: true });
      lastOut = full.outDir;
      progress(`run ${r}/${opts.runs}: floor ${f.seconds.toFixed(1)} s, report ${full.seconds.toFixed(1)} s, first table ${d.result.runs[0].seconds.toFixed(1)} s`);
    }
    const n = notebooks.length;
    rows.push({ measure: `floor: ${n} one-cell notebook${n === 1 ? "" : "s"} through runReport()`, unit: "s", values: floor });
    rows.push({ measure: "full report (runReport(), temp out dir)", unit: "s", values: report, target: { limit: 20, text: "≤ 20 s" } });
    rows.push({ measure: "full report / floor", unit: "ratio", values: ratio, target: { limit: 1.3, text: "≤ 1.3x floor" }, note: "ratio of each run" });
    for (const [name, v] of [...perNotebook].sort(([a], [b]) => a.localeCompare(b))) rows.push({ measure: `  notebook ${name} (execution)`, unit: "s", values: v });
    rows.push({ measure: "  one-cell notebook (execution, alone)", unit: "s", values: trivialOne });
    rows.push({ measure: "  import dist/notebook + first figures() in kernel", unit: "s", values: firstTableCost, note: "minus the one-cell notebook" });

    // tests
    if (opts.skipTests) notes.push("tests left out (--skip-tests)");
    else {
      // a failing test run is timed all the same (and said so): the bench measures, the suite judges
      const timedScript = async (script: string, what: string): Promise<{ values: number[]; note?: string }> => {
        const values: number[] = [];
        const failed: string[] = [];
        for (let r = 1; r <= opts.runs; r++) {
          progress(`run ${r}/${opts.runs}: ${what}`);
          const t = await timedCommand("npm", ["run", script]);
          if (t.code !== 0) {
            failed.push(`run ${r} exit ${t.code}`);
            progress(`the ${what} failed (exit ${t.code}); their time is still shown:\n${t.tail}`);
          }
          values.push(t.seconds);
        }
        return { values, ...(failed.length ? { note: `FAILED (${failed.join(", ")})` } : {}) };
      };
      rows.push({ measure: "unit tests (npm run test:unit)", unit: "s", ...(await timedScript("test:unit", "unit tests")), target: { limit: 5, text: "≤ 5 s" } });
      // the whole-data tests (the mutation test, the extractor's recall): no target of their own, timed so that they cannot grow unseen
      rows.push({ measure: "data tests (npm run test:data)", unit: "s", ...(await timedScript("test:data", "data tests")) });
      progress("whole test suite (once; takes minutes)");
      const all = await timedCommand("npm", ["test"]);
      rows.push({
        measure: "whole test suite (npm test)",
        unit: "s",
        values: [all.seconds],
        target: { limit: 180, text: "≤ 180 s" },
        note: all.code === 0 ? "run once" : `run once; FAILED (exit ${all.code})`,
      });
      if (all.code !== 0) progress(`the whole suite failed (exit ${all.code}); its time is still shown:\n${all.tail}`);
      progress("cold start: npm ci && npm run report on a fresh copy (once)");
      const cold = await coldStart(scratch);
      if (cold.failed) progress(`the cold start failed; its time is still shown:\n${cold.failed}`);
      if (Number.isFinite(cold.ci + cold.report)) {
        const note = `fresh copy, caches as they are${cold.failed ? "; FAILED" : ""}`;
        rows.push({ measure: "cold start: npm ci && npm run report", unit: "s", values: [cold.ci + cold.report], target: { limit: 60, text: "≤ 60 s" }, note });
        rows.push({ measure: "  npm ci", unit: "s", values: [cold.ci] });
        rows.push({ measure: "  npm run report (build, setup with .venv, report)", unit: "s", values: [cold.report] });
      } else notes.push(`cold start not measured: ${cold.failed}`);
    }

    // sizes of the last full report
    const size = (f: string) => fs.statSync(f).size;
    const plotlyBytes = size(path.join(lastOut, "assets", "plotly.min.js"));
    rows.push({ measure: "out/ total (bytes of every file)", unit: "bytes", values: [sumSizes(lastOut)] });
    rows.push({ measure: "  assets/plotly.min.js (full bundle, for pages that need it)", unit: "bytes", values: [plotlyBytes] });
    rows.push({ measure: "  assets/plotly-basic.min.js (pages with bar, pie, scatter only)", unit: "bytes", values: [size(path.join(lastOut, "assets", "plotly-basic.min.js"))] });
    for (const f of listHtml(path.join(lastOut, "notebooks"))) {
      const html = fs.readFileSync(path.join(lastOut, "notebooks", f), "utf8");
      const charts = chartBytesInPage(html);
      rows.push({ measure: `  notebooks/${f}`, unit: "bytes", values: [Buffer.byteLength(html)], note: `${charts.length} chart${charts.length === 1 ? "" : "s"}` });
      if (charts.length > 0) {
        rows.push({ measure: `    largest chart in that page`, unit: "bytes", values: [Math.max(...charts)], target: { limit: 100_000, text: "< 100 KB/chart" }, note: "placeholder + figure JSON" });
      }
    }
    for (const f of listHtml(path.join(lastOut, "charts"))) {
      rows.push({ measure: `  charts/${f}`, unit: "bytes", values: [size(path.join(lastOut, "charts", f))], target: { limit: 5_000_000, text: "< 5 MB" } });
    }

    // time to first drawn chart
    const chartPage = listHtml(path.join(lastOut, "charts")).map((f) => path.join(lastOut, "charts", f))[0];
    const nbPage = listHtml(path.join(lastOut, "notebooks"))
      .map((f) => path.join(lastOut, "notebooks", f))
      .find((f) => chartBytesInPage(fs.readFileSync(f, "utf8")).length > 0);
    if (!fs.existsSync(CHROMIUM)) notes.push(`time to first chart not measured: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
    else if (!chartPage || !nbPage) notes.push("time to first chart not measured: the report drew no chart");
    else {
      const { chromium } = await import("playwright-core");
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, headless: true });
      try {
        for (const [label, file] of [
          ["chart file", chartPage],
          ["notebook page", nbPage],
        ] as const) {
          const ms: number[] = [];
          for (let r = 1; r <= opts.runs; r++) {
            progress(`run ${r}/${opts.runs}: first chart in ${path.relative(lastOut, file)}`);
            ms.push((await timeToFirstChart(browser, file)) / 1000);
          }
          rows.push({ measure: `first chart drawn: ${label} ${path.relative(lastOut, file)}`, unit: "s", values: ms, target: { limit: 1.0, text: "≤ 1.0 s" }, note: "headless Chromium, file://" });
        }
      } finally {
        await browser.close();
      }
    }
    fs.rmSync(lastOut, { recursive: true, force: true });

    // the installed dependencies
    progress("sizing node_modules/ and .venv/");
    rows.push({ measure: "node_modules/ on disk", unit: "bytes", values: [diskUsage(path.join(ROOT, "node_modules")).bytes], note: "like du -s" });
    rows.push({ measure: ".venv/ on disk", unit: "bytes", values: [diskUsage(VENV_DIR).bytes], note: "like du -s" });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }

  const loadEnd = os.loadavg();
  const table = tableOf(rows);
  const header = `selloff-lab bench: ${opts.runs} run${opts.runs === 1 ? "" : "s"} per timing, ${os.cpus().length} cores, load average ${loadStart[0].toFixed(2)} at start, ${loadEnd[0].toFixed(2)} at end`;
  const footer = [
    "median and range (min–max) over the runs; sizes are of the last full report; KB and MB are 1000-based.",
    "Timings depend on what else shares the cores: a load average near the core count means noisy figures.",
    ...notes,
  ];
  console.log([header, "", table, "", ...footer].join("\n"));

  fs.mkdirSync(OUT_DIR, { recursive: true });
  const json = {
    runs: opts.runs,
    cores: os.cpus().length,
    loadAverage: { start: round(loadStart[0], "s"), end: round(loadEnd[0], "s") },
    rows: rows.map((r) => {
      const s = summarize(r.values);
      return {
        measure: r.measure.trim(),
        unit: r.unit === "bytes" ? "bytes" : r.unit === "s" ? "seconds" : "ratio",
        values: r.values.map((v) => round(v, r.unit)),
        median: round(s.median, r.unit),
        min: round(s.min, r.unit),
        max: round(s.max, r.unit),
        ...(r.target ? { target: r.target.text, limit: r.target.limit, met: meetsTarget(s.median, r.target) } : {}),
        ...(r.note ? { note: r.note } : {}),
      };
    }),
    notes,
  };
  const file = path.join(OUT_DIR, "bench.json");
  writeFileAtomic(file, JSON.stringify(json, null, 2) + "\n");
  progress(`wrote ${path.relative(ROOT, file)}`);
  return 0;
}

/** Sum of the sizes of every file below `dir` (what copying the folder would transfer). */
function sumSizes(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? sumSizes(p) : fs.statSync(p).size;
  }
  return total;
}

function tableOf(rows: Row[]): string {
  const header = ["measure", "median", "range (min–max)", "n", "target", "met", "note"];
  const cells = rows.map((r) => {
    const s = summarize(r.values);
    return [
      r.measure,
      formatValue(s.median, r.unit),
      formatRange(s, r.unit),
      String(s.n),
      r.target?.text ?? "",
      r.target ? targetMark(meetsTarget(s.median, r.target)) : "",
      r.note ?? "",
    ];
  });
  return renderTable(header, cells, ["median", "range (min–max)", "n"]);
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error((e as Error).message);
    process.exit(1);
  },
);
