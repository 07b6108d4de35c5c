/**
 * Helpers of `npm run bench` (src/cli/bench.ts, issue 8): summaries of repeated timings, the
 * formatting of seconds, bytes and ratios, the target marks and the plain-text table, and a
 * du-like size of a folder. Everything here but diskUsage() is pure; importing it starts nothing.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { max, median, min } from "simple-statistics";

/** Median and range of repeated measurements. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  n: number;
}

/**
 * The median and the range (smallest and largest) of repeated measurements. The median, not the
 * mean, because a run that shared the cores with another job is an outlier to ignore, not to
 * average in (simple-statistics' median: the mean of the two middle values for an even count).
 * Cost: one sort, O(n log n).
 * @param values the measurements (any unit), at least one
 * @throws Error when `values` is empty
 * @example summarize([3, 1, 2]) // => { median: 2, min: 1, max: 3, n: 3 }
 * @example summarize([4, 1, 2, 10]) // => { median: 3, min: 1, max: 10, n: 4 }
 */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error("summarize requires at least one value");
  const v = [...values];
  return { median: median(v), min: min(v), max: max(v), n: v.length };
}

/**
 * Seconds for the table: two decimals under 10 s, one under 100 s, none above.
 * @param s seconds
 * @example formatSeconds(1.2345) // => "1.23 s"
 * @example formatSeconds(42.06) // => "42.1 s"
 * @example formatSeconds(183.4) // => "183 s"
 */
export function formatSeconds(s: number): string {
  const a = Math.abs(s);
  return `${s.toFixed(a < 10 ? 2 : a < 100 ? 1 : 0)} s`;
}

/**
 * Bytes for the table in decimal units (1 KB = 1000 bytes, 1 MB = 1000 KB, as the issue's
 * targets are read), three significant digits.
 * @param n bytes
 * @example formatBytes(512) // => "512 B"
 * @example formatBytes(61234) // => "61.2 KB"
 * @example formatBytes(4812345) // => "4.81 MB"
 * @example formatBytes(612345678) // => "612 MB"
 */
export function formatBytes(n: number): string {
  const units = ["B", "KB", "MB", "GB"];
  let v = n;
  let u = 0;
  while (Math.abs(v) >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  if (u === 0) return `${Math.round(v)} B`;
  return `${String(Number(v.toPrecision(3)))} ${units[u]}`;
}

/**
 * A ratio for the table.
 * @example formatRatio(1.2349) // => "1.23x"
 */
export function formatRatio(r: number): string {
  return `${r.toFixed(2)}x`;
}

/** How the table shows a row's numbers. */
export type BenchUnit = "s" | "bytes" | "ratio";

/**
 * One value in the row's unit.
 * @example formatValue(1500, "bytes") // => "1.5 KB"
 * @example formatValue(0.5, "s") // => "0.50 s"
 */
export function formatValue(v: number, unit: BenchUnit): string {
  return unit === "s" ? formatSeconds(v) : unit === "bytes" ? formatBytes(v) : formatRatio(v);
}

/**
 * The range column: `min–max` (en dash) in the row's unit, or "—" for a single measurement.
 * @example formatRange({ median: 2, min: 1.5, max: 3.25, n: 3 }, "s") // => "1.50–3.25 s"
 * @example formatRange({ median: 2, min: 2, max: 2, n: 1 }, "s") // => "—"
 */
export function formatRange(s: Summary, unit: BenchUnit): string {
  if (s.n < 2) return "—";
  const lo = formatValue(s.min, unit);
  const hi = formatValue(s.max, unit);
  const [loNum, loUnit] = splitUnit(lo);
  const [hiNum, hiUnit] = splitUnit(hi);
  return loUnit === hiUnit ? `${loNum}–${hiNum}${hiUnit}` : `${lo}–${hi}`;
}

function splitUnit(text: string): [string, string] {
  const m = /^(.*?)((?: [A-Za-z]+)|x)$/.exec(text);
  return m ? [m[1], m[2]] : [text, ""];
}

/** An upper bound a measurement should stay under (or at, for ratios) and how the issue states it. */
export interface Target {
  /** The bound, in the row's unit. */
  limit: number;
  /** The wording, shown in the table. */
  text: string;
}

/**
 * Whether a value meets its target: at most `limit` (a bound of "under 5 s" is met by 4.99 s,
 * missed by 5.01 s; equality counts as met since the figures are rounded anyway).
 * @example meetsTarget(4.2, { limit: 5, text: "< 5 s" }) // => true
 * @example meetsTarget(1.31, { limit: 1.3, text: "≤ 1.3x floor" }) // => false
 */
export function meetsTarget(value: number, target: Target): boolean {
  return value <= target.limit;
}

/**
 * The mark shown beside a target.
 * @example targetMark(true) // => "✓ met"
 * @example targetMark(false) // => "✗ MISSED"
 */
export function targetMark(met: boolean): string {
  return met ? "✓ met" : "✗ MISSED";
}

/**
 * A plain-text table: columns padded to their widest cell, a rule under the header, numbers
 * (columns whose name is in `right`) aligned right. Widths count code points, so "–" and "✓"
 * are one column each.
 * @example renderTable(["a", "bb"], [["xyz", "1"]], ["bb"]) // => "a    bb\n---  --\nxyz   1"
 */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], right: readonly string[] = []): string {
  const len = (s: string) => [...s].length;
  const widths = header.map((h, i) => Math.max(len(h), ...rows.map((r) => len(r[i] ?? ""))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => {
        const pad = " ".repeat(widths[i] - len(c));
        return right.includes(header[i]) ? pad + c : c + pad;
      })
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map((r) => line(header.map((_, i) => r[i] ?? "")))].join("\n");
}

