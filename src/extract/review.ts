/**
 * What the notebook of a newly added article shows (src/extract/notebook.ts scaffolds it): the
 * article's sections with the quotes of its figures; the figures as a table, read in plain
 * words; and for each figure what the ledger already knows of the same quantity — the other
 * articles' figures with the reconciliation verdict of the pair (src/reconcile.ts) and the
 * independent figures with how each compares (src/independent.ts).
 *
 * Before `npm run accept` the figures are the candidates of data/candidates/<id>.csv; after it,
 * the article's claims in the ledger — the same notebook runs in both states. A candidate whose
 * subject, metric, window, unit or bounds are not filled in yet is listed but compared with
 * nothing ("to review").
 */
import { loadAnalysis, type Analysis } from "../domain/analysis";
import { sourceHedgeInput, whyNotComparable } from "../domain/sources";
import { type IndependentRow } from "../data/independent-file";
import { independentVerdict, type IndependentResult } from "../domain/independent";
import { rateConflict, rateIndependent, type ExplainContext } from "../domain/explain";
import type { Rated, Rating } from "../domain/ratings";
import { unitInfo } from "../domain/units";
import { termWords } from "../domain/wording";
import { CLAIM_COLUMNS } from "../data/ledger";
import { escapeMarkdown, quoteMarkdown } from "../render/markdown";
import { DATA_DIR } from "../data/paths";
import { figureIn, judgeSameQuantity, type ConflictMember } from "../domain/reconcile";
import { QUALIFIERS, type Article, type Claim, type Qualifier, type Section } from "../data/types";
import { readReviewRows, reviewFiles } from "./review-file";

/** One figure of the article under review: a candidate row, or an accepted claim. */
export interface ReviewFigure {
  row: Record<(typeof CLAIM_COLUMNS)[number], string>;
  /** The row as a claim when every field a comparison needs is filled in and valid; null otherwise. */
  claim: Claim | null;
  /** What is missing for a comparison, in words ("" when nothing). */
  missing: string;
}

