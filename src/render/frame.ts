/**
 * DataFrames shown the way pandas users expect. A danfojs-node DataFrame (or Series) that is a
 * cell's last value shows as an HTML table, as pandas' does in Jupyter: tslab prints a cell's
 * last value with console.log, which asks util.inspect, so the table is sent from the
 * `util.inspect.custom` hook that src/data/danfo.ts installs on DataFrame and Series when danfo
 * is first loaded. Outside a kernel (node, vitest) the hook returns danfo's own text table.
 *
 * In the kernel the hook sends the table to tslab's display and returns "", and the newline
 * console.log then writes is dropped, so the cell shows the table and nothing else. Only the
 * value itself gets this: a DataFrame inside an array or object prints as text.
 */
import { inspect, type InspectOptions } from "node:util";
import { onDanfoLoad, type DanfoModule } from "../data/danfo";
import { dropNextNewline, kernelDisplay, type DisplaySink } from "./display";
import { isFrameLike, tableHtml, type FrameLike, type RowsInput } from "./html";

/** A DataFrame as a cell's last value shows at most this many rows in full (pandas: 60). */
export const FRAME_MAX_ROWS = 60;
/** A longer one shows its first rows only (pandas: 10). */
export const FRAME_PREVIEW_ROWS = 10;

/** Anything shaped like a danfojs Series: values and a name. */
interface SeriesLike {
  values: unknown;
  columns?: unknown;
  name?: unknown;
}

/**
 * Records-or-frame input for a table from a DataFrame or a Series (a Series becomes one column
 * named after it, "value" when it has no name).
 * @example frameRows({ values: [1, 2], name: "low" }) // => [{ low: 1 }, { low: 2 }]
 * @example frameRows({ columns: ["a"], values: [[1]] }) // => { columns: ["a"], values: [[1]] }
 */
export function frameRows(x: FrameLike | SeriesLike): RowsInput {
  if (isFrameLike(x)) return x;
  const name = typeof x.name === "string" && x.name !== "" ? x.name : "value";
  const values = Array.isArray(x.values) ? (x.values as unknown[]) : [];
  return values.map((v) => ({ [name]: v }));
}

/**
 * A DataFrame (or Series) as the styled HTML table a cell shows: every row when there are at
 * most FRAME_MAX_ROWS, else the first FRAME_PREVIEW_ROWS and how many more; ratings as labels;
 * long text in cells of at least 18em, so a wide frame scrolls sideways.
 * @example frameHtml({ columns: ["rating"], values: [["accurate_rounded"]] }).includes(">Accurate, rounded</td>") // => true
 */
export function frameHtml(x: FrameLike | SeriesLike): string {
  const rows = frameRows(x);
  const n = isFrameLike(rows) ? (rows.values as unknown[]).length : rows.length;
  return tableHtml(rows, { longTextWidth: "18em", ...(n > FRAME_MAX_ROWS ? { maxRows: FRAME_PREVIEW_ROWS } : {}) });
}

/**
 * The `util.inspect.custom` hook of DataFrame and Series: in a running kernel, for the value
 * itself (not one nested in another), sends frameHtml to `sink` and prints nothing; otherwise
 * danfo's text table.
 */
export function inspectFrame(
  this: FrameLike | SeriesLike,
  depth: number,
  options: InspectOptions,
  sink: DisplaySink | undefined = kernelDisplay(),
): string {
  if (sink && depth === options.depth) {
    sink.html(frameHtml(this));
    dropNextNewline();
    return "";
  }
  const text = (this as { toString?: () => string }).toString;
  return typeof text === "function" ? text.call(this) : "[DataFrame]";
}

/**
 * Installs inspectFrame on danfo's NDframe, the base of every DataFrame and Series (danfo's own
 * methods, such as head and query, return frames of its base classes, not of danfojs-node's
 * subclasses). src/data/danfo.ts runs this when danfo is first loaded.
 */
export function installFrameDisplay(d: DanfoModule): void {
  let proto: object | null = d.DataFrame.prototype;
  while (proto && Object.getPrototypeOf(proto) !== Object.prototype) proto = Object.getPrototypeOf(proto) as object | null;
  const targets = proto ? [proto] : [d.DataFrame.prototype, d.Series.prototype];
  for (const target of targets) {
    Object.defineProperty(target, inspect.custom, {
      value: function (this: FrameLike, depth: number, options: InspectOptions) {
        return inspectFrame.call(this, depth, options);
      },
      configurable: true,
      writable: true,
    });
  }
}

onDanfoLoad(installFrameDisplay);
