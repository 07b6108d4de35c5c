/**
 * What a notebook imports: `import { article, figures, show } from "../dist/notebook";`.
 * The contexts and tables, the charts, the display helpers, the views of the cross-article
 * notebooks and the few domain helpers a chart or a table needs — not the loaders, the report
 * pipeline or the command-line tools (those stay in "../dist/index"). tslab type-checks each
 * cell against the declarations it imports, so a smaller entry compiles faster.
 */
export { ledgerView, ArticleView, LedgerView, READER_COLUMNS, type Ids } from "./views/context";
export { article, ReviewView, REVIEW_COLUMNS } from "./extract/review-view";
export { KNOWN_COLUMNS, type KnownRow } from "./extract/review";
export {
  figures, checksFrame, conflictsFrame, verdicts, figureRecords, checkRecords, conflictRecords, verdictRecords,
  FIGURE_TABLE_COLUMNS, type FigureRecord, type CheckRecord, type ConflictRecord, type VerdictRecord,
} from "./views/figures";
export { explain, explainText, ratingCountWords, summaryText } from "./views/explain";
export { sharedAnalysis, unitWords } from "./views/shared";
export { danfo, toDataFrame } from "./data/danfo";
export { frameHtml } from "./render/frame";
export { show, md, Markdown, showChart, showTable, showMarkdown, showHtml, type Showable } from "./render/display";
export { tableHtml, badge, escapeHtml, formatNumber, verdictLabel, type TableColumn, type TableOptions } from "./render/html";
export { escapeMarkdown, quoteMarkdown, markdownHtml } from "./render/markdown";
export { formatBounds, formatSig, joinWords, plural, percentOf, roundSig } from "./render/format";
export { exportHtml, exportPath } from "./report/page";
export * from "./charts";
export { RATINGS, ratingLabel, conflictRatingLabel, isRating, type Rating, type Rated } from "./domain/ratings";
export { formatInterval, contains, intersect, toBounds } from "./domain/intervals";
export { effectiveInterval, nominalInterval } from "./domain/hedges";
export { percentChange, impliedBase, impliedFxRate, leverageWipeoutMove } from "./domain/recompute";
export { asOfMidpoint, asOfSpan } from "./data/dates";
export type { Claim, Article, Section, Interval } from "./data/types";
export type { CheckVerdict } from "./domain/checks";
export type { Conflict, ConflictMember } from "./domain/reconcile";
export type { IndependentResult } from "./domain/independent";
export type { IndependentRow } from "./data/independent-file";
export { publishableFindings, scoreboardRows, type PublishableFinding, type ScoreRow } from "./domain/findings";
export { plainAmount, plainDate, plainRange, plainShare } from "./domain/wording";
export * from "./views/chart-rows";
export * from "./views/readings";
export * from "./views/themes";
export * from "./views/conflicts";
export * from "./views/shares";
export * from "./views/terms";
export * from "./views/findings";
