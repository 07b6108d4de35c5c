/**
 * HTML output for notebooks and exported pages: escaping, number formatting, verdict badges and
 * styled tables (danfojs has no HTML output). Also the shared colour theme (Okabe–Ito palette,
 * verdict colours, font stack) that the chart builders (src/charts/) draw with, so tables and charts agree.
 *
 * Everything is styled inline: JupyterLab strips <style> elements from untrusted notebooks.
 * Ratings (src/domain/ratings.ts) show as their plain labels in any `rating` column.
 * Every function is pure and deterministic (no locale, no clock).
 */

import { isRating, ratingLabel, type Rating } from "../domain/ratings";
import { columnWords, valueWords } from "../domain/wording";

/** A plain record: one table row or one chart input row. */
export type Row = Record<string, unknown>;

/**
 * Anything shaped like a danfojs-node DataFrame: column names and a row-major 2-D array of values.
 * Typed structurally so that importing src/ never loads danfojs (and its TensorFlow backend).
 */
export interface FrameLike {
  columns: string[];
  values: unknown;
}

/** Classes that stop JupyterLab's MathJax from reading `$` in text as LaTeX delimiters. */
export const NO_MATH_CLASS = "tex2jax_ignore mathjax_ignore";

/** Rows of records, or a danfojs DataFrame. */
export type RowsInput = readonly object[] | FrameLike;

/** The font stack shared by tables and charts. */
export const FONT_STACK = '"Source Sans 3", "Source Sans Pro", -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/**
 * The Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008, https://jfly.uni-koeln.de/color/),
 * by name.
 */
export const OKABE_ITO = {
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
  black: "#000000",
} as const;

/**
 * Colours for series (articles, groups) in order of first appearance. Yellow comes last: it is
 * hard to see on white.
 */
export const SERIES_COLORS: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.skyBlue,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.vermillion,
  OKABE_ITO.black,
  OKABE_ITO.yellow,
];

/** Every verdict kind a badge or a verdict chart knows, in display order (best to worst, then unknown). */
export const VERDICTS = [
  "consistent",
  "consistent_within_rounding",
  "agree",
  "agree_within_rounding",
  "confirmed",
  "confirmed_within_rounding",
  "refined",
  "timing_mismatch",
  "scope_mismatch",
  "disputed",
  "inconsistent",
  "contradiction",
  "ambiguous",
  "unverified",
] as const;

/** A verdict kind (see VERDICTS). */
export type Verdict = (typeof VERDICTS)[number];

/**
 * Fixed verdict → colour map: holds/agrees green, within rounding sky blue, refined blue,
 * timing purple, disputed orange, fails/contradiction vermillion, scope and ambiguous grey.
 */
export const VERDICT_COLORS: Readonly<Record<Verdict, string>> = {
  consistent: OKABE_ITO.bluishGreen,
  consistent_within_rounding: OKABE_ITO.skyBlue,
  agree: OKABE_ITO.bluishGreen,
  agree_within_rounding: OKABE_ITO.skyBlue,
  confirmed: OKABE_ITO.bluishGreen,
  confirmed_within_rounding: OKABE_ITO.skyBlue,
  refined: OKABE_ITO.blue,
  timing_mismatch: OKABE_ITO.reddishPurple,
  scope_mismatch: "#999999",
  disputed: OKABE_ITO.orange,
  inconsistent: OKABE_ITO.vermillion,
  contradiction: OKABE_ITO.vermillion,
  ambiguous: "#BBBBBB",
  unverified: "#DDDDDD",
};

/**
 * Fixed rating → colour map (src/domain/ratings.ts), the reader's scale: accurate green, rounded
 * sky blue, misleading purple, inaccurate vermillion, cannot be verified grey.
 */
export const RATING_COLORS: Readonly<Record<Rating, string>> = {
  accurate: OKABE_ITO.bluishGreen,
  accurate_rounded: OKABE_ITO.skyBlue,
  misleading: OKABE_ITO.reddishPurple,
  inaccurate: OKABE_ITO.vermillion,
  unverifiable: "#D0D0D0",
};

/** Short human labels of the verdicts, as badges and chart legends show them. */
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  consistent: "holds",
  consistent_within_rounding: "within rounding",
  agree: "agree",
  agree_within_rounding: "agree (rounding)",
  confirmed: "confirmed",
  confirmed_within_rounding: "confirmed (rounding)",
  refined: "refined",
  timing_mismatch: "timing",
  scope_mismatch: "scope",
  disputed: "disputed",
  inconsistent: "fails",
  contradiction: "contradiction",
  ambiguous: "ambiguous",
  unverified: "unverified",
};

