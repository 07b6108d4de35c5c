/**
 * The notebooks in real JupyterLab (from .venv) in headless Chromium: Run All draws the plotly
 * charts, and a saved notebook reopened without running still shows them (plotly's JSON output
 * renders even in an untrusted notebook). Works on a copy of notebooks/ so nothing committed
 * is touched.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LAB_SETTINGS, labArguments } from "../../src/cli/lab-args";
import { KERNEL_DISPLAY_NAME, KERNEL_NAME, ROOT, VENV_DIR } from "../../src/data/paths";
import { listNotebooks, notebookFigures } from "../../src/report/report";
import { launch, skipBrowser } from "../support/browser";

const notebook = listNotebooks().find((nb) => notebookFigures(JSON.parse(fs.readFileSync(nb, "utf8"))).length > 0);
const name = notebook ? path.basename(notebook) : "";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForServer(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`jupyter lab exited with ${child.exitCode}:\n${log()}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`jupyter lab did not answer at ${url} within 120 s:\n${log()}`);
}

/** Runs a JupyterLab command through the app exposed in the page, failing after `ms`. */
async function command(page: Page, id: string, ms = 120_000): Promise<void> {
  const run = page.evaluate(async (cmd) => {
    const app = (window as unknown as { jupyterapp: { commands: { execute(id: string): Promise<unknown> } } }).jupyterapp;
    await app.commands.execute(cmd);
  }, id);
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`JupyterLab command ${id} did not finish within ${ms} ms`)), ms)));
  try {
    await Promise.race([run, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until the status bar says the project's kernel has started and is idle. */
const kernelIdle = (page: Page) =>
  page.waitForFunction(
    (label) => Array.from(document.querySelectorAll(".jp-StatusBar-Widget, .jp-StatusBar-TextItem")).some((e) => (e.textContent ?? "").includes(`${label} | Idle`)),
    KERNEL_DISPLAY_NAME,
    { timeout: 120_000 },
  );

/** Counts plotly SVG roots drawn inside the notebook panel. */
const countPlots = (page: Page) => page.evaluate(() => Array.from(document.querySelectorAll(".jp-NotebookPanel .js-plotly-plot")).filter((p) => p.querySelector("svg.main-svg")).length);

describe.skipIf(skipBrowser())("JupyterLab in headless Chromium", () => {
  let browser: Browser;
  let lab: ChildProcess;
  let work = "";
  let base = "";
  let api = "";
  let output = "";
  const expectedCharts = notebook ? notebookFigures(JSON.parse(fs.readFileSync(notebook, "utf8"))).length : 0;

  beforeAll(async () => {
    if (!notebook) throw new Error("no notebook draws a chart");
    // a mirror of the project: a copy of notebooks/, and links to what the notebooks read
    work = fs.mkdtempSync(path.join(os.tmpdir(), "selloff-lab-ui-"));
    fs.mkdirSync(path.join(work, "notebooks"));
    for (const nb of listNotebooks()) fs.copyFileSync(nb, path.join(work, "notebooks", path.basename(nb)));
    fs.copyFileSync(notebook, path.join(work, "notebooks", "pristine.ipynb"));
    for (const d of ["dist", "node_modules", "data"]) fs.symlinkSync(path.join(ROOT, d), path.join(work, d));
    const port = await freePort();
    const token = "selloff-test-token";
    base = `http://127.0.0.1:${port}`;
    const env = {
      ...process.env,
      TZ: "UTC",
      JUPYTER_CONFIG_DIR: path.join(work, ".jupyter-config"),
      JUPYTER_RUNTIME_DIR: path.join(work, ".jupyter-runtime"),
      JUPYTER_DATA_DIR: path.join(work, ".jupyter-data"),
      JUPYTERLAB_WORKSPACES_DIR: path.join(work, ".jupyter-workspaces"),
      JUPYTERLAB_SETTINGS_DIR: path.join(work, ".jupyter-settings"),
    };
    // JupyterLab renders only the cells in view (windowing); render them all so every chart of
    // the notebook can be counted without scrolling
    const tracker = path.join(work, ".jupyter-settings", "@jupyterlab", "notebook-extension", "tracker.jupyterlab-settings");
    fs.mkdirSync(path.dirname(tracker), { recursive: true });
    fs.writeFileSync(tracker, JSON.stringify({ windowingMode: "none" }));
    // the command line of `npm run lab` (src/cli/lab-args.ts: --allow-root as root), with this test's
    // port, token and folder; news and update checks are off by the settings `npm run setup` wrote
    const { args } = labArguments(
      ["--no-browser", `--port=${port}`, "--ip=127.0.0.1", `--IdentityProvider.token=${token}`, "--ServerApp.password=", "--LabApp.expose_app_in_browser=True"],
      process.getuid?.(),
      path.join(work, "notebooks"),
      KERNEL_NAME,
    );
    lab = spawn(path.join(VENV_DIR, "bin", "jupyter"), args, { cwd: work, env, stdio: ["ignore", "pipe", "pipe"] });
    lab.stdout!.on("data", (d) => (output += d));
    lab.stderr!.on("data", (d) => (output += d));
    await waitForServer(`${base}/api/status?token=${token}`, lab, () => output);
    browser = await launch();
    // each page opens in a workspace of its own, so no page restores another one's layout
    api = `${base}/lab/api/settings/%ID%?token=${token}`;
    base = `${base}/lab/workspaces/%WS%/tree/%PATH%?token=${token}`;
  });

  afterAll(async () => {
    await browser?.close();
    if (lab && lab.exitCode === null) {
      lab.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 1000));
      if (lab.exitCode === null) lab.kill("SIGKILL");
    }
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  let pages = 0;
  const open = async (file: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.goto(base.replace("%WS%", `page-${++pages}`).replace("%PATH%", encodeURIComponent(file)), { waitUntil: "domcontentloaded" });
    await page.waitForSelector(".jp-NotebookPanel .jp-Cell", { timeout: 120_000 });
    return page;
  };

  it("news and update checks are off in the project's JupyterLab: its settings, read by the REST API (issue 16)", async () => {
    // the server reads the project's settings: their defaults are the ones setup wrote
    const id = "@jupyterlab/apputils-extension:notification";
    const res = await fetch(api.replace("%ID%", id));
    expect(res.ok).toBe(true);
    const schema = ((await res.json()) as { schema: { properties: Record<string, { default: unknown }> } }).schema;
    expect({ fetchNews: schema.properties.fetchNews.default, checkForUpdates: schema.properties.checkForUpdates.default }).toEqual({ fetchNews: "false", checkForUpdates: false });
    expect(LAB_SETTINGS[id]).toEqual({ fetchNews: "false", checkForUpdates: false });
  });

  it(`Run All draws every chart of ${name}, and it is saved`, async () => {
    const page = await open(name);
    // start from no outputs, so that what is drawn comes from this run
    await kernelIdle(page);
    // issue 16: no "get notified about official Jupyter news?" pop-up on the first screen (without
    // the project's settings JupyterLab shows it as soon as the shell is up, before the kernel is idle)
    expect(await page.evaluate(() => document.body.innerText.includes("official Jupyter news"))).toBe(false);
    await command(page, "notebook:clear-all-cell-outputs");
    expect(await countPlots(page)).toBe(0);
    await command(page, "notebook:run-all-cells", 300_000);
    await page.waitForFunction((n) => Array.from(document.querySelectorAll(".jp-NotebookPanel .js-plotly-plot")).filter((p) => p.querySelector("svg.main-svg")).length >= n, expectedCharts, { timeout: 300_000 });
    // wait for the kernel to finish every cell, then save
    await page.waitForFunction(() => !Array.from(document.querySelectorAll(".jp-InputPrompt")).some((p) => p.textContent?.includes("[*]")), undefined, { timeout: 300_000 });
    const errors = await page.evaluate(() => document.querySelectorAll(".jp-NotebookPanel .jp-RenderedText[data-mime-type='application/vnd.jupyter.stderr']").length);
    expect(errors, output).toBe(0);
    await command(page, "docmanager:save");
    await page.waitForTimeout(1000);
    expect(await countPlots(page)).toBe(expectedCharts);
    await page.context().close();
  });

  it("the saved notebook, reopened in a new page without running, still shows its charts", async () => {
    const page = await open(name);
    // On save, plotly's JupyterLab renderer stores a PNG snapshot beside the JSON; on reopening
    // it shows that picture and turns it into the interactive chart when the pointer enters it.
    const shown = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll(".jp-NotebookPanel .jp-RenderedPlotly")).filter((o) => {
          const img = o.querySelector("img.plot-img") as HTMLImageElement | null;
          return o.querySelector("svg.main-svg") || (img && img.complete && img.naturalWidth > 0 && img.style.display !== "none");
        }).length,
      );
    await page.waitForFunction(
      (n) =>
        Array.from(document.querySelectorAll(".jp-NotebookPanel .jp-RenderedPlotly")).filter((o) => {
          const img = o.querySelector("img.plot-img") as HTMLImageElement | null;
          return o.querySelector("svg.main-svg") || (img && img.complete && img.naturalWidth > 0);
        }).length >= n,
      expectedCharts,
      { timeout: 60_000 },
    );
    expect(await shown()).toBe(expectedCharts);
    for (const img of await page.locator(".jp-NotebookPanel .jp-RenderedPlotly img.plot-img").all()) {
      await img.scrollIntoViewIfNeeded();
      await img.dispatchEvent("mouseenter");
    }
    await page.waitForFunction((n) => Array.from(document.querySelectorAll(".jp-NotebookPanel .js-plotly-plot")).filter((p) => p.querySelector("svg.main-svg")).length >= n, expectedCharts, { timeout: 60_000 });
    expect(await countPlots(page)).toBe(expectedCharts);
    await page.context().close();
  });

  it("the committed notebook, never run or trusted here, shows its charts on opening", async () => {
    const page = await open("pristine.ipynb");
    await page.waitForFunction((n) => Array.from(document.querySelectorAll(".jp-NotebookPanel .js-plotly-plot")).filter((p) => p.querySelector("svg.main-svg")).length >= n, expectedCharts, { timeout: 60_000 });
    expect(await countPlots(page)).toBe(expectedCharts);
    await page.context().close();
  });
});
