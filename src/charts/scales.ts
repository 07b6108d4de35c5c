/**
 * How a chart colours its rows: by a column (article by default; any column of the figures table,
 * such as source, origin or tier), by rating on the reader's fixed scale, or by a verdict given
 * per row. A scale gives each row a key, each key a colour and a legend name, and the keys' order.
 */
import { RATINGS, isRating, ratingLabel } from "../domain/ratings";
import { valueWords } from "../domain/wording";
import { RATING_COLORS, VERDICTS, VERDICT_COLORS, VERDICT_LABELS, normalizeVerdict, type Verdict } from "../render/html";
import { unique } from "./parts";
import type { ClaimLike } from "./rows";
import { colorMap } from "./theme";

/** The legend name of rows without a value in the colour column that come from outside sources. */
export const OUTSIDE_KEY = "outside sources";
/** Their colour when rows are coloured by rating (outside figures have no rating). */
export const OUTSIDE_COLOR = "#8C8C8C";

/** A colouring of chart rows. */
export interface ColorScale {
  key(row: ClaimLike): string;
  color(key: string): string;
  /** The legend name (not escaped). */
  name(key: string): string;
  /** The keys present, in legend order. */
  keys(rows: readonly ClaimLike[]): string[];
}

/**
 * The value of a row's colour column as a key: the value, or for an outside figure without one
 * (the figures table leaves `article` and `rating` empty for them) "outside sources".
 * @example colorKey({ article: "", origin: "outside" }, "article") // => "outside sources"
 * @example colorKey({ article: "a", rating: "accurate" }, "rating") // => "accurate"
 */
export function colorKey(row: Partial<Record<string, unknown>>, column: string): string {
  const v = row[column];
  if (v !== undefined && v !== null && v !== "") return String(v);
  return row.origin === "outside" ? OUTSIDE_KEY : "";
}

/**
 * The column rows are coloured by when the caller names none: who printed each figure (`source`,
 * the article's short name or the outlet) when the rows carry it, else the article.
 * @example defaultColorColumn([{ source: "TradingKey" }]) // => "source"
 * @example defaultColorColumn([{ article: "a" }]) // => "article"
 */
export function defaultColorColumn(rows: readonly Partial<Record<string, unknown>>[]): string {
  return rows.some((r) => typeof r.source === "string" && r.source !== "") ? "source" : "article";
}

/**
 * Colours by a column, Okabe–Ito in order of first appearance; legend names in words
 * (valueWords: a window, a date, a rating as a reader reads it).
 * @example columnScale([], "window").name("after_hours") // => "after the regular session closed"
 * @example columnScale([], "as_of").name("2026-02-06") // => "6 Feb 2026"
 */
export function columnScale(rows: readonly ClaimLike[], column: string): ColorScale {
  const colors = colorMap(rows.map((r) => colorKey(r, column)));
  return {
    key: (r) => colorKey(r, column),
    color: (k) => colors[k] ?? OUTSIDE_COLOR,
    name: (k) => (k === OUTSIDE_KEY ? k : valueWords(column, k)),
    keys: (rs) => unique(rs.map((r) => colorKey(r, column))),
  };
}

/**
 * Colours by the rows' `rating` column on the fixed rating colours, legend names the rating
 * labels, best first; outside figures grey and drawn first, so the articles' figures lie on top.
 * @throws Error naming the row whose rating is not on the scale.
 */
export function ratingScale(): ColorScale {
  const key = (r: ClaimLike) => {
    const k = colorKey(r, "rating");
    if (k !== OUTSIDE_KEY && !isRating(k)) throw new Error(`chart: row ${r.id} has no rating on the scale (${JSON.stringify(r.rating ?? "")}; expected one of ${RATINGS.join(", ")})`);
    return k;
  };
  const order = [OUTSIDE_KEY, ...RATINGS];
  return {
    key,
    color: (k) => (isRating(k) ? RATING_COLORS[k] : OUTSIDE_COLOR),
    name: (k) => (isRating(k) ? ratingLabel(k) : k),
    keys: (rs) => order.filter((k) => rs.some((r) => key(r) === k)),
  };
}

/**
 * Colours by a verdict given per row id, in the fixed verdict colours and order.
 * @throws Error naming the first row without a verdict.
 */
export function verdictScale(verdicts: Readonly<Record<string, string>> | undefined, fn: string): ColorScale {
  const key = (r: ClaimLike): Verdict => {
    const v = verdicts?.[r.id];
    if (v === undefined) throw new Error(`${fn}: no verdict for claim ${r.id} (colorBy "verdict")`);
    return normalizeVerdict(v);
  };
  return {
    key,
    color: (k) => VERDICT_COLORS[k as Verdict],
    name: (k) => VERDICT_LABELS[k as Verdict],
    keys: (rs) => VERDICTS.filter((v) => rs.some((r) => key(r) === v)),
  };
}
