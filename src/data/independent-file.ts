/**
 * The independent figures: data/independent.csv (figures that other outlets, data providers and
 * filings published about the same events, each restated in the ledger's own form and linked to
 * the claims it bears on) and data/origins.csv (which claims come from which origin). Reading and
 * checking only; src/domain/independent.ts compares and weighs them.
 */
import * as fs from "node:fs";
import { DataError, decodeUtf8, parseCsv, parseNumberField } from "./csv";
import { isIsoDateOrRange, type Ledger } from "./ledger";
import { rel } from "./paths";
import { matchesInWords, printedMismatch } from "../domain/printed";
import { printedInQuote } from "../domain/sources";

export const INDEPENDENT_COLUMNS = ["id", "subject", "metric", "window", "low", "high", "unit", "as_of", "quote", "url", "outlet", "published", "tier", "claims", "stance", "note", "instrument", "origin"] as const;

/** Who published a source: see data/README.md (independent.csv) for the rules. */
export type Tier = "primary" | "wire" | "aggregator";
export const TIERS: readonly Tier[] = ["primary", "wire", "aggregator"];

/** The stance given in the shared corroboration file (kept as given; the verdict is computed afresh). */
export type Stance = "corroborates" | "refines" | "contradicts";
export const STANCES: readonly Stance[] = ["corroborates", "refines", "contradicts"];

/** One row of data/independent.csv. */
export interface IndependentRow {
  id: string;
  subject: string;
  metric: string;
  window: string;
  /** Lower bound in `unit`; null when open ("over X" falls: "fell more than 16%" has low null). */
  low: number | null;
  /** Upper bound in `unit`; null when open. */
  high: number | null;
  unit: string;
  as_of: string;
  quote: string;
  url: string;
  outlet: string;
  published: string;
  tier: Tier;
  /** Ledger claim ids this figure bears on (at least one). */
  claims: string[];
  stance: Stance;
  note: string;
  /** What was measured when it matters: "futures", "spot", "index", "exchange"; "" when the source does not say. */
  instrument: Instrument;
  /** Who first published the figure this row restates (a data provider, a bank note, a wire), as a slug. */
  origin: string;
  /** 1-based line of the row in the file (for messages). */
  line: number;
}

/** What a source measured when several instruments quote one subject ("" when not stated). */
export type Instrument = "" | "spot" | "futures" | "index" | "exchange";
export const INSTRUMENTS: readonly Instrument[] = ["", "spot", "futures", "index", "exchange"];

/** The columns of data/origins.csv. */
export const ORIGIN_COLUMNS = ["origin", "name", "claims", "evidence"] as const;

/** One row of data/origins.csv: an origin that some ledger claims come from. */
export interface Origin {
  origin: string;
  name: string;
  /** The ledger claims whose figures come from this origin. */
  claims: string[];
  evidence: string;
  line: number;
}

// ---------------------------------------------------------------------------------------------
// Reading and checking the file

const URL_PATTERN = /^https?:\/\/[^\s]+$/;
const ID_PATTERN = /^r\d{3,}$/;
const ORIGIN_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads data/independent.csv and checks every row against the ledger: numbers (via
 * parseNumberField), vocabulary terms, tier and stance, as_of, quote and url, and that every
 * linked claim exists. Never throws for bad data: returns the valid rows and every problem as a
 * DataError (`file:line: field problem`). A missing or unparsable file is one error at line 0 or
 * at the offending line. Bounds are in the row's `unit`. Messages name the file `label` (by
 * default its path from the project root; loaders of a data folder pass "data/independent.csv",
 * so that a copy of data/ elsewhere is named like the original).
 * @example readIndependent("/nonexistent/independent.csv", { byId: new Map(), vocabulary: [] }).errors.map((e) => e.problem) // => ["does not exist"]
 */
