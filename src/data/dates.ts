/**
 * The days an `as_of` covers (a day, a span `a/b`, a month or a year), for comparing dates of
 * figures and placing them on a chart's date axis. Pure, UTC, no clock.
 */

/**
 * The first and last day an `as_of` covers: a day `2026-02-05`, a span `2026-02-02/2026-02-06`,
 * a month `2026-01` or a year `2026` (CONTRACT.md).
 * @throws RangeError `invalid as_of: "…"` for anything else.
 * @example asOfSpan("2025-10") // => { start: "2025-10-01", end: "2025-10-31" }
 */
export function asOfSpan(asOf: string): { start: string; end: string } {
  const parts = String(asOf).split("/");
  const first = dayRange(parts[0]!, asOf);
  const last = parts.length === 2 ? dayRange(parts[1]!, asOf) : parts.length === 1 ? first : undefined;
  if (!last || last.end < first.start) throw new RangeError(`invalid as_of: ${JSON.stringify(asOf)}`);
  return { start: first.start, end: last.end };
}

/** First and last day of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
function dayRange(part: string, asOf: string): { start: string; end: string } {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(part);
  if (!m) throw new RangeError(`invalid as_of: ${JSON.stringify(asOf)}`);
  const y = Number(m[1]);
  if (m[3] !== undefined) {
    const d = new Date(Date.UTC(y, Number(m[2]) - 1, Number(m[3])));
    if (d.getUTCMonth() !== Number(m[2]) - 1) throw new RangeError(`invalid as_of: ${JSON.stringify(asOf)}`);
    return { start: part, end: part };
  }
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) throw new RangeError(`invalid as_of: ${JSON.stringify(asOf)}`);
    return { start: isoDay(Date.UTC(y, month - 1, 1)), end: isoDay(Date.UTC(y, month, 0)) };
  }
  return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Where on a date axis a claim's `as_of` sits: the day itself, or the midpoint of a span
 * (between the first and the last day, both at midnight), as plotly's `YYYY-MM-DD[ HH:MM]`.
 * @example asOfMidpoint("2026-02-05/2026-02-06") // => "2026-02-05 12:00"
 */
export function asOfMidpoint(asOf: string): string {
  const { start, end } = asOfSpan(asOf);
  const mid = new Date((Date.parse(`${start}T00:00:00Z`) + Date.parse(`${end}T00:00:00Z`)) / 2).toISOString();
  const time = mid.slice(11, 16);
  return time === "00:00" ? mid.slice(0, 10) : `${mid.slice(0, 10)} ${time}`;
}
