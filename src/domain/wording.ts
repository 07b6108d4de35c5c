/**
 * Figures and dates in the words a reader expects: "$60,008.52", "$3.79 billion", "a 5.6% fall",
 * "570,000 people", "6 Feb 2026", "2–6 Feb 2026", "November 2025". No interval notation, no unit
 * ids. Used by the explanations (src/domain/explain.ts) and by the checks' working lines.
 */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * A number with thousands separators, its whole part always in full and its decimals cut to
 * `digits` significant digits in all (trailing zeros dropped); a minus sign as "−".
 * @example plainNumber(60008.52, 7) // => "60,008.52"
 * @example plainNumber(103.2967033) // => "103.3"
 * @example plainNumber(-1.59) // => "−1.59"
 * @example plainNumber(4.379) // => "4.379"
 */
export function plainNumber(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  const whole = Math.floor(abs).toString().length;
  const decimals = abs >= 1 ? Math.max(0, digits - whole) : Math.max(0, digits - 1 - Math.floor(Math.log10(abs || 1)));
  const rounded = Number(abs.toFixed(Math.min(decimals, 6)));
  const [int, frac] = String(abs >= 1e4 && Number.isInteger(rounded) ? rounded : rounded).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const text = frac ? `${grouped}.${frac}` : grouped;
  return (x < 0 && rounded !== 0 ? "−" : "") + text;
}

/** How each unit is written around a number. */
const UNIT_WORDS: Readonly<Record<string, (n: string) => string>> = {
  USD: (n) => `$${n}`,
  USD_mn: (n) => `$${n} million`,
  USD_bn: (n) => `$${n} billion`,
  USD_tn: (n) => `$${n} trillion`,
  CNY_mn: (n) => `RMB ${n} million`,
  CNY_bn: (n) => `RMB ${n} billion`,
  TWD_mn: (n) => `NT$${n} million`,
  pct: (n) => `${n}%`,
  pct_points: (n) => `${n} percentage points`,
  index_pts: (n) => `${n} points`,
  points: (n) => `${n} points`,
  coins: (n) => `${n} bitcoin`,
  people: (n) => `${n} people`,
  ratio: (n) => n,
  x: (n) => `${n}x`,
  years: (n) => `${n} years`,
  months: (n) => `${n} months`,
  sessions: (n) => `${n} sessions`,
  score: (n) => `a reading of ${n}`,
  USD_per_oz: (n) => `$${n} an ounce`,
  count: (n) => n,
};

/**
 * A value in its unit as a reader writes it; money keeps its sign in front ("−$3 billion").
 * @example plainAmount(60008.52, "USD", 7) // => "$60,008.52"
 * @example plainAmount(3.79, "USD_bn") // => "$3.79 billion"
 * @example plainAmount(-5.6, "pct") // => "−5.6%"
 * @example plainAmount(0.233, "CNY_per_TWD") // => "0.233 CNY per TWD"
 */
export function plainAmount(value: number, unit: string, digits = 4): string {
  const n = plainNumber(Math.abs(value), digits);
  const sign = value < 0 && n !== "0" ? "−" : "";
  const rate = /^([A-Z]{3})_per_([A-Z]{3})$/.exec(unit);
  if (rate) return `${sign}${n} ${rate[1]} per ${rate[2]}`;
  const w = UNIT_WORDS[unit];
  return w ? `${sign}${w(n)}` : `${sign}${n} ${unit.replace(/_/g, " ")}`;
}

/**
 * A range of values in its unit: "$60,008–$60,187", "18–20%", or one value when both ends agree;
 * an open end becomes "at least" / "at most".
 * @example plainRange(60008, 60187, "USD") // => "$60,008 to $60,187"
 * @example plainRange(2.5, null, "USD_bn") // => "at least $2.5 billion"
 * @example plainRange(7, 7, "USD_bn") // => "$7 billion"
 */
export function plainRange(low: number | null, high: number | null, unit: string, digits = 4): string {
  if (low !== null && high !== null) return low === high ? plainAmount(low, unit, digits) : `${plainAmount(low, unit, digits)} to ${plainAmount(high, unit, digits)}`;
  if (low !== null) return `at least ${plainAmount(low, unit, digits)}`;
  if (high !== null) return `at most ${plainAmount(high, unit, digits)}`;
  return "any value";
}

function dayParts(d: string): [number, number, number | null] {
  const [y, m, day] = d.split("-").map(Number);
  return [y, m ?? 0, day ?? null];
}

/**
 * An as_of date in words: a day, a month, a year, or a span of them.
 * @example plainDate("2026-02-06") // => "6 Feb 2026"
 * @example plainDate("2026-02-02/2026-02-06") // => "2–6 Feb 2026"
 * @example plainDate("2025-11") // => "November 2025"
 * @example plainDate("2025-10-06/2025-12-04") // => "6 Oct to 4 Dec 2025"
 * @example plainDate("2025-11-01/2026-01-31") // => "1 Nov 2025 to 31 Jan 2026"
 */
export function plainDate(asOf: string): string {
  const one = (d: string) => {
    const [y, m, day] = dayParts(d);
    if (!m) return String(y);
    return day === null ? `${MONTH_NAMES[m - 1]} ${y}` : `${day} ${MONTHS[m - 1]} ${y}`;
  };
  const parts = asOf.split("/");
  if (parts.length !== 2) return one(asOf);
  const [a, b] = parts.map(dayParts);
  if (a[2] !== null && b[2] !== null) {
    if (a[0] === b[0] && a[1] === b[1]) return `${a[2]}–${b[2]} ${MONTHS[b[1] - 1]} ${b[0]}`;
    if (a[0] === b[0]) return `${a[2]} ${MONTHS[a[1] - 1]} to ${b[2]} ${MONTHS[b[1] - 1]} ${b[0]}`;
  }
  return `${one(parts[0])} to ${one(parts[1])}`;
}

/**
 * A share as a reader reads it: "0.35%", "37%", "less than 0.01%".
 * @example plainShare(0.0034869) // => "0.35%"
 * @example plainShare(0.37) // => "37%"
 */
export function plainShare(share: number): string {
  const pct = 100 * Math.abs(share);
  if (pct < 0.01) return "less than 0.01%";
  return `${Number(pct.toPrecision(2))}%`;
}

/**
 * A quoted figure with typographic quotes, for sentences.
 * @example quoted("$60,000") // => "“$60,000”"
 */
export function quoted(text: string): string {
  return `“${text.trim()}”`;
}
