/**
 * Notebook contexts: `ledgerView()` for the whole analysis and `article(id)` for one article,
 * with methods that look things up by id (a claim, a check, a reconciliation, an outside figure)
 * and fail with an Error naming the missing id, so a notebook needs no preamble of its own and
 * no `!`. Their tables are DataFrames of the figures table (src/views/figures.ts); their
 * sentences come from the verdicts' explanations (src/views/explain.ts). An article section
 * becomes: markdown, `ctx.quote(s)`, `ctx.table(s)`, a chart of `ctx.figures(s)` or
 * `ctx.compare(ids)`, `ctx.summary(s)`.
 */
import type * as Danfo from "danfojs-node";
import type { Analysis } from "../domain/analysis";
import type { CheckVerdict } from "../domain/checks";
import type { IndependentResult } from "../domain/independent";
import type { IndependentRow } from "../data/independent-file";
import type { Rated } from "../domain/ratings";
import type { Conflict } from "../domain/reconcile";
import { toDataFrame } from "../data/danfo";
import type { Article, Claim, Section } from "../data/types";
import { md, type Markdown } from "../render/display";
import { escapeMarkdown, quoteMarkdown } from "../render/markdown";
import { conflictTitle } from "./conflicts";
import { checkRecords, CHECK_TABLE_FIELDS, conflictRecords, CONFLICT_TABLE_FIELDS, FIGURE_TABLE_COLUMNS, figureRecords, type FigureRecord } from "./figures";
import { explain, summaryText } from "./explain";
import { articleIntroText, articleTallyText } from "./article-text";
import { sectionExcerpt } from "./sections";
import { sharedAnalysis } from "./shared";

/**
 * The columns of a figures table as a reader reads it (ctx.table): the figure as printed, its
 * date, its rating and why. No id: in an article's table the printed figure is the reader's
 * handle (ctx.figures keeps every column, ids included, for filtering and joining).
 */
export const READER_COLUMNS: readonly (keyof FigureRecord)[] = ["raw", "as_of", "rating", "explanation"];

/** A list of ids: one id or several. */
export type Ids = string | readonly string[];

const list = (ids: Ids): readonly string[] => (typeof ids === "string" ? [ids] : ids);
/** "(180 known, e.g. a, b, c)": a hint after an unknown id. */
const hint = (ids: readonly string[]) => `(${ids.length} known, e.g. ${ids.slice(0, 3).join(", ")})`;

/** The whole analysis, looked up by id; the base of an article's context. */
export class LedgerView {
  /** Every figure (claims, then outside figures) as records, built once. */
  protected readonly rows: FigureRecord[];
  private readonly claimById: Map<string, Claim>;
  private readonly sourceById: Map<string, IndependentRow>;

  constructor(readonly analysis: Analysis = sharedAnalysis()) {
    this.rows = figureRecords(analysis);
    this.claimById = analysis.ledger.byId;
    this.sourceById = new Map(analysis.independentRows.map((r) => [r.id, r]));
  }

  /**
   * A claim of the ledger, any article.
   * @throws Error `unknown claim "…"` naming the id.
   */
  claim(id: string): Claim {
    const c = this.claimById.get(id);
    if (!c) throw new Error(`unknown claim ${JSON.stringify(id)}: not an id of data/claims.csv ${hint([...this.claimById.keys()])}`);
    return c;
  }

  /**
   * A recomputation check with its verdict, rating and explanation.
   * @throws Error `unknown check "…"` naming the id.
   */
  check(id: string): CheckVerdict & Rated {
    const v = this.analysis.verdicts.find((x) => x.id === id);
    if (!v) throw new Error(`unknown check ${JSON.stringify(id)}: not an id of data/checks.csv ${hint(this.analysis.verdicts.map((x) => x.id))}`);
    return v;
  }

  /**
   * A reconciliation (`subject.metric.window` or `family.<name>`) with its verdict, rating and explanation.
   * @throws Error `unknown reconciliation "…"` naming the id.
   */
  conflict(id: string): Conflict & Rated {
    const c = this.analysis.conflicts.find((x) => x.id === id);
    if (!c) throw new Error(`unknown reconciliation ${JSON.stringify(id)}: not a reconciliation id ${hint(this.analysis.conflicts.map((x) => x.id))}`);
    return c;
  }

