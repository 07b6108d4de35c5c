/**
 * The notebook context of an article that knows about its review: `article(id)` as notebooks
 * import it from "../dist/notebook". While the article is under review (data/candidates/<id>.csv
 * exists, see `npm run add-article`), its quotes, figures table, summary and opening come from the
 * candidate rows, each complete candidate rated against independent reporting as a ledger claim
 * would be; after `npm run accept` (and for every other article) they are the ledger's, exactly as
 * ArticleView gives them. `known(section)` lists, in both states, what is already known of each
 * figure's quantity: the other articles' figures and the independent figures, each pair rated.
 */
import type * as Danfo from "danfojs-node";
import { toDataFrame } from "../data/danfo";
import { DATA_DIR } from "../data/paths";
import type { Analysis } from "../domain/analysis";
import type { Claim } from "../data/types";
import { md, type Markdown } from "../render/display";
import { plural } from "../render/format";
import { ArticleView } from "../views/context";
import { summaryText } from "../views/explain";
import { sharedAnalysis } from "../views/shared";
import { articleReview, candidateRows, knownRows, KNOWN_COLUMNS, reviewIntroMarkdown, reviewVerdict, sectionQuotes, type ArticleReview } from "./review";

/** The columns of a section's figures table while its article is under review, in order. */
export const REVIEW_COLUMNS = ["id", "figure", "reading", "what", "as_of", "rating", "explanation", "to_check"] as const;

/** An article's context that shows its candidate figures while it is under review (see the file's header). */
export class ReviewView extends ArticleView {
  private cached: ArticleReview | undefined;

  constructor(id: string, analysis: Analysis = sharedAnalysis(), private readonly dataDir: string = DATA_DIR) {
    super(id, analysis);
  }

  /** The article's review (its candidate rows, or its claims once accepted), read on first use. */
  get review(): ArticleReview {
    this.cached ??= articleReview(this.article.id, this.dataDir, this.analysis);
    return this.cached;
  }

  /** True while data/candidates/<id>.csv holds rows waiting for `npm run accept`. */
  get underReview(): boolean {
    return this.review.status === "under review";
  }

  /** The section's quotes; under review, the quotes of its candidate figures with their ids. */
  override quote(sectionId: string, maxChars?: number): Markdown {
    if (!this.underReview) return super.quote(sectionId, maxChars);
    this.section(sectionId);
    return md(sectionQuotes(this.review, sectionId));
  }

  /**
   * The section's figures (every section's without an argument); under review, its candidates
   * (REVIEW_COLUMNS): as printed, read in plain words, what each measures, its date, its rating
   * against independent reporting with the reason, and what is still to check.
   */
  override table(sectionId?: string): Danfo.DataFrame {
    if (!this.underReview) return super.table(sectionId);
    const ids = sectionId === undefined ? this.sections.map((s) => s.section) : [this.section(sectionId).section];
    const rated = new Map(this.rated().map((r) => [r.id, r]));
    const rows = ids.flatMap((s) => candidateRows(this.review, s)).map((r) => {
      const v = rated.get(r.id);
      const why = v ? v.explanation : "Not compared yet: its subject, metric, window, unit or date is still to fill in.";
      return { ...r, rating: v?.rating ?? "unverifiable", explanation: why, to_check: r.flags };
    });
    return toDataFrame(rows, REVIEW_COLUMNS);
  }

  /** The section's summary from its verdicts; under review, from its candidates' and how many are still to review. */
  override summary(sectionId: string): Markdown {
    if (!this.underReview) return super.summary(sectionId);
    this.section(sectionId);
    const figures = this.review.figures.filter((f) => f.row.section === sectionId);
    const claims = figures.map((f) => ({ ...f.row, qualifier: f.row.qualifier as Claim["qualifier"] }));
    const independent = new Map(this.rated().map((r) => [r.id, r]));
    const open = figures.filter((f) => f.claim === null).length;
    const text = summaryText({ claims, independent, checks: [] });
    return md(open === 0 ? text : `${text} ${plural(open, "figure")} still to review before it can be compared.`);
  }

  /** The opening: under review, the status and where the figures are reviewed; else the manifest and counts. */
  override intro(): Markdown {
    return this.underReview ? md(reviewIntroMarkdown(this.review)) : super.intro();
  }

  /**
   * What is already known of the quantity of each figure of the section: the other articles'
   * figures and the independent figures, one row per pair (KNOWN_COLUMNS), each with how the two
   * compare, a rating and the reason.
   */
  known(sectionId: string): Danfo.DataFrame {
    this.section(sectionId);
    return toDataFrame(knownRows(this.review, sectionId), KNOWN_COLUMNS);
  }

  /** Each complete candidate's verdict against independent reporting, by candidate id. */
  private rated() {
    return this.review.figures.flatMap((f) => (f.claim ? [{ id: f.claim.id, ...reviewVerdict(this.review, f.claim) }] : []));
  }
}

/**
 * One article as a notebook context, aware of its review: `const ctx = article("tradingkey-ai-bubble")`.
 * @throws Error `unknown article "…" (expected one of …)`.
 * @example new ReviewView("tradingkey-ai-bubble").underReview // => false
 */
export function article(id: string, analysis: Analysis = sharedAnalysis(), dataDir: string = DATA_DIR): ReviewView {
  return new ReviewView(id, analysis, dataDir);
}
