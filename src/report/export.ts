/**
 * HTML export: standalone chart files that open from file:// with no network, the shared assets
 * of the exported notebook pages, and the gallery index. Every page is deterministic: the same
 * figure gives byte-identical HTML (no timestamps, no random ids).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { writeFileAtomic } from "../data/fsutil";
import { escapeHtml } from "../render/html";
import { FRONT_PAGE_CSS } from "./front-page";
import { PLOTLY_MIN_JS } from "../data/paths";

/** A plotly figure as the chart builders return it. */
export interface Figure {
  data: unknown[];
  layout?: Record<string, unknown> & { meta?: unknown; title?: unknown };
  config?: Record<string, unknown>;
}

/** What the gallery and file names need to know about a chart. */
export interface ChartInfo {
  id: string;
  title: string;
  article?: string;
}

/**
 * The id, title and article stored in `layout.meta.chart` by the chart builders.
 * @example chartInfo({ data: [], layout: { meta: { chart: { id: "btc-path", title: "BTC" } } } }) // => { id: "btc-path", title: "BTC" }
 */
export function chartInfo(fig: Figure, fallbackId = "chart"): ChartInfo {
  const meta = fig.layout?.meta as { chart?: Partial<ChartInfo> } | undefined;
  const c = meta?.chart ?? {};
  const info: ChartInfo = { id: String(c.id ?? fallbackId), title: String(c.title ?? c.id ?? fallbackId) };
  if (c.article) info.article = String(c.article);
  return info;
}

/**
 * JSON for embedding inside a `<script>` element: `<`, `>` and `&` are escaped as \u003c,
 * \u003e and \u0026 so that no text from an article can close the element. Keys are sorted so
 * the same figure always gives the same bytes (src/python/execute.py does the same).
 * @example scriptSafeJson({ b: "</script>", a: 1 }) // => '{"a":1,"b":"\\u003c/script\\u003e"}'
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeys((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}

/**
 * The DOM id of a chart's container.
 * @example chartDomId("btc path/1") // => "chart-btc-path-1"
 */
export function chartDomId(id: string): string {
  return "chart-" + id.replace(/[^A-Za-z0-9_-]/g, "-");
}

/**
 * The HTML that stands for one figure in a page: an empty div and the figure as JSON, which
 * CHART_BOOT_JS draws. Mirrors chart_placeholder() in src/python/execute.py.
 */
export function chartPlaceholderHtml(fig: Figure, fallbackId = "chart"): string {
  const { id } = chartInfo(fig, fallbackId);
  const dom = chartDomId(id);
  return (
    `<div class="selloff-chart" id="${escapeHtml(dom)}" data-chart-id="${escapeHtml(id)}"></div>\n` +
    `<script type="application/json" class="selloff-chart-data" data-for="${escapeHtml(dom)}">${scriptSafeJson(fig)}</script>\n`
  );
}

/**
 * The script that draws every chart placeholder of a page with the global Plotly. It is the
 * only chart renderer of the exported HTML (standalone files and notebook pages alike).
 */
export const CHART_BOOT_JS = `(function () {
  // Draws the charts one at a time, yielding to the browser between them, so the first chart
  // is on screen before the last one is laid out.
  function drawFrom(nodes, i) {
    if (i >= nodes.length) return;
    var node = nodes[i];
    var target = document.getElementById(node.getAttribute("data-for"));
    if (target && !target.getAttribute("data-drawn")) {
      var fig = JSON.parse(node.textContent);
      var config = Object.assign({ responsive: true, displaylogo: false }, fig.config || {});
      target.setAttribute("data-drawn", "1");
      window.Plotly.newPlot(target, fig.data, fig.layout || {}, config);
    }
    setTimeout(function () { drawFrom(nodes, i + 1); }, 0);
  }
  function draw() {
    drawFrom(document.querySelectorAll("script.selloff-chart-data"), 0);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();
`;

const PAGE_CSS = `body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;margin:24px auto;max-width:1040px;padding:0 16px;color:#222;line-height:1.45}
a{color:#0072B2}h1{font-size:1.6em}h2{font-size:1.2em;margin-top:1.6em}
.selloff-chart{width:100%;min-height:420px}
.gallery{list-style:none;padding:0}.gallery li{margin:.35em 0}.muted{color:#666;font-size:.9em}`;

/** Reads the minified plotly.js built by `npm run setup`. */
export function plotlyMinJs(): string {
  if (!fs.existsSync(PLOTLY_MIN_JS)) throw new Error(`export: ${PLOTLY_MIN_JS} is missing; run \`npm run setup\` first`);
  return fs.readFileSync(PLOTLY_MIN_JS, "utf8");
}

/**
 * The trace types of plotly.js's basic bundle (plotly.js-basic-dist-min, the same version as
 * plotly.js-dist): 1.1 MB instead of 4.9 MB, so a page that needs no other type draws its
 * first chart several times sooner (the browser parses a quarter of the code). Every layout
 * component (annotations, shapes, legends, axes of every kind, range sliders) is in both.
 */
export const BASIC_TRACE_TYPES: readonly string[] = ["bar", "pie", "scatter"];

/** The file name of the basic bundle among a page's assets (out/assets/). */
export const PLOTLY_BASIC_ASSET = "plotly-basic.min.js";