  /**
   * A claim's verdict against independent reporting, with rating and explanation.
   * @throws Error `unknown claim "…"` naming the id.
   */
  verdict(claimId: string): IndependentResult & Rated {
    this.claim(claimId);
    const r = this.analysis.independent.find((x) => x.claim === claimId);
    if (!r) throw new Error(`claim ${JSON.stringify(claimId)} has no independent verdict`);
    return r;
  }

  /**
   * An outside figure (a row of data/independent.csv).
   * @throws Error `unknown outside figure "…"` naming the id.
   */
  source(id: string): IndependentRow {
    const r = this.sourceById.get(id);
    if (!r) throw new Error(`unknown outside figure ${JSON.stringify(id)}: not an id of data/independent.csv ${hint([...this.sourceById.keys()])}`);
    return r;
  }

  /**
   * The verdict on an id in plain words: a check's, a reconciliation's, or a claim's against
   * independent reporting (Markdown that shows itself).
   * @throws Error naming an id that is none of these.
   */
  explain(id: string): Markdown {
    const v = this.analysis.verdicts.find((x) => x.id === id) ?? this.analysis.conflicts.find((x) => x.id === id) ?? this.analysis.independent.find((x) => x.claim === id);
    if (!v) throw new Error(`explain: ${JSON.stringify(id)} is not a check, a reconciliation or a claim id`);
    return explain(v);
  }

  /**
   * The rows of the figures table this view covers: all of them here; an article's own (or one
   * section's) in ArticleView.
   */
  protected ownRows(sectionId?: string): FigureRecord[] {
    if (sectionId !== undefined) throw new Error(`section ${JSON.stringify(sectionId)}: sections belong to an article (use article(id))`);
    return this.rows;
  }

  /** Every figure this view covers (an article's: optionally one section's), as a DataFrame of the figures table. */
  figures(sectionId?: string): Danfo.DataFrame {
    return toDataFrame(this.ownRows(sectionId), FIGURE_TABLE_COLUMNS);
  }

  /** The same rows with the columns a reader reads (READER_COLUMNS), for a table in a notebook. */
  table(sectionId?: string): Danfo.DataFrame {
    return toDataFrame(this.ownRows(sectionId), READER_COLUMNS);
  }

  /**
   * The outside figures linked to any of the claims, by date then id, as a DataFrame of the
   * figures table; with `comparable`, only those independent.ts compares with a claim (same
   * quantity and dates), not the ones kept as context.
   * @throws Error naming an unknown claim.
   */
  sources(claimIds: Ids, options: { comparable?: boolean } = {}): Danfo.DataFrame {
    return toDataFrame(this.sourceRows(list(claimIds), options.comparable ?? false), FIGURE_TABLE_COLUMNS);
  }

  /**
   * The claims (in the order given) and then their comparable outside figures (by date), one
   * DataFrame of the figures table, ready for intervalChart or byDateChart.
   * @throws Error naming an unknown claim.
   */
  compare(claimIds: Ids, options: { comparable?: boolean } = {}): Danfo.DataFrame {
    const ids = list(claimIds);
    ids.forEach((id) => this.claim(id));
    const claims = ids.map((id) => this.rows.find((r) => r.id === id) as FigureRecord);
    return toDataFrame([...claims, ...this.sourceRows(ids, options.comparable ?? true)], FIGURE_TABLE_COLUMNS);
  }

  private sourceRows(ids: readonly string[], comparable: boolean): FigureRecord[] {
    ids.forEach((id) => this.claim(id));
    const compared = new Set(
      this.analysis.independent.filter((r) => ids.includes(r.claim)).flatMap((r) => r.sources.filter((s) => s.relation !== "context").map((s) => s.id)),
    );
    return this.rows
      .filter((r) => r.origin === "outside" && r.claims.split(" ").some((c) => ids.includes(c)) && (!comparable || compared.has(r.id)))
      .sort((a, b) => (a.as_of < b.as_of ? -1 : a.as_of > b.as_of ? 1 : a.id < b.id ? -1 : 1));
  }

  /** The recomputation checks reading any figure of this view (or section; cross-article checks included), as a DataFrame (see checksFrame). */
  checks(sectionId?: string): Danfo.DataFrame {
    const ids = new Set(this.ownRows(sectionId).filter((r) => r.origin === "article").map((r) => r.id));
    return toDataFrame(checkRecords(this.analysis).filter((c) => c.claims.split(" ").some((id) => ids.has(id))), CHECK_TABLE_FIELDS);
  }