/** Other spellings accepted for a verdict (the short labels, after normalising spaces). */
const VERDICT_ALIASES: Readonly<Record<string, Verdict>> = {
  holds: "consistent",
  within_rounding: "consistent_within_rounding",
  fails: "inconsistent",
  scope: "scope_mismatch",
  timing: "timing_mismatch",
};

/**
 * Escapes text for HTML and for plotly's pseudo-HTML (titles, hover text, annotations, ticks):
 * `&`, `<`, `>`, `"` and `'`. Quotes become numeric references (`&#34;`, `&#39;`) because plotly
 * decodes numeric references but not `&quot;`.
 * @example escapeHtml(`<a href="x">Tom & Jerry's</a>`) // => "&lt;a href=&#34;x&#34;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
 */
export function escapeHtml(s: string): string {
  return String(s).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;" };

/**
 * Formats a number with comma thousands separators and, when `decimals` is given, that many fixed
 * decimals; empty for null, undefined or NaN. Locale-free, so output never depends on the machine.
 * Without `decimals`, the shortest round-trip digits are kept.
 * @example formatNumber(-1234567.891, 2) // => "-1,234,567.89"
 * @example formatNumber(126000) // => "126,000"
 * @example formatNumber(null) // => ""
 */
export function formatNumber(value: number | null | undefined, decimals?: number): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "-∞";
  if (decimals !== undefined && !(Number.isInteger(decimals) && decimals >= 0 && decimals <= 20)) {
    throw new RangeError(`invalid decimals: ${decimals}`);
  }
  const text = decimals === undefined ? String(Math.abs(value)) : Math.abs(value).toFixed(decimals);
  if (/e/i.test(text)) return (value < 0 ? "-" : "") + text;
  const [int, frac] = text.split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const negative = value < 0 && /[1-9]/.test(text);
  return (negative ? "-" : "") + grouped + (frac !== undefined ? `.${frac}` : "");
}

/**
 * The canonical verdict for a spelling: a VERDICTS member or a short label ("holds", "fails",
 * "within rounding", "scope", "timing"), case-, space- and hyphen-insensitive.
 * @throws RangeError `invalid verdict: "…"` for anything else.
 * @example normalizeVerdict("Within rounding") // => "consistent_within_rounding"
 */
export function normalizeVerdict(verdict: string): Verdict {
  const key = String(verdict).trim().toLowerCase().replace(/[\s-]+/g, "_");
  if ((VERDICTS as readonly string[]).includes(key)) return key as Verdict;
  const alias = VERDICT_ALIASES[key];
  if (alias) return alias;
  throw new RangeError(`invalid verdict: ${JSON.stringify(verdict)} (expected one of ${VERDICTS.join(", ")})`);
}

/**
 * The fixed colour of a verdict (any spelling normalizeVerdict accepts).
 * @example verdictColor("fails") // => "#D55E00"
 */
export function verdictColor(verdict: string): string {
  return VERDICT_COLORS[normalizeVerdict(verdict)];
}

/**
 * The short label of a verdict.
 * @example verdictLabel("consistent") // => "holds"
 */
export function verdictLabel(verdict: string): string {
  return VERDICT_LABELS[normalizeVerdict(verdict)];
}

/**
 * Black or white, whichever contrasts more with a `#RRGGBB` background (WCAG 2 relative
 * luminance, https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio).
 * @example textColorOn("#0072B2") // => "#FFFFFF"
 * @example textColorOn("#009E73") // => "#000000"
 */
export function textColorOn(background: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background);
  if (!m) throw new RangeError(`invalid colour: ${JSON.stringify(background)} (expected #RRGGBB)`);
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  const vsBlack = (luminance + 0.05) / 0.05;
  const vsWhite = 1.05 / (luminance + 0.05);
  return vsBlack >= vsWhite ? "#000000" : "#FFFFFF";
}

/**
 * A small coloured pill for a verdict, styled inline; its title attribute names the canonical
 * verdict. Put it in a table column declared `html: true`.
 * @throws RangeError for an unknown verdict (see normalizeVerdict).
 * @example badge("holds") // => '<span title="consistent" style="display:inline-block;padding:0 8px;border-radius:9px;background:#009E73;color:#000000;font-size:12px;line-height:18px;font-weight:600;white-space:nowrap">holds</span>'
 */
