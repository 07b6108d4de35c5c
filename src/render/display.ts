/**
 * Notebook display helpers for the tslab kernel: charts as plotly mime bundles, tables as HTML,
 * prose as Markdown. The sink is a parameter (default: tslab's `display`, loaded lazily with
 * require so that importing src/ outside a kernel never fails), so tests can see exactly what
 * would be sent.
 */
import type { PlotlyFigure } from "../charts/theme";
import { tableHtml, type RowsInput, type TableOptions } from "./html";

/** The mime type JupyterLab's plotly renderer draws (also in untrusted, reopened notebooks). */
export const CHART_MIME = "application/vnd.plotly.v1+json";

/** The part of tslab's `display` these helpers use. */
export interface DisplaySink {
  raw(contentType: string, content: string | Uint8Array): unknown;
  html(s: string): void;
  markdown(s: string): void;
}

let tslabSink: DisplaySink | undefined;

/**
 * tslab's `display`, required on first use (so importing this module outside a kernel is fine).
 * @throws Error when tslab cannot be loaded.
 */
export function tslabDisplay(): DisplaySink {
  if (!tslabSink) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    tslabSink = (require("tslab") as { display: DisplaySink }).display;
  }
  return tslabSink;
}

/**
 * tslab's `display` when this process is a tslab kernel executing a cell (tslab's jupyter module
 * is loaded and has a cell to write to), else undefined. Never loads tslab itself.
 */
export function kernelDisplay(): DisplaySink | undefined {
  let jupyter: string;
  try {
    jupyter = require.resolve("tslab/dist/jupyter");
  } catch {
    return undefined;
  }
  const mod = require.cache[jupyter];
  if (!mod || (mod.exports as { lastWriteDisplayData?: unknown }).lastWriteDisplayData == null) return undefined;
  return tslabDisplay();
}

/**
 * Shows a plotly figure in the notebook: sends the figure object itself (not a JSON string) as
 * `application/vnd.plotly.v1+json`. tslab types `raw`'s content as string | Uint8Array but
 * passes an object through, and the plotly mime type needs a JSON object.
 * @throws Error when the figure has no `data` array or `layout` object.
 * @example showChart({ data: [], layout: {}, config: {} }, { raw: (m) => m, html: () => {}, markdown: () => {} }) // => undefined
 */
export function showChart(fig: PlotlyFigure, sink: DisplaySink = tslabDisplay()): void {
  if (!fig || !Array.isArray(fig.data) || typeof fig.layout !== "object" || fig.layout === null) {
    throw new Error("showChart: invalid figure (expected { data: [...], layout: {...} })");
  }
  sink.raw(CHART_MIME, fig as unknown as string);
}

/**
 * Shows records or a danfojs DataFrame as a styled HTML table (see tableHtml) via `text/html`.
 * @example showTable([{ a: 1 }], {}, { raw: () => {}, html: () => {}, markdown: () => {} }) // => undefined
 */
export function showTable(rows: RowsInput, options: TableOptions = {}, sink: DisplaySink = tslabDisplay()): void {
  sink.html(tableHtml(rows, options));
}

/**
 * Shows Markdown text via `text/markdown`.
 * @example showMarkdown("**BTC** fell", { raw: () => {}, html: () => {}, markdown: () => {} }) // => undefined
 */
export function showMarkdown(md: string, sink: DisplaySink = tslabDisplay()): void {
  sink.markdown(md);
}

/**
 * Shows an HTML string built by a helper (contradictionHtml, disputeHtml, tableHtml) as `text/html`.
 * @example showHtml("<b>x</b>", { raw: () => {}, html: () => {}, markdown: () => {} }) // => undefined
 */
export function showHtml(html: string, sink: DisplaySink = tslabDisplay()): void {
  sink.html(html);
}