/**
 * Whether plotly.js's basic bundle draws every trace of these figures (a trace without a type
 * is a scatter, as plotly reads it); otherwise the full bundle is needed.
 * @example basicBundleDraws([{ data: [{ type: "bar" }, { x: [1] }] }]) // => true
 * @example basicBundleDraws([{ data: [{ type: "bar" }] }, { data: [{ type: "heatmap" }] }]) // => false
 * @example basicBundleDraws([]) // => true
 */
export function basicBundleDraws(figures: readonly Figure[]): boolean {
  return figures.every((f) => f.data.every((t) => BASIC_TRACE_TYPES.includes(String((t as { type?: unknown } | null)?.type ?? "scatter"))));
}

/** Reads plotly.js's basic bundle (minified as published, its licence header kept). */
export function plotlyBasicJs(): string {
  return fs.readFileSync(require.resolve("plotly.js-basic-dist-min/plotly-basic.min.js"), "utf8");
}

/** The plotly.js that draws `figures`: the basic bundle when it can, else the full one. */
export function plotlyFor(figures: readonly Figure[], bundles: { basic: () => string; full: () => string } = { basic: plotlyBasicJs, full: plotlyMinJs }): string {
  return basicBundleDraws(figures) ? bundles.basic() : bundles.full();
}

/** A `<script>` element with inline code; `</script` inside the code is split so it cannot end early. */
/**
 * The opening of a standalone page up to `<body>`: doctype, charset, viewport, the escaped title
 * and one style block.
 * @example pageHead("a & b", "p{}").slice(-3) // => ["<style>p{}</style>", "</head>", "<body>"]
 */
export function pageHead(title: string, css: string): string[] {
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${css}</style>`,
    "</head>",
    "<body>",
  ];
}

/** Code in a `<script>` element, with any `</script` inside it escaped. */
export function inlineScript(code: string): string {
  return `<script>${code.replace(/<\/script/gi, "<\\/script")}</script>`;
}

/**
 * One standalone HTML page for a figure: plotly.js (minified; the basic bundle when it draws the
 * figure, see plotlyFor) embedded once, the figure, and nothing loaded from anywhere else, so
 * the file opens from file:// offline and can be mailed.
 */
export function chartPageHtml(fig: Figure, plotlyJs: string): string {
  const info = chartInfo(fig);
  return [
    ...pageHead(info.title, PAGE_CSS),
    chartPlaceholderHtml(fig).trimEnd(),
    '<p class="muted">From selloff-lab, a fact-check of the news coverage of the February 2026 sell-off.</p>',
    inlineScript(plotlyJs),
    inlineScript(CHART_BOOT_JS),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/**
 * Writes one standalone HTML file for `figure` at `file` (atomically), embedding plotly.js
 * (by default the bundle plotlyFor() picks for it).
 * @returns the number of bytes written
 */
export function exportChart(figure: Figure, file: string, plotlyJs: string = plotlyFor([figure])): number {
  const html = chartPageHtml(figure, plotlyJs);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, html);
  return Buffer.byteLength(html);
}

/** One exported notebook page, for the gallery. */
export interface PageInfo {
  /** The notebook's file stem ("01-gate-selloff-crushes"). */
  name: string;
  title: string;
  charts: ChartInfo[];
}

/** The front page: what was found (`summary`, see src/report/front-page.ts), then every notebook page and every chart, by title (no ids). */
export function galleryHtml(pages: readonly PageInfo[], extras: readonly { href: string; label: string }[] = [], summary = ""): string {
  const lines = [
    ...pageHead("selloff-lab — notebooks and charts", `${PAGE_CSS}\n${FRONT_PAGE_CSS}`),
    "<h1>selloff-lab — notebooks and charts</h1>",
    '<p>Fact-checks of the news coverage of the February 2026 tech and crypto sell-off. Every page and chart opens offline.</p>',
    ...(summary ? [summary] : []),
    "<h2>Notebooks</h2>",
    '<ul class="gallery">',
    ...pages.map(
      (p) =>
        `<li><a href="notebooks/${encodeURIComponent(p.name)}.html">${escapeHtml(p.title)}</a> <span class="muted">(${p.charts.length} chart${p.charts.length === 1 ? "" : "s"}; <a href="notebooks/${encodeURIComponent(p.name)}.ipynb">executed notebook</a>)</span></li>`,
    ),
    "</ul>",
  ];
  for (const p of pages) {
    if (p.charts.length === 0) continue;
    lines.push(`<h2>Charts of ${escapeHtml(p.title)}</h2>`, '<ul class="gallery">');
    for (const c of p.charts) {
      lines.push(
        `<li><a href="charts/${encodeURIComponent(c.id)}.html">${escapeHtml(c.title)}</a></li>`,
      );
    }
    lines.push("</ul>");
  }
  if (extras.length > 0) {
    lines.push("<h2>Data</h2>", '<ul class="gallery">');
    for (const e of extras) lines.push(`<li><a href="${escapeHtml(e.href)}">${escapeHtml(e.label)}</a></li>`);
    lines.push("</ul>");
  }
  lines.push("</body>", "</html>", "");
  return lines.join("\n");
}