export function badge(verdict: string): string {
  const v = normalizeVerdict(verdict);
  const bg = VERDICT_COLORS[v];
  const style = [
    "display:inline-block",
    "padding:0 8px",
    "border-radius:9px",
    `background:${bg}`,
    `color:${textColorOn(bg)}`,
    "font-size:12px",
    "line-height:18px",
    "font-weight:600",
    "white-space:nowrap",
  ].join(";");
  return `<span title="${escapeHtml(v)}" style="${style}">${escapeHtml(VERDICT_LABELS[v])}</span>`;
}

/**
 * True for a danfojs DataFrame (or anything with `columns` and a row-major `values` array).
 * @example isFrameLike({ columns: ["a"], values: [[1]] }) // => true
 */
export function isFrameLike(input: unknown): input is FrameLike {
  return (
    typeof input === "object" &&
    input !== null &&
    !Array.isArray(input) &&
    Array.isArray((input as FrameLike).columns) &&
    Array.isArray((input as FrameLike).values)
  );
}

/**
 * Rows of records from records or a danfojs DataFrame; NaN (danfo's missing number) becomes null.
 * Records are copied, never mutated.
 * @example toRecords({ columns: ["a", "b"], values: [[1, NaN]] }) // => [{ a: 1, b: null }]
 */
export function toRecords(input: RowsInput): Row[] {
  const clean = (v: unknown): unknown => (typeof v === "number" && Number.isNaN(v) ? null : v);
  if (isFrameLike(input)) {
    const values = input.values as unknown[];
    return values.map((r) => {
      const cells = Array.isArray(r) ? r : [r];
      const row: Row = {};
      input.columns.forEach((c, i) => (row[c] = clean(cells[i])));
      return row;
    });
  }
  if (!Array.isArray(input)) throw new TypeError(`invalid rows: expected an array of records or a DataFrame`);
  return input.map((r) => {
    const row: Row = {};
    for (const [k, v] of Object.entries(r as Row)) row[k] = clean(v);
    return row;
  });
}

/** One column of tableHtml. */
export interface TableColumn {
  /** The field (record key or DataFrame column) shown. */
  key: string;
  /** Header text (escaped); defaults to the key. */
  label?: string;
  /** Fixed decimals for numbers; default: shortest digits. */
  decimals?: number;
  /** Cell alignment; default right for all-number columns (not declared `html`), left otherwise. */
  align?: "left" | "right" | "center";
  /** Turns a value into cell text; the result is escaped unless `html` is set. */
  render?: (value: unknown, row: Row) => string;
  /**
   * The cell is pre-rendered HTML from a helper such as badge(): inserted as is, NOT escaped.
   * Declare it only for values built by our helpers, never for text from articles.
   */
  html?: boolean;
}

/** Options of tableHtml. */
export interface TableOptions {
  /** Columns in order (keys or specs); default: every field, in order of first appearance. */
  columns?: readonly (string | TableColumn)[];
  /** A caption above the table (escaped). */
  caption?: string;
  /** Show at most this many rows and say how many were left out. */
  maxRows?: number;
  /** Text shown when there are no rows; default "No rows". */
  emptyText?: string;
  /**
   * Keep short cells (24 characters or fewer) on one line and give longer ones at least this
   * width (e.g. "18em"), so a wide table scrolls sideways instead of squeezing text into tall,
   * narrow columns.
   */
  longTextWidth?: string;
}

const TABLE_STYLE = `border-collapse:collapse;font-family:${FONT_STACK.replace(/"/g, "'")};font-size:13px;color:#222222;background:#FFFFFF;margin:4px 0`;
const CAPTION_STYLE = "caption-side:top;text-align:left;font-weight:600;padding:0 0 6px 0;color:#222222";
const TH_STYLE = "padding:4px 10px;border-bottom:2px solid #444444;font-weight:600;vertical-align:bottom";
const TD_STYLE = "padding:3px 10px;border-bottom:1px solid #E5E5E5;vertical-align:top";
const STRIPE = "background:#F7F7F7";

/**
 * The text of one cell value: numbers via formatNumber, null/undefined/NaN empty, Dates as ISO,
 * objects as JSON, everything else String(). Not escaped.
 * @example cellText(1234.5, 1) // => "1,234.5"
 */
export function cellText(value: unknown, decimals?: number): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return formatNumber(value, decimals);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * A styled HTML table of records or a danfojs DataFrame, with inline styles only. Every cell and
 * header is escaped except in columns declared `html: true`. Deterministic.
 * @example tableHtml([{ n: 1500 }], { columns: [{ key: "n", label: "N", decimals: 1 }] }).includes(">1,500.0</td>") // => true
 */