export function readIndependent(file: string, ledger: Pick<Ledger, "byId" | "vocabulary">, label: string = rel(file)): { rows: IndependentRow[]; errors: DataError[] } {
  const errors: DataError[] = [];
  if (!fs.existsSync(file)) return { rows: [], errors: [new DataError(label, 0, "", "does not exist")] };
  let table;
  try {
    table = parseCsv(decodeUtf8(fs.readFileSync(file), label), label, INDEPENDENT_COLUMNS);
  } catch (e) {
    if (e instanceof DataError) return { rows: [], errors: [e] };
    throw e;
  }
  const vocab = new Map<string, Set<string>>();
  for (const t of ledger.vocabulary) {
    if (!vocab.has(t.field)) vocab.set(t.field, new Set());
    vocab.get(t.field)!.add(t.term);
  }
  const rows: IndependentRow[] = [];
  const seen = new Set<string>();
  for (const { line, values: v } of table.rows) {
    const before = errors.length;
    const err = (field: string, problem: string) => errors.push(new DataError(label, line, field, problem));
    if (!ID_PATTERN.test(v.id)) err("id", `"${v.id}" is not an id like r001`);
    else if (seen.has(v.id)) err("id", `"${v.id}" is a duplicate id`);
    seen.add(v.id);
    for (const f of ["subject", "metric", "window", "unit"] as const) {
      if (v[f] === "") err(f, "is empty (required)");
      else if (!vocab.get(f)?.has(v[f])) err(f, `"${v[f]}" is not a ${f} of data/vocabulary.csv`);
    }
    const bound = (f: "low" | "high"): number | null => {
      try {
        return parseNumberField(v[f], label, line, f, true);
      } catch (e) {
        errors.push(e as DataError);
        return null;
      }
    };
    const low = bound("low");
    const high = bound("high");
    // every bound is a figure the quote prints (digits as printedInQuote finds them, or words: src/domain/printed.ts)
    for (const [f, x] of [["low", low], ["high", high]] as const) {
      if (x !== null && v.quote.trim() !== "" && printedInQuote(v.quote, x, v.unit, v.as_of) === null && !matchesInWords(x, v.quote, v.unit, v.as_of)) err(f, printedMismatch(v[f], v.quote));
    }
    if (v.low === "" && v.high === "") err("low", "and high are both empty (a figure needs at least one bound)");
    else if (low !== null && high !== null && low > high) err("low", `${low} is greater than high ${high}`);
    if (v.as_of === "") err("as_of", "is empty (required)");
    else if (!isIsoDateOrRange(v.as_of)) err("as_of", `"${v.as_of}" is not an ISO date, month, year or range`);
    if (v.published !== "" && !isIsoDateOrRange(v.published)) err("published", `"${v.published}" is not an ISO date`);
    if (v.quote.trim() === "") err("quote", "is empty (the excerpt carrying the number is required)");
    if (v.url === "") err("url", "is empty (required)");
    else if (!URL_PATTERN.test(v.url)) err("url", `"${v.url}" is not an http(s) URL`);
    if (v.outlet.trim() === "") err("outlet", "is empty (required)");
    if (!(TIERS as readonly string[]).includes(v.tier)) err("tier", `"${v.tier}" is not one of ${TIERS.join(", ")}`);
    if (!(STANCES as readonly string[]).includes(v.stance)) err("stance", `"${v.stance}" is not one of ${STANCES.join(", ")}`);
    const claims = v.claims.split(" ").filter((c) => c !== "");
    if (claims.length === 0) err("claims", "is empty (link at least one ledger claim id)");
    for (const c of claims) if (!ledger.byId.has(c)) err("claims", `"${c}" is not a claim id of data/claims.csv`);
    if (new Set(claims).size !== claims.length) err("claims", "lists a claim id twice");
    if (!(INSTRUMENTS as readonly string[]).includes(v.instrument)) err("instrument", `"${v.instrument}" is not one of ${INSTRUMENTS.filter((i) => i).join(", ")} (or empty)`);
    if (!ORIGIN_PATTERN.test(v.origin)) err("origin", `"${v.origin}" is not a slug like deutsche-bank (who first published the figure)`);
    if (errors.length === before) {
      rows.push({
        id: v.id, subject: v.subject, metric: v.metric, window: v.window, low, high, unit: v.unit, as_of: v.as_of, quote: v.quote, url: v.url,
        outlet: v.outlet, published: v.published, tier: v.tier as Tier, claims, stance: v.stance as Stance, note: v.note,
        instrument: v.instrument as Instrument, origin: v.origin, line,
      });
    }
  }
  return { rows, errors };
}

/**
 * Reads data/origins.csv: the origins some ledger claims come from (a data provider the article
 * names, a bank note it relays). Checks the slug, the name and that every claim exists. Never
 * throws for bad data; a missing file is one error.
 * @example readOrigins("/nonexistent/origins.csv", { byId: new Map() }).errors.map((e) => e.problem) // => ["does not exist"]
 */
export function readOrigins(file: string, ledger: Pick<Ledger, "byId">, label: string = rel(file)): { origins: Origin[]; errors: DataError[] } {
  if (!fs.existsSync(file)) return { origins: [], errors: [new DataError(label, 0, "", "does not exist")] };
  let table;
  try {
    table = parseCsv(decodeUtf8(fs.readFileSync(file), label), label, ORIGIN_COLUMNS);
  } catch (e) {
    if (e instanceof DataError) return { origins: [], errors: [e] };
    throw e;
  }
  const errors: DataError[] = [];
  const origins: Origin[] = [];
  const seen = new Set<string>();
  for (const { line, values: v } of table.rows) {
    const before = errors.length;
    const err = (field: string, problem: string) => errors.push(new DataError(label, line, field, problem));
    if (!ORIGIN_PATTERN.test(v.origin)) err("origin", `"${v.origin}" is not a slug like deutsche-bank`);
    else if (seen.has(v.origin)) err("origin", `"${v.origin}" is listed twice`);
    seen.add(v.origin);
    if (v.name.trim() === "") err("name", "is empty (required)");
    const claims = v.claims.split(" ").filter((c) => c !== "");
    if (claims.length === 0) err("claims", "is empty (list the ledger claims that come from this origin)");
    for (const c of claims) if (!ledger.byId.has(c)) err("claims", `"${c}" is not a claim id of data/claims.csv`);
    if (v.evidence.trim() === "") err("evidence", "is empty (say how we know the claims come from it)");
    if (errors.length === before) origins.push({ origin: v.origin, name: v.name, claims, evidence: v.evidence, line });
  }
  return { origins, errors };
}