  /** The reconciliations holding any figure of this view (or section), as a DataFrame (see conflictsFrame). */
  conflicts(sectionId?: string): Danfo.DataFrame {
    const ids = new Set(this.ownRows(sectionId).filter((r) => r.origin === "article").map((r) => r.id));
    return toDataFrame(conflictRecords(this.analysis).filter((c) => c.claims.split(" ").some((id) => ids.has(id))), CONFLICT_TABLE_FIELDS);
  }
}

/** One article: its sections, figures, checks and sentences, looked up by id. */
export class ArticleView extends LedgerView {
  readonly article: Article;
  /** The article's sections in order (data/sections.csv). */
  readonly sections: readonly Section[];

  constructor(id: string, analysis: Analysis = sharedAnalysis()) {
    super(analysis);
    const a = analysis.ledger.articles.find((x) => x.id === id);
    if (!a) throw new Error(`unknown article ${JSON.stringify(id)} (expected one of ${analysis.ledger.articles.map((x) => x.id).join(", ")})`);
    this.article = a;
    this.sections = analysis.ledger.sections.filter((s) => s.article === id).sort((x, y) => x.order - y.order);
  }

  /**
   * A section of the article.
   * @throws Error `unknown section "…" of <article>` naming the id and the article's sections.
   */
  section(id: string): Section {
    const s = this.sections.find((x) => x.section === id);
    if (!s) throw new Error(`unknown section ${JSON.stringify(id)} of ${this.article.id} (expected one of ${this.sections.map((x) => x.section).join(", ")})`);
    return s;
  }

  /** The article's claims, or one section's, in ledger order. */
  claims(sectionId?: string): Claim[] {
    if (sectionId !== undefined) this.section(sectionId);
    return this.analysis.ledger.claims.filter((c) => c.article === this.article.id && (sectionId === undefined || c.section === sectionId));
  }

  protected override ownRows(sectionId?: string): FigureRecord[] {
    if (sectionId !== undefined) this.section(sectionId);
    return this.rows.filter((r) => r.article === this.article.id && (sectionId === undefined || r.section === sectionId));
  }

  /**
   * The section's quotes as Markdown blockquotes (no ids: the quote is the reader's handle); for a section that
   * prints no tracked figure, the opening of its text, cut after the last full sentence that fits
   * in `maxChars` (default 320; see sectionExcerpt), e.g. a footer quoted only up to its contact line.
   */
  quote(sectionId: string, maxChars?: number): Markdown {
    const claims = this.claims(sectionId);
    if (claims.length > 0) return md(quoteMarkdown(claims));
    return md(quoteMarkdown([sectionExcerpt(this.article.text, this.section(sectionId), maxChars)]));
  }

  /** The section's summary from its verdicts (see summaryText). */
  summary(sectionId: string): Markdown {
    const claims = this.claims(sectionId);
    return md(summaryText(this.summaryInput(claims)));
  }

  /** The article's manifest and how its figures fare, as Markdown (for the top of its notebook). */
  intro(): Markdown {
    return md(articleIntroText(this.article, this.sections, this.summaryInput(this.claims())));
  }

  /** What holds and what does not across the article: ratings per method and every inaccurate item explained. */
  tally(): Markdown {
    const ids = new Set(this.claims().map((c) => c.id));
    const conflicts = this.analysis.conflicts.filter((c) => c.claims.some((id) => ids.has(id)));
    const names = conflicts.map((c) => ({ rating: c.rating, name: escapeMarkdown(conflictTitle(c, this.analysis.ledger)) }));
    return md(articleTallyText(this.summaryInput(this.claims()), names));
  }

  private summaryInput(claims: readonly Claim[]) {
    const ids = new Set(claims.map((c) => c.id));
    return {
      claims,
      independent: new Map(this.analysis.independent.filter((r) => ids.has(r.claim)).map((r) => [r.claim, r])),
      checks: this.analysis.verdicts.filter((v) => v.claims.some((id) => ids.has(id))),
    };
  }
}

/**
 * The whole analysis as a notebook context (loaded once per kernel).
 * @example ledgerView().claim("tradingkey-008").raw // => "$60,000"
 */
export function ledgerView(analysis: Analysis = sharedAnalysis()): LedgerView {
  return new LedgerView(analysis);
}

/**
 * One article as a notebook context: `const ctx = article("tradingkey-ai-bubble")`.
 * @throws Error `unknown article "…" (expected one of …)`.
 * @example article("tradingkey-ai-bubble").section("summary").kind // => "lead"
 */
export function article(id: string, analysis: Analysis = sharedAnalysis()): ArticleView {
  return new ArticleView(id, analysis);
}
