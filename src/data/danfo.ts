/**
 * danfojs-node, loaded on first use: nothing in src/ loads it on import, so a notebook that never
 * asks for a DataFrame never pays for it. Modules that adapt danfo (the table display of
 * src/render/frame.ts) register with onDanfoLoad.
 *
 * Loading danfo eagerly loads three libraries that a notebook of ours rarely or never calls:
 * mathjs (only for median, mode, std and variance; about 1 s, most of danfo's load time), xlsx
 * (Excel files) and request (CSV over HTTP). danfo() defers each: until a property of one is
 * first read, danfo holds a stand-in that then loads the real library and hands it over, so
 * behaviour is unchanged and only the first such call pays. It also fixes one bug of danfo's
 * (fixBooleanRows: filtering a frame that was filtered or sorted before).
 */
import Module from "node:module";
import * as path from "node:path";
import type * as Danfo from "danfojs-node";

/** The danfojs-node module. */
export type DanfoModule = typeof Danfo;

let lib: DanfoModule | undefined;

/** The libraries danfo loads eagerly that are deferred (see the module comment). */
export const DEFERRED_DANFO_DEPENDENCIES: readonly string[] = ["mathjs", "xlsx", "request"];

/**
 * Puts a stand-in for the module `id` (as resolved from `from`) into require's cache: reading
 * any property of it loads the real module (once) and returns the real property. Does nothing
 * when the module is already loaded or cannot be resolved. Returns whether a stand-in was put.
 */
export function deferModule(id: string, from: string): boolean {
  let file: string;
  try {
    file = require.resolve(id, { paths: [from] });
  } catch {
    return false;
  }
  if (require.cache[file]) return false;
  let real: Record<PropertyKey, unknown> | undefined;
  const load = (): Record<PropertyKey, unknown> => {
    if (!real) {
      delete require.cache[file];
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      real = require(file) as Record<PropertyKey, unknown>;
    }
    return real;
  };
  // __esModule is read by TypeScript's import helpers at load time: answer it without loading
  const standIn = new Proxy({}, { get: (_t, key) => (key === "__esModule" ? undefined : load()[key]), has: (_t, key) => key in load() });
  const m = new Module(file);
  m.filename = file;
  m.loaded = true;
  m.exports = standIn;
  require.cache[file] = m;
  return true;
}
const hooks: ((d: DanfoModule) => void)[] = [];

/**
 * danfojs-node, required on the first call (then every hook registered with onDanfoLoad runs
 * once) and kept.
 * @example typeof danfo().DataFrame // => "function"
 */
export function danfo(): DanfoModule {
  if (!lib) {
    // danfo's own files require these from dist/danfojs-base/*/: resolve them from there
    const base = path.join(path.dirname(require.resolve("danfojs-node")), "..", "..", "danfojs-base", "core");
    for (const id of DEFERRED_DANFO_DEPENDENCIES) deferModule(id, base);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    lib = require("danfojs-node") as DanfoModule;
    fixBooleanRows(lib);
    checkColumnNames(lib);
    for (const hook of hooks) hook(lib);
  }
  return lib;
}

/**
 * Row positions for danfo's _iloc: a boolean mask (an array or a Series) becomes the positions
 * of its true values; anything else is returned as it is.
 * @example maskPositions([true, false, true]) // => [0, 2]
 * @example maskPositions([2, 0]) // => [2, 0]
 */
export function maskPositions(rows: unknown): unknown {
  const values = rows !== null && typeof rows === "object" && !Array.isArray(rows) && Array.isArray((rows as { values?: unknown }).values) ? (rows as { values: unknown[] }).values : rows;
  if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === "boolean")) return rows;
  return values.flatMap((v, i) => (v ? [i] : []));
}

/**
 * Fixes danfojs-node 1.2.0's boolean row selection: `_iloc` takes each true row's index *label*
 * for its position, so `query` and `iloc` with a mask pick wrong rows or throw ("Cannot read
 * properties of undefined") on any frame whose index is not 0…n-1 — every frame that was
 * filtered or sorted before. The patched methods turn the mask into positions first.
 */
