/**
 * The claims ledger: reads data/articles.csv, data/articles/<id>.txt, data/sections.csv,
 * data/vocabulary.csv, data/claims.csv and data/claims-excluded.csv into typed rows, checking
 * every row. Bad input is never a silent NaN: it is a DataError naming file, line and field.
 * `validateLedger` collects every problem; `loadLedger` throws them all at once.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type * as Danfo from "danfojs-node";
import { DataError, DataErrors, decodeUtf8, parseNumberField, type CsvTable } from "./csv";
import { danfo } from "./danfo";
import { readDeclarations, readTable } from "./declarations";
import { UNITS, unitInfo } from "../domain/units";
import { matchesPrintedFigure, printedMismatch } from "../domain/printed";
import { DATA_DIR } from "./paths";
import { QUALIFIERS, type Article, type Claim, type Exclusion, type FamilySpec, type Qualifier, type Section, type Term, type Theme, type ThemeRule } from "./types";

export const ARTICLE_COLUMNS = ["id", "title", "outlet", "short_name", "author", "published", "published_basis", "language", "seed", "seed_start", "seed_end", "trimmed", "description"] as const;
export const SECTION_COLUMNS = ["article", "order", "section", "heading", "level", "kind", "starts_with"] as const;
export const CLAIM_COLUMNS = ["id", "article", "section", "quote", "subject", "metric", "window", "low", "high", "unit", "qualifier", "as_of", "raw", "hedge", "note"] as const;
export const EXCLUSION_COLUMNS = ["article", "context", "reason"] as const;
export const VOCABULARY_COLUMNS = ["field", "term", "meaning"] as const;
const REQUIRED_CLAIM_FIELDS = ["id", "article", "section", "quote", "subject", "metric", "window", "unit", "qualifier", "as_of", "raw"] as const;

/** Everything in the ledger, typed and checked. */
export interface Ledger {
  articles: Article[];
  sections: Section[];
  claims: Claim[];
  exclusions: Exclusion[];
  vocabulary: Term[];
  /** The near-miss families of data/families.csv. */
  families: FamilySpec[];
  /** The reconciliation's themes in display order (data/themes.csv). */
  themes: Theme[];
  /** The rules that sort a reconciliation into a theme, first match wins (data/theme-rules.csv). */
  themeRules: ThemeRule[];
  /** Claims by id. */
  byId: Map<string, Claim>;
}

/**
 * Counts the occurrences of `needle` in `haystack` (overlapping ones too).
 * @example countOccurrences("a-a-a", "a-a") // => 2
 */
export function countOccurrences(haystack: string, needle: string): number {
  if (needle === "") return 0;
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) n++;
  return n;
}

/**
 * True for an ISO date, month or year, or a range of two of them joined by "/".
 * @example isIsoDateOrRange("2026-02-02/2026-02-06") // => true
 * @example isIsoDateOrRange("Feb 6") // => false
 */
export function isIsoDateOrRange(s: string): boolean {
  const one = (d: string) => {
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(d);
    if (!m) return false;
    const month = m[2] ? Number(m[2]) : 1;
    const day = m[3] ? Number(m[3]) : 1;
    if (month < 1 || month > 12) return false;
    const last = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
    return day >= 1 && day <= last;
  };
  const parts = s.split("/");
  return parts.length <= 2 && parts.every(one) && (parts.length === 1 || parts[0] <= parts[1]);
}