/**
 * The bytes one chart adds to an exported notebook page: its placeholder (the
 * `<div class="selloff-chart">` and the figure JSON in `<script class="selloff-chart-data">`,
 * see chartPlaceholderHtml() in src/report/export.ts), for each chart of the page in order.
 * plotly.js itself is shared (assets/plotly.min.js) and not counted. Attributes may come in any
 * order (nbconvert's sanitiser sorts them).
 * @param html the exported page
 * @example chartBytesInPage('<div class="selloff-chart" id="c"></div>\n<script type="application/json" class="selloff-chart-data" data-for="c">{}</script>') // => [124]
 */
export function chartBytesInPage(html: string): number[] {
  const re = /<div\b[^>]*\bclass="selloff-chart"[^>]*><\/div>\s*<script\b[^>]*\bclass="selloff-chart-data"[^>]*>[\s\S]*?<\/script>/g;
  return [...html.matchAll(re)].map((m) => Buffer.byteLength(m[0], "utf8"));
}

/**
 * What a folder takes on disk, like `du -s` (allocated blocks, so it can differ from the sum of
 * file sizes): every file, folder and symbolic link below `dir` counted once (hard links too),
 * symbolic links not followed. Entries that cannot be read are skipped.
 * @param dir the folder
 * @returns bytes on disk, and the number of entries counted; zero for a missing folder
 */
export function diskUsage(dir: string): { bytes: number; entries: number } {
  const seen = new Set<string>();
  let bytes = 0;
  let entries = 0;
  const visit = (p: string) => {
    let st: fs.BigIntStats;
    try {
      st = fs.lstatSync(p, { bigint: true });
    } catch {
      return;
    }
    const key = `${st.dev}:${st.ino}`;
    if (seen.has(key)) return;
    seen.add(key);
    bytes += Number(st.blocks) * 512;
    entries++;
    if (!st.isDirectory()) return;
    let names: string[];
    try {
      names = fs.readdirSync(p);
    } catch {
      return;
    }
    for (const n of names) visit(path.join(p, n));
  };
  visit(dir);
  return { bytes, entries };
}