export function tableHtml(input: RowsInput, options: TableOptions = {}): string {
  const rows = toRecords(input);
  const columns = tableColumns(rows, input, options.columns);
  const shown = options.maxRows !== undefined ? rows.slice(0, Math.max(0, options.maxRows)) : rows;
  const align = (c: TableColumn): string =>
    c.align ??
    (!c.html && rows.some((r) => typeof r[c.key] === "number") && rows.every((r) => r[c.key] == null || typeof r[c.key] === "number")
      ? "right"
      : "left");
  const aligns = columns.map(align);
  // JupyterLab typesets $…$ in HTML outputs as LaTeX ("~$60,000–$61,000" would become maths);
  // MathJax skips elements with these classes.
  const out: string[] = [`<table class="${NO_MATH_CLASS}" style="${TABLE_STYLE}">`];
  if (options.caption !== undefined) out.push(`<caption style="${CAPTION_STYLE}">${escapeHtml(options.caption)}</caption>`);
  out.push(
    "<thead><tr>" +
      columns.map((c, i) => `<th style="${TH_STYLE};text-align:${aligns[i]}">${escapeHtml(c.label ?? c.key)}</th>`).join("") +
      "</tr></thead>",
  );
  out.push("<tbody>");
  shown.forEach((row, r) => {
    const cells = columns.map((c, i) => {
      const value = row[c.key];
      const text = c.render ? c.render(value, row) : cellText(value, c.decimals);
      const body = c.html ? String(text) : escapeHtml(text);
      const numeric = aligns[i] === "right" ? ";font-variant-numeric:tabular-nums;white-space:nowrap" : "";
      const wide = !options.longTextWidth || numeric ? "" : text.length > 24 ? `;min-width:${options.longTextWidth}` : ";white-space:nowrap";
      return `<td style="${TD_STYLE};text-align:${aligns[i]}${numeric}${wide}">${body}</td>`;
    });
    out.push(`<tr${r % 2 === 1 ? ` style="${STRIPE}"` : ""}>${cells.join("")}</tr>`);
  });
  const span = Math.max(1, columns.length);
  if (rows.length === 0) {
    out.push(`<tr><td colspan="${span}" style="${TD_STYLE};color:#666666">${escapeHtml(options.emptyText ?? "No rows")}</td></tr>`);
  } else if (shown.length < rows.length) {
    const more = rows.length - shown.length;
    out.push(`<tr><td colspan="${span}" style="${TD_STYLE};color:#666666">… ${formatNumber(more)} more row${more === 1 ? "" : "s"}</td></tr>`);
  }
  out.push("</tbody>", "</table>");
  return out.join("\n");
}

/**
 * A column named `rating` or `…_rating` shows each rating as its label (ratingLabel); other
 * values as they are.
 * @example ratingCell("accurate_rounded") // => "Accurate, rounded"
 * @example ratingCell("holds") // => "holds"
 */
export function ratingCell(value: unknown): string {
  return typeof value === "string" && isRating(value) ? ratingLabel(value) : cellText(value);
}

/**
 * The column spec for a key, as a reader reads it: the header in words (columnWords: "as_of" →
 * "as of"), a rating as its label, a vocabulary term, a date or a lone key in words
 * (valueWords), a verdict as its short label; numbers and other text as they are. A column
 * named `term` (terms(): the key a filter types) shows its values as they are.
 * @example columnFor("as_of").label // => "as of"
 * @example columnFor("verdict").render?.("confirmed_within_rounding", {}) // => "confirmed (rounding)"
 * @example columnFor("term").render?.("spot_btc_etfs", {}) // => "spot_btc_etfs"
 */
export function columnFor(key: string): TableColumn {
  const words = (value: unknown): string => {
    if (typeof value !== "string" || key === "term") return cellText(value);
    if (key === "verdict" && (VERDICTS as readonly string[]).includes(value)) return verdictLabel(value);
    return valueWords(key, value);
  };
  return { key, label: columnWords(key), render: words };
}

/** The columns of a table: the given specs, or every field in order of first appearance. */
function tableColumns(rows: Row[], input: RowsInput, specs?: readonly (string | TableColumn)[]): TableColumn[] {
  if (specs) return specs.map((s) => (typeof s === "string" ? columnFor(s) : s));
  const keys = isFrameLike(input) ? [...input.columns] : [];
  for (const row of rows) for (const k of Object.keys(row)) if (!keys.includes(k)) keys.push(k);
  return keys.map(columnFor);
}