function fixBooleanRows(d: DanfoModule): void {
  type Frame = { iloc(a: { rows?: unknown; columns?: unknown }): Frame; $setValues(v: unknown, a: boolean, b: boolean): void; $setIndex(i: unknown): void; values: unknown; index: unknown };
  const frame = Object.getPrototypeOf(d.DataFrame.prototype) as { iloc: Frame["iloc"]; query: unknown };
  const series = Object.getPrototypeOf(d.Series.prototype) as { iloc: (rows: unknown) => unknown };
  const frameIloc = frame.iloc;
  const seriesIloc = series.iloc;
  frame.iloc = function (this: Frame, a: { rows?: unknown; columns?: unknown }) {
    return frameIloc.call(this, { ...a, rows: maskPositions(a.rows) });
  };
  series.iloc = function (this: unknown, rows: unknown) {
    return seriesIloc.call(this, maskPositions(rows));
  };
  frame.query = function (this: Frame, condition: unknown, options?: { inplace?: boolean }) {
    if (!condition) throw new Error("ParamError: condition must be specified");
    const result = frameIloc.call(this, { rows: maskPositions(condition) });
    if (!options?.inplace) return result;
    this.$setValues(result.values, false, false);
    this.$setIndex(result.index);
    return undefined;
  };
}

/**
 * The error for column names a frame does not have, naming them and the columns there are; null
 * when every name is a column (or a danfo range such as "a:c").
 * @example unknownColumns("loc", ["id", "heading"], ["id", "raw"])?.message // => 'loc: no column "heading"; the columns are id, raw'
 * @example unknownColumns("loc", ["id"], ["id", "raw"]) // => null
 */
export function unknownColumns(method: string, names: readonly unknown[], columns: readonly string[]): Error | null {
  const missing = names.filter((n) => typeof n === "string" && !columns.includes(n) && !n.includes(":"));
  if (missing.length === 0) return null;
  const list = missing.map((n) => JSON.stringify(n)).join(", ");
  return new Error(`${method}: no column${missing.length > 1 ? "s" : ""} ${list}; the columns are ${columns.join(", ")}`);
}

/**
 * danfojs-node 1.2.0 answers a column name a frame does not have with an error about something
 * else: `loc({ columns: ["heading"] })` says 'Dtype "undefined" not supported', `merge` on a
 * missing key 'Column names length mismatch'. Both now throw unknownColumns' error first.
 */
function checkColumnNames(d: DanfoModule): void {
  type Frame = { columns: string[] };
  const frame = Object.getPrototypeOf(d.DataFrame.prototype) as { loc: (this: Frame, a: { rows?: unknown; columns?: unknown }) => unknown };
  const frameLoc = frame.loc;
  frame.loc = function (this: Frame, a: { rows?: unknown; columns?: unknown }) {
    const error = Array.isArray(a?.columns) && Array.isArray(this.columns) ? unknownColumns("loc", a.columns, this.columns) : null;
    if (error) throw error;
    return frameLoc.call(this, a);
  };
  const merge = d.merge as (a: { left: Frame; right: Frame; on: string[]; how?: string }) => unknown;
  Object.defineProperty(d, "merge", {
    configurable: true,
    enumerable: true,
    value: function (a: { left: Frame; right: Frame; on: string[]; how?: string }) {
      if (Array.isArray(a?.on)) {
        for (const side of ["left", "right"] as const) {
          const error = Array.isArray(a[side]?.columns) ? unknownColumns(`merge (${side})`, a.on, a[side].columns) : null;
          if (error) throw error;
        }
      }
      return merge(a);
    },
  });
}

/** Runs `hook` with danfojs-node when it is loaded (at once if it already is). */
export function onDanfoLoad(hook: (d: DanfoModule) => void): void {
  if (lib) hook(lib);
  else hooks.push(hook);
}

/** True once danfojs-node has been loaded by danfo(). */
export function danfoLoaded(): boolean {
  return lib !== undefined;
}

/**
 * A DataFrame of records with the columns in the given order (every record must have them);
 * missing numbers are null, missing text "".
 * @example toDataFrame([{ a: 1, b: "x" }], ["a", "b"]).shape // => [1, 2]
 */
export function toDataFrame(records: readonly object[], columns: readonly string[]): Danfo.DataFrame {
  const d = danfo();
  if (records.length === 0) return new d.DataFrame([], { columns: [...columns] });
  const data: Record<string, unknown[]> = {};
  for (const c of columns) data[c] = records.map((r) => (r as Record<string, unknown>)[c]);
  return new d.DataFrame(data, { columns: [...columns] });
}
