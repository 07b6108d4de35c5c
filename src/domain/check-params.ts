/**
 * The `params` column of data/checks.csv: `key=value` pairs separated by spaces. This module
 * parses them and checks each value on its own (`validateParam`); which keys a kind accepts is
 * in src/domain/check-kinds.ts, and the keys that name other figures (`ref=`, `date=`) are
 * resolved against the ledger and data/independent.csv by src/domain/checks.ts.
 *
 * | key                | value | meaning |
 * |--------------------|-------|---------|
 * | expected           | LOW..HIGH or a number | a reference target instead of a result claim |
 * | ref                | r045 (a reference) | the target is a figure of data/independent.csv |
 * | read               | printed, hedged | `printed`: read every input as the number printed, ignoring over/under |
 * | alternative        | a check id | another reading of the same sentence: when this check fails and that one holds, the figure is misleading (right for another measure), not inaccurate |
 * | asserts            | at_most | what the sentence asserts: `at_most` passes any value no further from zero than the claim's far end ("swept out by a 2%-5% move") |
 * | maintenance_margin | 0 ≤ x < 1 | leverage_wipeout_move |
 * | parts              | partial, all | sum_of: the inputs are only some of the parts |
 * | as                 | pct, ratio | ratio_of: the result as a percentage |
 * | order              | lowest, highest | rank_among, record_span: which end of the list is first |
 * | since              | an ISO date, month, year or range | months_since: the start of the span |
 * | weekday            | Thursday, or Monday..Friday | weekday: the weekday(s) the date must fall on |
 * | date               | an ISO date or range, a claim id or a reference | weekday: the date tested, instead of the input's as_of |
 */
import { isIsoDateOrRange } from "../data/ledger";
import { interval } from "./intervals";
import { WEEKDAYS } from "./recompute";
import type { Interval } from "../data/types";

/** Keys every kind accepts. */
export const COMMON_PARAMS: readonly string[] = ["expected", "ref", "read", "asserts", "alternative"];

/**
 * Parses `params` ("maintenance_margin=0.005 expected=0.21..0.26") into a record.
 * @throws RangeError `"…" is not key=value`.
 * @example parseParams("maintenance_margin=0.005 parts=partial") // => { maintenance_margin: "0.005", parts: "partial" }
 */
export function parseParams(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const tok of text.trim().split(/\s+/).filter(Boolean)) {
    const m = /^([a-z_]+)=(\S+)$/.exec(tok);
    if (!m) throw new RangeError(`"${tok}" is not key=value`);
    out[m[1]] = m[2];
  }
  return out;
}

/**
 * Reads `expected=LOW..HIGH` (or a single number) as a closed interval.
 * @throws RangeError `"…" is not LOW..HIGH`.
 * @example parseExpected("0.21..0.26") // => { low: 0.21, high: 0.26 }
 */
export function parseExpected(text: string): Interval {
  const m = /^(-?\d+(?:\.\d+)?)(?:\.\.(-?\d+(?:\.\d+)?))?$/.exec(text);
  if (!m || (m[2] !== undefined && Number(m[1]) > Number(m[2]))) throw new RangeError(`"${text}" is not LOW..HIGH`);
  return interval(Number(m[1]), Number(m[2] ?? m[1]));
}

/**
 * Reads `weekday=Thursday` or `weekday=Monday..Friday` as ISO weekdays (1 = Monday … 7 = Sunday);
 * a range runs forward and may wrap past Sunday.
 * @throws RangeError `"…" is not a weekday or a range of weekdays (Thursday, Monday..Friday)`.
 * @example parseWeekdays("Thursday") // => [4]
 * @example parseWeekdays("Monday..Friday") // => [1, 2, 3, 4, 5]
 */
export function parseWeekdays(text: string): number[] {
  const names = text.split("..");
  const ks = names.map((n) => (WEEKDAYS as readonly string[]).indexOf(n) + 1);
  if (names.length > 2 || ks.some((k) => k === 0)) throw new RangeError(`"${text}" is not a weekday or a range of weekdays (Thursday, Monday..Friday)`);
  const out = [ks[0]];
  for (let k = ks[0]; k !== (ks[1] ?? ks[0]); ) {
    k = (k % 7) + 1;
    out.push(k);
  }
  return out;
}

/**
 * The problem with one param value on its own, in words (null when it is fine). References in
 * `ref=` and `date=` are only checked for form here; they are resolved by parseChecks.
 * @example validateParam("order", "up") // => "order \"up\" is not lowest or highest"
 * @example validateParam("since", "2024-10/2024-12") // => null
 */
export function validateParam(key: string, value: string): string | null {
  const oneOf = (...allowed: string[]) => (allowed.includes(value) ? null : `${key} "${value}" is not ${allowed.slice(0, -1).join(", ")} or ${allowed[allowed.length - 1]}`);
  switch (key) {
    case "asserts":
      return value === "at_most" ? null : `asserts="${value}" is not a reading of the sentence (allowed: at_most)`;
    case "alternative":
      return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) ? null : `alternative "${value}" is not a check id`;
    case "maintenance_margin": {
      const x = Number(value);
      return /^\d*\.?\d+$/.test(value) && x >= 0 && x < 1 ? null : `maintenance_margin "${value}" is not a number in [0, 1)`;
    }
    case "parts":
      return oneOf("partial", "all");
    case "as":
      return oneOf("pct", "ratio");
    case "order":
      return oneOf("lowest", "highest");
    case "read":
      return oneOf("printed", "hedged");
    case "since":
      return isIsoDateOrRange(value) ? null : `since "${value}" is not an ISO date, month, year or range`;
    case "weekday":
    case "expected":
      try {
        if (key === "weekday") parseWeekdays(value);
        else parseExpected(value);
        return null;
      } catch (e) {
        return `${key} ${(e as Error).message}`;
      }
    default:
      return null;
  }
}
