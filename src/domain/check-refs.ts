/**
 * References from data/checks.csv to data/independent.csv: a check may read a figure that
 * another outlet, a tracker or a filing printed (a tracker's three-month total, the series a
 * "17-year peak" names, the consensus an article's "above consensus" implies). Two forms:
 *
 * - `r045`: the row's own figure (its low/high, unit and as_of; its hedge read from its quote, as
 *   src/domain/independent.ts reads it);
 * - `r144:241749@2009-01`: another number the row's quote prints ("…since 2009, when 241,749 job
 *   cuts were announced"), in the row's unit, dated by the as_of after `@` (without `@…`, the
 *   row's as_of). The number must be printed in the quote (digits only: "minus 0.68" prints 0.68,
 *   so `r062:-0.68@2026-02-03` is accepted); the sign is the check's reading.
 *
 * A reference resolves to a claim-shaped figure (id = the token), so that the hedge rules, the
 * kinds' units and scope rules treat it like a ledger claim.
 */
import { isIsoDateOrRange } from "../data/ledger";
import { printedInQuote, sourceHedgeInput } from "./sources";
import { type IndependentRow } from "../data/independent-file";
import type { Claim } from "../data/types";

/** `r045`, or `r062:-0.68@2026-02-03` / `r094:147`. */
const REFERENCE = /^(r\d{3,})(?::(-?\d+(?:\.\d+)?))?(?:@(\S+))?$/;

/**
 * True when a token names data/independent.csv rather than a ledger claim (it starts like `r045`).
 * @example isReference("r062:-0.68@2026-02-03") // => true
 * @example isReference("crushes-001") // => false
 */
export function isReference(token: string): boolean {
  return /^r\d/.test(token);
}

/**
 * Resolves a reference token against the rows of data/independent.csv: the figure as a
 * claim-shaped record, or the problem in words (for a `file:line: field problem` message).
 * @example resolveReference("r999", new Map()) // => "\"r999\": r999 is not a row of data/independent.csv"
 * @example resolveReference("r1", new Map()) // => "\"r1\" is not a reference like r045 or r062:-0.68@2026-02-03"
 */
export function resolveReference(token: string, rows: ReadonlyMap<string, IndependentRow>): Claim | string {
  const m = REFERENCE.exec(token);
  if (!m || (m[3] !== undefined && m[2] === undefined)) return `"${token}" is not a reference like r045 or r062:-0.68@2026-02-03`;
  const row = rows.get(m[1]);
  if (!row) return `"${token}": ${m[1]} is not a row of data/independent.csv`;
  const value = m[2] === undefined ? null : Number(m[2]);
  if (value !== null && printedInQuote(row.quote, value, row.unit) === null) return `"${token}": ${m[2].replace(/^-/, "")} is not printed in the quote of ${row.id}`;
  const asOf = m[3] ?? row.as_of;
  if (!isIsoDateOrRange(asOf)) return `"${token}": "${asOf}" is not an ISO date, month, year or range`;
  const h = sourceHedgeInput(value === null ? row : { low: value, high: value, unit: row.unit, quote: row.quote });
  return {
    id: token,
    article: "",
    section: "",
    quote: row.quote,
    subject: row.subject,
    metric: row.metric,
    window: row.window,
    low: h.low,
    high: h.high,
    unit: row.unit,
    qualifier: h.qualifier,
    as_of: asOf,
    raw: h.raw,
    hedge: h.hedge,
    note: `${row.outlet} (${row.tier}), ${row.url}`,
    line: row.line,
  };
}
