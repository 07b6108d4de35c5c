/**
 * Notebook display helpers for the tslab kernel: charts as plotly mime bundles, tables as HTML,
 * prose as Markdown. The sink is a parameter (default: tslab's `display`, loaded lazily with
 * require so that importing src/ outside a kernel never fails), so tests can see exactly what
 * would be sent.
 *
 * Values that show themselves: a chart from any builder, a Markdown value (src/views sentences)
 * and a DataFrame (src/render/frame.ts) show as chart, Markdown or table when they are a cell's
 * last value, as in pandas. tslab prints that value with console.log, which asks util.inspect;
 * the value's `util.inspect.custom` hook (a non-enumerable property, so JSON and equality ignore
 * it) sends the rich output and prints nothing. `show(a, b, …)` shows several in one cell.
 */
import { inspect, type InspectOptions } from "node:util";
import type { PlotlyFigure } from "../charts/theme";
import { isFrameLike, tableHtml, type RowsInput, type TableOptions } from "./html";

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
 * Shows an HTML string built by a helper (tableHtml, frameHtml) as `text/html`.
 * @example showHtml("<b>x</b>", { raw: () => {}, html: () => {}, markdown: () => {} }) // => undefined
 */
export function showHtml(html: string, sink: DisplaySink = tslabDisplay()): void {
  sink.html(html);
}

/** Drops the next write to stdout if it is exactly "\n" (the newline console.log adds), once. */
export function dropNextNewline(): void {
  const stdout = process.stdout;
  const write = stdout.write;
  stdout.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]): boolean {
    stdout.write = write;
    if (chunk === "\n") return true;
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof stdout.write;
}

/** Where a value that shows itself keeps how to show it (see displaysAs). */
const SHOW = Symbol.for("selloff-lab.show");

/** A value that displaysAs made show itself. */
export type Showing<T> = T & { readonly [SHOW]: (sink: DisplaySink) => void };

/**
 * Makes `value` show itself with `send` when it is a cell's last value in a kernel (or is passed
 * to show()); elsewhere (node, tests, nested in another value) it prints as before. Adds two
 * non-enumerable properties; returns the same object.
 * @example JSON.stringify(displaysAs({ a: 1 }, () => {})) // => '{"a":1}'
 */
export function displaysAs<T extends object>(value: T, send: (sink: DisplaySink) => void): Showing<T> {
  Object.defineProperty(value, SHOW, { value: send, configurable: true });
  Object.defineProperty(value, inspect.custom, {
    value: function (this: T, depth: number, options: InspectOptions, insp: typeof inspect): string {
      const sink = kernelDisplay();
      if (sink && depth === options.depth) {
        send(sink);
        dropNextNewline();
        return "";
      }
      return value instanceof Markdown ? value.text : insp({ ...value }, options);
    },
    configurable: true,
  });
  return value as Showing<T>;
}

/** A figure that shows itself as a chart (every chart builder returns one). */
export function asChart(fig: PlotlyFigure): PlotlyFigure {
  return displaysAs(fig, (sink) => showChart(fig, sink));
}

/**
 * Markdown text built by a helper of src/ (article text inside it is escaped), which shows as
 * Markdown when it is a cell's last value; `text` is the Markdown, `toString()` too.
 */
export class Markdown {
  constructor(readonly text: string) {
    displaysAs(this, (sink) => sink.markdown(this.text));
  }
  toString(): string {
    return this.text;
  }
}

/**
 * Markdown that shows itself (see Markdown).
 * @example md("**x**").text // => "**x**"
 */
export function md(text: string): Markdown {
  return new Markdown(text);
}

/** What show() takes: a chart, a DataFrame or records (a table), Markdown, or a string of Markdown. */
export type Showable = PlotlyFigure | Markdown | RowsInput | string;

/**
 * Shows each item in order: a chart as a chart, a DataFrame or an array of records as a table
 * (short cells on one line, long ones at least 18em wide, as a frame shows itself),
 * Markdown (or a string, read as Markdown the notebook wrote) as Markdown.
 * @throws TypeError for anything else.
 * @example show(md("x"), { raw: () => {}, html: () => {}, markdown: () => {} }) // => undefined
 */
export function show(...items: (Showable | DisplaySink)[]): void {
  const last = items[items.length - 1];
  const isSink = (x: unknown): x is DisplaySink => typeof x === "object" && x !== null && typeof (x as DisplaySink).raw === "function" && typeof (x as DisplaySink).markdown === "function";
  const sink = isSink(last) ? last : tslabDisplay();
  for (const item of isSink(last) ? items.slice(0, -1) : items) {
    const own = typeof item === "object" && item !== null ? (item as { [SHOW]?: (s: DisplaySink) => void })[SHOW] : undefined;
    if (own) own(sink);
    else if (typeof item === "string") sink.markdown(item);
    else if (item instanceof Markdown) sink.markdown(item.text);
    else if (typeof item === "object" && item !== null && Array.isArray((item as PlotlyFigure).data) && typeof (item as PlotlyFigure).layout === "object") showChart(item as PlotlyFigure, sink);
    else if (Array.isArray(item) || isFrameLike(item)) showTable(item as RowsInput, { longTextWidth: "18em" }, sink);
    else throw new TypeError(`show: cannot show ${Object.prototype.toString.call(item)} (expected a chart, a DataFrame, records, Markdown or a string)`);
  }
}