/** The notebook's view of one article. */
export interface ArticleReview {
  analysis: Analysis;
  article: Article;
  sections: Section[];
  figures: ReviewFigure[];
  /** "under review" while data/candidates/<id>.csv exists, "accepted" after `npm run accept`. */
  status: "under review" | "accepted";
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** A row as a claim, or what keeps it from being one. */
function asClaim(row: ReviewFigure["row"], terms: ReadonlySet<string>, line: number): { claim: Claim | null; missing: string } {
  const missing = (["subject", "metric", "window", "unit", "as_of"] as const).filter((f) => row[f] === "" || (f !== "as_of" && !terms.has(`${f}:${row[f]}`)));
  let unitOk = true;
  try {
    unitInfo(row.unit);
  } catch {
    unitOk = false;
  }
  const boundsOk = (row.low === "" || NUMBER.test(row.low)) && (row.high === "" || NUMBER.test(row.high)) && (row.low !== "" || row.high !== "");
  if (missing.length > 0 || !unitOk || !boundsOk || !QUALIFIERS.includes(row.qualifier as Qualifier)) {
    const what = [...missing, ...(unitOk ? [] : ["a unit that converts"]), ...(boundsOk ? [] : ["bounds"])];
    return { claim: null, missing: `to review: ${[...new Set(what)].join(", ")}` };
  }
  const num = (s: string) => (s === "" ? null : Number(s));
  return { claim: { ...row, low: num(row.low), high: num(row.high), qualifier: row.qualifier as Qualifier, line }, missing: "" };
}

/**
 * The article under review (or accepted), its sections and figures, with the whole analysis.
 * @throws Error `unknown article: "…"` for an id not in data/articles.csv; DataError/DataErrors for bad data.
 */
export function articleReview(articleId: string, dataDir: string = DATA_DIR, analysis: Analysis = loadAnalysis(dataDir)): ArticleReview {
  const article = analysis.ledger.articles.find((a) => a.id === articleId);
  if (!article) throw new Error(`unknown article: ${JSON.stringify(articleId)} (expected one of ${analysis.ledger.articles.map((a) => a.id).join(", ")})`);
  const sections = analysis.ledger.sections.filter((s) => s.article === articleId).sort((a, b) => a.order - b.order);
  const terms = new Set(analysis.ledger.vocabulary.map((t) => `${t.field}:${t.term}`));
  const f = reviewFiles(dataDir, articleId);
  const pending = readReviewRows(f.claims, f.claimsLabel, CLAIM_COLUMNS);
  const rows =
    pending.length > 0
      ? pending.map((r) => ({ row: r.values as ReviewFigure["row"], line: r.line }))
      : analysis.ledger.claims.filter((c) => c.article === articleId).map((c) => ({ row: claimRow(c), line: c.line }));
  const figures = rows.map(({ row, line }) => ({ row, ...asClaim(row, terms, line) }));
  return { analysis, article, sections, figures, status: pending.length > 0 ? "under review" : "accepted" };
}

/** A ledger claim as the text fields of its row. */
function claimRow(c: Claim): ReviewFigure["row"] {
  const out = {} as ReviewFigure["row"];
  for (const k of CLAIM_COLUMNS) out[k] = c[k] === null ? "" : String(c[k]);
  return out;
}

const UNIT_WORDS: Record<string, (x: string) => string> = {
  pct: (x) => `${x}%`,
  pct_points: (x) => `${x} percentage points`,
  USD: (x) => `$${x}`,
  USD_mn: (x) => `$${x} million`,
  USD_bn: (x) => `$${x} billion`,
  USD_tn: (x) => `$${x} trillion`,
  CNY_mn: (x) => `${x} million yuan`,
  CNY_bn: (x) => `${x} billion yuan`,
  TWD_mn: (x) => `NT$${x} million`,
  USD_per_oz: (x) => `$${x} an ounce`,
  index_pts: (x) => x,
  points: (x) => `${x} points`,
  coins: (x) => `${x} bitcoins`,
  people: (x) => `${x} people`,
  x: (x) => `${x} times`,
  sessions: (x) => `${x} sessions`,
  years: (x) => `${x} years`,
  months: (x) => `${x} months`,
  minutes: (x) => `${x} minutes`,
};

/**
 * A figure's bounds in plain words, with its unit ("from −12% to −10%", "more than $1 billion",
 * "at most −8%"); "" when the bounds are not numbers.
 * @example plainFigure({ low: "-12", high: "-10", unit: "pct", qualifier: "range", hedge: "~" }) // => "about −12% to −10%"
 * @example plainFigure({ low: "1", high: "", unit: "USD_bn", qualifier: "over", hedge: "+" }) // => "at least $1 billion"
 * @example plainFigure({ low: "", high: "-8", unit: "pct", qualifier: "over", hedge: "more than" }) // => "below −8%"
 */
export function plainFigure(r: { low: string; high: string; unit: string; qualifier: string; hedge: string }): string {
  const fmt = (s: string) => {
    const x = Number(s);
    const digits = (s.split(".")[1] ?? "").length;
    const body = Math.abs(x).toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
    const withUnit = (UNIT_WORDS[r.unit] ?? ((v: string) => v))(body);
    return x < 0 ? `−${withUnit}` : withUnit;
  };
  if ((r.low !== "" && !NUMBER.test(r.low)) || (r.high !== "" && !NUMBER.test(r.high)) || (r.low === "" && r.high === "")) return "";
  const inclusive = /\+|at least|as high as|up to|at most/i.test(r.hedge) || r.hedge === "";
  const approx = /~|≈|about|around|roughly|approximately|near/i.test(r.hedge) ? "about " : "";
  if (r.low !== "" && r.high !== "") {
    if (r.low === r.high) return `${r.qualifier === "nearly" ? "nearly " : approx}${fmt(r.low)}`;
    return `${approx}${fmt(r.low)} to ${fmt(r.high)}`;
  }
  if (r.high === "") return `${inclusive ? "at least" : "more than"} ${fmt(r.low)}`;
  return `${inclusive ? "at most" : "below"} ${fmt(r.high)}`;
}

/** What a figure measures in the vocabulary's words ("Bitcoin · episode trough · …"); "?" for what is still to fill in. */
function whatText(review: ArticleReview, row: ReviewFigure["row"]): string {
  return (["subject", "metric", "window"] as const).map((f) => (row[f] ? termWords(f, row[f], review.analysis.ledger.vocabulary) : "?")).join(" · ");
}

/** The figures of one section. */
function sectionFigures(review: ArticleReview, sectionId: string): ReviewFigure[] {
  return review.figures.filter((f) => f.row.section === sectionId);
}

/** The quotes of a section's figures as Markdown blockquotes (escaped); a line saying so when it has none. */
export function sectionQuotes(review: ArticleReview, sectionId: string): string {
  const quotes = sectionFigures(review, sectionId).map((f) => ({ id: f.row.id, quote: f.row.quote }));
  return quotes.length > 0 ? quoteMarkdown(quotes) : "*No figures proposed in this section.*";
}

/** One row of the figures table. */
export interface CandidateTableRow {
  id: string;
  figure: string;
  reading: string;
  what: string;
  as_of: string;
  flags: string;
}

/** The figures of a section, read in plain words, with what is still to review. */
export function candidateRows(review: ArticleReview, sectionId: string): CandidateTableRow[] {
  return sectionFigures(review, sectionId).map((f) => ({
    id: f.row.id,
    figure: f.row.raw,
    reading: plainFigure(f.row),
    what: whatText(review, f.row),
    as_of: f.row.as_of || "?",
    flags: [f.row.qualifier === "garbled" ? "garbled (machine translation)" : "", f.missing].filter(Boolean).join("; "),
  }));
}

/** One row of the "already known" table: a figure of another article or of independent reporting. */
export interface KnownRow {
  /** The id of this article's figure (candidate or claim). */
  id: string;
  /** This article's figure as printed. */
  figure: string;
  /** Who printed the other figure: "<article's short name> · another article" or "<outlet> · independent, <tier>". */
  known_from: string;
  /** The other figure as printed, in plain words. */
  prints: string;
  as_of: string;
  /** How the two compare, in the verdict's words ("agree within rounding", "refined", "disputed", …). */
  compares: string;
  /** The pair on the reader's scale, and why. */
  rating: Rating;
  explanation: string;
}

/** The independent figures that measure a claim's quantity (same subject, metric, window rule, unit dimension, dates). */
function comparableSources(claim: Claim, rows: readonly IndependentRow[]): IndependentRow[] {
  return rows.filter((r) => whyNotComparable(claim, r) === "");
}

/** What the explanations of a review read: the ledger's articles, claims and sources, and the figures under review. */
function explainContext(review: ArticleReview): ExplainContext {
  const { ledger, independentRows, origins } = review.analysis;
  const byId = new Map<string, Claim>(ledger.byId);
  for (const f of review.figures) if (f.claim && !byId.has(f.claim.id)) byId.set(f.claim.id, f.claim);
  return { articles: ledger.articles, byId, rows: independentRows, origins, vocabulary: ledger.vocabulary };
}

/** A claim as a member of a reconciliation, for its explanation. */
function member(c: Claim): ConflictMember {
  return { claim: c.id, article: c.article, subject: c.subject, window: c.window, as_of: c.as_of, raw: c.raw, qualifier: c.qualifier, low: c.low, high: c.high, lowOpen: false, highOpen: false };
}

/** A verdict word for readers: "agree_within_rounding" → "agree within rounding". */
const words = (verdict: string) => verdict.replace(/_/g, " ");

/**
 * A figure of the article (a complete candidate, or a claim) against the independent figures of
 * the same quantity, as src/domain/independent.ts and src/domain/explain.ts judge a ledger claim:
 * every comparable figure counts as linked to it (a new article's figures are linked to nothing yet).
 */
export function reviewVerdict(review: ArticleReview, claim: Claim): IndependentResult & Rated {
  const linked = comparableSources(claim, review.analysis.independentRows).map((r) => ({ ...r, claims: [...r.claims, claim.id] }));
  return rateIndependent(independentVerdict(claim, linked), explainContext(review));
}

/**
 * For each figure of a section that can be compared: the other articles' figures of the same
 * subject, metric and window (rated by the reconciliation of the pair) and the independent
 * figures of the same quantity (each rated as if it were the only source), with the reasons.
 */
export function knownRows(review: ArticleReview, sectionId: string): KnownRow[] {
  const { ledger, independentRows } = review.analysis;
  const ctx = explainContext(review);
  const out: KnownRow[] = [];
  const nameOf = (id: string) => ledger.articles.find((a) => a.id === id)?.short_name || id;
  for (const f of sectionFigures(review, sectionId)) {
    const c = f.claim;
    if (!c) continue;
    const dim = unitInfo(c.unit).dimension;
    const others = ledger.claims.filter((o) => o.article !== review.article.id && o.subject === c.subject && o.metric === c.metric && o.window === c.window && unitInfo(o.unit).dimension === dim);
    for (const o of others) {
      const j = judgeSameQuantity([figureIn(c, c.unit), figureIn(o, c.unit)], c.unit);
      const rated = rateConflict({ ...j, members: [member(c), member(o)], unit: c.unit }, ctx);
      const prints = `${o.raw}: ${plainFigure(claimRow(o))}`;
      out.push({ id: c.id, figure: c.raw, known_from: `${nameOf(o.article)} · another article`, prints, as_of: o.as_of, compares: words(j.verdict), rating: rated.rating, explanation: rated.explanation });
    }
    for (const r of comparableSources(c, independentRows)) {
      const h = sourceHedgeInput(r);
      const rated = rateIndependent(independentVerdict(c, [{ ...r, claims: [c.id] }]), ctx);
      const prints = plainFigure({ low: r.low === null ? "" : String(r.low), high: r.high === null ? "" : String(r.high), unit: r.unit, qualifier: h.qualifier, hedge: h.hedge });
      out.push({ id: c.id, figure: c.raw, known_from: `${r.outlet} · independent, ${r.tier}`, prints, as_of: r.as_of, compares: words(rated.verdict), rating: rated.rating, explanation: rated.explanation });
    }
  }
  return out;
}

/** The columns of the "already known" table, in order. */
export const KNOWN_COLUMNS: readonly (keyof KnownRow)[] = ["id", "figure", "known_from", "prints", "as_of", "compares", "rating", "explanation"];

/** The opening of the notebook: the article, its status and how many figures are still to review (Markdown, escaped). */
export function reviewIntroMarkdown(review: ArticleReview): string {
  const { article, figures } = review;
  const open = figures.filter((f) => f.claim === null).length;
  const garbled = figures.filter((f) => f.row.qualifier === "garbled").length;
  const file = `data/candidates/${article.id}.csv`;
  const state =
    review.status === "under review"
      ? `It is **under review**: the extractor proposed ${figures.length} figures, ${garbled} flagged as machine-translation garbles, ` +
        `${open} still missing a subject, metric, window, unit or date. Review them in \`${file}\` (and the numbers left out, with ` +
        `their reasons, in \`data/candidates/${article.id}-excluded.csv\`), then run \`npm run accept -- ${article.id}\`.`
      : `Its ${figures.length} figures are in the ledger.`;
  return `${escapeMarkdown(article.outlet)}, published ${escapeMarkdown(article.published)} (${escapeMarkdown(article.published_basis)}). ${state}`;
}
