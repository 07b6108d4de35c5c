/**
 * Dates printed in a text, by Microsoft Recognizers-Text's English date-time model, line by
 * line: where each is, and the ISO date, month, year or range it names (for `as_of`, and so that
 * the numbers inside a date are not proposed as figures). Dates without a year ("February 6",
 * "Friday") are resolved against a reference day — the publication date — taking the latest
 * reading on or before it; without a reference they stay unresolved. Vague spans ("late
 * January", "the second half of 2025") are found (their numbers are dates) but not resolved.
 */
import { textLines } from "./recognise";

/** A date printed in the text. */
export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** ISO date, month, year or range `a/b`, or "" when it cannot be resolved. */
  iso: string;
  /** True when the date is printed with numbers or a month name (its numbers are not figures); false for "Friday". */
  numeric: boolean;
}

interface DtValue {
  timex?: string;
  type?: string;
  value?: string;
  start?: string;
  end?: string;
  Mod?: string;
}

type DtResult = { start: number; end: number; text: string; typeName: string; resolution: { values?: DtValue[] } };
let model: { parse(q: string, ref?: Date): DtResult[] } | undefined;

/**
 * The English date-time model, built once on first use: the library's recognizeDateTime() builds
 * a recognizer with every model of the culture on every call. Same model, same results.
 */
function dateModel(): { parse(q: string, ref?: Date): DtResult[] } {
  if (!model) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const D = require("@microsoft/recognizers-text-date-time") as typeof import("@microsoft/recognizers-text-date-time");
    model = new D.DateTimeRecognizer(D.Culture.English, D.DateTimeOptions.None, true).getDateTimeModel() as unknown as typeof model;
  }
  return model!;
}

const MONTH = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/i;

/**
 * True when a recognised span is a date worth the name: it names a month, a year, a clock time
 * or a numeric date (not a bare duration such as "one week" or "24h").
 * @example isDateLike("February 6–7") // => true
 * @example isDateLike("in 24h") // => false
 */
export function isDateLike(span: string): boolean {
  return MONTH.test(span) || /\b(19|20)\d\d\b/.test(span) || /\d{1,2}:\d{2}/.test(span) || /\d+[/-]\d+[/-]\d+/.test(span);
}

/** The ISO day before the next day of `end` (the library gives exclusive ends for ranges). */
function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The ISO form of one recognised date: among its readings, the latest on or before
 * `reference` (the first one when none is); "" when vague or unresolvable.
 * @example resolveDate([{ timex: "XXXX-02-06", type: "date", value: "2026-02-06" }, { timex: "XXXX-02-06", type: "date", value: "2027-02-06" }], "2026-02-07") // => "2026-02-06"
 * @example resolveDate([{ timex: "2025-12", type: "daterange", start: "2025-12-01", end: "2026-01-01" }], "") // => "2025-12"
 */
export function resolveDate(values: readonly DtValue[], reference: string): string {
  const readings: string[] = [];
  for (const v of values) {
    if (v.Mod) continue;
    const timex = v.timex ?? "";
    if (!reference && timex.includes("XXXX")) continue;
    if (v.type === "date" && v.value) readings.push(v.value.slice(0, 10));
    else if (v.type === "datetime" && v.value && /^\d{4}-\d{2}-\d{2}/.test(timex)) readings.push(v.value.slice(0, 10));
    else if (v.type === "daterange" && v.start) {
      if (/^(XXXX|\d{4})-\d{2}$/.test(timex)) readings.push(v.start.slice(0, 7));
      else if (/^\d{4}$/.test(timex)) readings.push(timex);
      else if (/^\(.*P\d+D\)$/.test(timex) && v.end) readings.push(`${v.start}/${dayBefore(v.end)}`);
    }
  }
  if (readings.length === 0) return "";
  if (!reference) return readings[0];
  const past = readings.filter((r) => r.slice(0, 10) <= reference).sort();
  return past.length > 0 ? past[past.length - 1] : readings[0];
}

/**
 * Every date of `text` (see the module comment), in order, resolved against `reference` (an ISO
 * date, or "" for none).
 * @example recogniseDates("On February 5, the index closed near 22,540", "2026-02-07").map((d) => d.iso) // => ["2026-02-05"]
 * @example recogniseDates("Bitcoin fell on Friday", "2026-02-07").map((d) => [d.iso, d.numeric]) // => [["2026-02-06", false]]
 */
export function recogniseDates(text: string, reference: string): DateMention[] {
  const ref = /^\d{4}-\d{2}-\d{2}$/.test(reference) ? new Date(`${reference}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12));
  const out: DateMention[] = [];
  for (const { start, line } of textLines(text)) {
    if (!/\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|day\b/i.test(line)) continue;
    for (const r of dateModel().parse(line, ref)) {
      const span = line.slice(r.start, r.end + 1);
      if (r.typeName.endsWith("duration") || r.typeName.endsWith("set")) continue;
      const numeric = isDateLike(span);
      const iso = resolveDate(r.resolution?.values ?? [], reference);
      // a weekday ("on Friday") dates a figure but holds no number
      if (numeric || (iso && /\b(mon|tues|wednes|thurs|fri|satur|sun)day\b/i.test(span))) out.push({ start: start + r.start, end: start + r.end + 1, text: span, iso, numeric });
    }
  }
  return out;
}

/**
 * The publication day a text implies when none is given: the latest full date (with its year)
 * printed in it; "" when it prints none.
 * @example impliedPublished("Headline-Level Damage Snapshot (February 8, 2026)") // => "2026-02-08"
 */
export function impliedPublished(text: string): string {
  const full = recogniseDates(text, "")
    .map((d) => d.iso)
    .filter((iso) => /^\d{4}-\d{2}-\d{2}$/.test(iso))
    .sort();
  return full.length > 0 ? full[full.length - 1] : "";
}