/** True when src/domain/intervals.ts can convert amounts in `unit` (unitInfo knows it). */
function isKnownUnit(unit: string): boolean {
  try {
    unitInfo(unit);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads and checks every ledger file, returning the ledger and the list of problems found
 * (empty when all is well). Rows with a problem are left out of the returned ledger, so no
 * verdict is ever computed from a bad row.
 */
export function readLedger(dataDir: string = DATA_DIR): { ledger: Ledger; errors: DataError[] } {
  const errors: DataError[] = [];
  const err = (t: CsvTable, line: number, field: string, problem: string) => errors.push(new DataError(t.file, line, field, problem));

  // --- vocabulary
  const vocabulary: Term[] = [];
  const vocab = new Map<string, Set<string>>();
  const vt = readTable(dataDir, "vocabulary.csv", VOCABULARY_COLUMNS, errors);
  const fields = ["subject", "metric", "window", "unit", "qualifier"];
  for (const f of fields) vocab.set(f, new Set());
  if (vt) {
    for (const { line, values: v } of vt.rows) {
      if (!fields.includes(v.field)) err(vt, line, "field", `"${v.field}" is not one of ${fields.join(", ")}`);
      else if (v.term === "") err(vt, line, "term", "is empty");
      else if (vocab.get(v.field)!.has(v.term)) err(vt, line, "term", `"${v.term}" is listed twice for ${v.field}`);
      else {
        vocab.get(v.field)!.add(v.term);
        vocabulary.push({ field: v.field as Term["field"], term: v.term, meaning: v.meaning });
      }
    }
    for (const q of vocab.get("qualifier")!) {
      if (!(QUALIFIERS as readonly string[]).includes(q)) errors.push(new DataError(vt.file, 0, "term", `qualifier "${q}" has no interval rule in src/domain/intervals.ts`));
    }
  }

  // --- articles
  const articles: Article[] = [];
  const at = readTable(dataDir, "articles.csv", ARTICLE_COLUMNS, errors);
  if (at) {
    const seen = new Set<string>();
    for (const { line, values: v } of at.rows) {
      const before = errors.length;
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v.id)) err(at, line, "id", `"${v.id}" is not a kebab-case id`);
      else if (seen.has(v.id)) err(at, line, "id", `"${v.id}" is a duplicate id`);
      for (const f of ["title", "outlet", "short_name", "published", "seed", "description"]) if (v[f] === "") err(at, line, f, "is empty");
      if (v.published && !isIsoDateOrRange(v.published)) err(at, line, "published", `"${v.published}" is not an ISO date`);
      let start = 0;
      let end = 0;
      try {
        start = parseNumberField(v.seed_start, at.file, line, "seed_start")!;
        end = parseNumberField(v.seed_end, at.file, line, "seed_end")!;
        if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end)) err(at, line, "seed_end", `byte range ${start}..${end} is not a valid range`);
      } catch (e) {
        errors.push(e as DataError);
      }
      const textFile = path.join(dataDir, "articles", `${v.id}.txt`);
      let text = "";
      if (!fs.existsSync(textFile)) err(at, line, "id", `has no article text (expected data/articles/${v.id}.txt)`);
      else {
        const bytes = fs.readFileSync(textFile);
        try {
          text = decodeUtf8(bytes, `data/articles/${v.id}.txt`);
        } catch (e) {
          if (!(e instanceof DataError)) throw e;
          errors.push(e);
        }
        if (errors.length === before && bytes.length !== end - start) err(at, line, "seed_end", `byte range ${start}..${end} is ${end - start} bytes but the article text has ${bytes.length}`);
      }
      seen.add(v.id);
      if (errors.length === before) {
        articles.push({
          id: v.id, title: v.title, outlet: v.outlet, short_name: v.short_name, author: v.author, published: v.published, published_basis: v.published_basis,
          language: v.language, seed: v.seed, seed_start: start, seed_end: end, trimmed: v.trimmed, description: v.description, text,
        });
      }
    }
  }
  const articleById = new Map(articles.map((a) => [a.id, a]));
  const knownArticle = (id: string) => articleById.has(id) || (at?.rows.some((r) => r.values.id === id) ?? false);

  // --- sections
  const sections: Section[] = [];
  const st = readTable(dataDir, "sections.csv", SECTION_COLUMNS, errors);
  if (st) {
    const pending: (Omit<Section, "end"> & { line: number })[] = [];
    const seen = new Set<string>();
    for (const { line, values: v } of st.rows) {
      const before = errors.length;
      const article = articleById.get(v.article);
      if (!article) {
        if (!knownArticle(v.article)) err(st, line, "article", `"${v.article}" is not an article of data/articles.csv`);
        continue;
      }
      const key = `${v.article}/${v.section}`;
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v.section)) err(st, line, "section", `"${v.section}" is not a kebab-case id`);
      else if (seen.has(key)) err(st, line, "section", `"${v.section}" is a duplicate section of ${v.article}`);
      seen.add(key);
      if (v.heading === "") err(st, line, "heading", "is empty");
      if (!["heading", "theme", "lead"].includes(v.kind)) err(st, line, "kind", `"${v.kind}" is not one of heading, theme, lead`);
      if (!["1", "2"].includes(v.level)) err(st, line, "level", `"${v.level}" is not 1 or 2`);
      let order = 0;
      try {
        order = parseNumberField(v.order, st.file, line, "order")!;
      } catch (e) {
        errors.push(e as DataError);
      }
      const n = countOccurrences(article.text, v.starts_with);
      if (v.starts_with === "") err(st, line, "starts_with", "is empty");
      else if (n !== 1) err(st, line, "starts_with", `occurs ${n} times in data/articles/${v.article}.txt (must occur exactly once)`);
      if (errors.length === before) {
        pending.push({
          line, article: v.article, order, section: v.section, heading: v.heading, level: Number(v.level),
          kind: v.kind as Section["kind"], starts_with: v.starts_with, start: article.text.indexOf(v.starts_with),
        });
      }
    }
    for (const a of articles) {
      const mine = pending.filter((s) => s.article === a.id).sort((x, y) => x.order - y.order);
      mine.forEach((s, k) => {
        if (k > 0 && s.start <= mine[k - 1].start) err(st, s.line, "starts_with", `section "${s.section}" starts before section "${mine[k - 1].section}" although its order is later`);
        const { line: _line, ...rest } = s;
        void _line;
        sections.push({ ...rest, end: k + 1 < mine.length ? mine[k + 1].start : a.text.length });
      });
    }
  }
  const sectionOf = new Map(sections.map((s) => [`${s.article}/${s.section}`, s]));

  // --- claims
  const claims: Claim[] = [];
  const ct = readTable(dataDir, "claims.csv", CLAIM_COLUMNS, errors);
  if (ct) {
    const seen = new Set<string>();
    for (const { line, values: v } of ct.rows) {
      const before = errors.length;
      for (const f of REQUIRED_CLAIM_FIELDS) if (v[f] === "") err(ct, line, f, "is empty (required)");
      if (v.id !== "") {
        if (seen.has(v.id)) err(ct, line, "id", `"${v.id}" is a duplicate id`);
        else if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v.id)) err(ct, line, "id", `"${v.id}" is not a kebab-case id`);
        seen.add(v.id);
      }
      const article = articleById.get(v.article);
      if (v.article !== "" && !article && !knownArticle(v.article)) err(ct, line, "article", `"${v.article}" is not an article of data/articles.csv`);
      for (const f of ["subject", "metric", "window", "unit", "qualifier"] as const) {
        if (v[f] !== "" && vt && !vocab.get(f)!.has(v[f])) err(ct, line, f, `"${v[f]}" is not a ${f} of data/vocabulary.csv`);
      }
      // the vocabulary may list units that only independent figures use (minutes); a claim's unit must convert (reconcile, checks)
      if (v.unit !== "" && vt && vocab.get("unit")!.has(v.unit) && !isKnownUnit(v.unit)) {
        err(ct, line, "unit", `"${v.unit}" has no conversion rule in src/domain/intervals.ts (claims need one: ${Object.keys(UNITS).join(", ")} or XXX_per_YYY)`);
      }
      if (v.as_of !== "" && !isIsoDateOrRange(v.as_of)) err(ct, line, "as_of", `"${v.as_of}" is not an ISO date, month, year or range`);
      let low: number | null = null;
      let high: number | null = null;
      try {
        low = parseNumberField(v.low, ct.file, line, "low", true);
      } catch (e) {
        errors.push(e as DataError);
      }
      try {
        high = parseNumberField(v.high, ct.file, line, "high", true);
      } catch (e) {
        errors.push(e as DataError);
      }
      const q = v.qualifier as Qualifier;
      if (low !== null && high !== null && low > high) err(ct, line, "low", `${low} is greater than high ${high}`);
      // every bound is a figure the raw prints (src/printed.ts), so that the hedge rules read what was printed
      for (const [f, x] of [["low", low], ["high", high]] as const) {
        if (x !== null && v.raw !== "" && !matchesPrintedFigure(x, v.raw, v.unit, v.as_of)) err(ct, line, f, printedMismatch(v[f], v.raw));
      }
      if (v.low === "" && v.high === "") err(ct, line, "low", "and high are both empty (a figure needs at least one bound)");
      else if ((q === "over" || q === "under") && v.low !== "" && v.high !== "") err(ct, line, "high", `must leave one bound empty for qualifier "${q}"`);
      else if (q !== "over" && q !== "under" && q !== "garbled" && (v.low === "" || v.high === "")) err(ct, line, v.low === "" ? "low" : "high", `is empty but qualifier "${q}" needs both bounds`);
      if (article && v.quote !== "") {
        const n = countOccurrences(article.text, v.quote);
        if (n !== 1) err(ct, line, "quote", `${n === 0 ? "is not found verbatim" : `occurs ${n} times`} in data/articles/${v.article}.txt (must occur exactly once)`);
        else {
          const at0 = article.text.indexOf(v.quote);
          const sec = sectionOf.get(`${v.article}/${v.section}`);
          if (!sec) {
            if (v.section !== "") err(ct, line, "section", `"${v.section}" is not a section of ${v.article} in data/sections.csv`);
          } else if (at0 < sec.start || at0 >= sec.end) {
            err(ct, line, "section", `"${v.section}" does not contain the quote (it is in another section)`);
          }
        }
        if (v.raw !== "" && !v.quote.includes(v.raw)) err(ct, line, "raw", `${JSON.stringify(v.raw)} is not part of the quote`);
      }
      if (errors.length === before) {
        claims.push({
          id: v.id, article: v.article, section: v.section, quote: v.quote, subject: v.subject, metric: v.metric, window: v.window,
          low, high, unit: v.unit, qualifier: q, as_of: v.as_of, raw: v.raw, hedge: v.hedge, note: v.note, line,
        });
      }
    }
  }

  // --- exclusions
  const exclusions: Exclusion[] = [];
  const et = readTable(dataDir, "claims-excluded.csv", EXCLUSION_COLUMNS, errors);
  if (et) {
    for (const { line, values: v } of et.rows) {
      const before = errors.length;
      const article = articleById.get(v.article);
      if (!article) {
        if (!knownArticle(v.article)) err(et, line, "article", `"${v.article}" is not an article of data/articles.csv`);
        continue;
      }
      const n = countOccurrences(article.text, v.context);
      if (v.context === "") err(et, line, "context", "is empty");
      else if (n !== 1) err(et, line, "context", `${n === 0 ? "is not found verbatim" : `occurs ${n} times`} in data/articles/${v.article}.txt (must occur exactly once)`);
      if (v.reason === "") err(et, line, "reason", "is empty (say why these numbers are not claims)");
      if (errors.length === before) exclusions.push({ article: v.article, context: v.context, reason: v.reason, line });
    }
  }

  const declarations = readDeclarations(dataDir, vt ? vocab : null, errors);
  const byId = new Map(claims.map((c) => [c.id, c]));
  return { ledger: { articles, sections, claims, exclusions, vocabulary, ...declarations, byId }, errors };
}

/** Loads the ledger, throwing a DataErrors listing every problem if there is any. */
export function loadLedger(dataDir: string = DATA_DIR): Ledger {
  const { ledger, errors } = readLedger(dataDir);
  if (errors.length > 0) throw new DataErrors(errors);
  return ledger;
}

/**
 * The claims as a danfojs-node DataFrame, one column per Claim field (open bounds as null).
 * danfojs-node is loaded on the first call (src/data/danfo.ts), not on import.
 */
export function claimsFrame(claims: readonly Claim[]): Danfo.DataFrame {
  const cols = [...CLAIM_COLUMNS, "line"] as const;
  const data: Record<string, (string | number | null)[]> = {};
  for (const c of cols) data[c] = claims.map((r) => (r as unknown as Record<string, string | number | null>)[c]);
  return new (danfo().DataFrame)(data, { columns: [...cols] });
}
