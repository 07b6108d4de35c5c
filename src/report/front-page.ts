/**
 * What the first page a reader opens (out/index.html) shows before the links: the scoreboard of
 * ratings per article and the ranked findings, each with its rating, the article's sentence, the
 * evidence and the caveat. Everything from an article is HTML-escaped; titles are plain text.
 */
import type { PublishableFinding, ScoreRow } from "../domain/findings";
import { scoreboardHeadings } from "../domain/findings";
import { RATINGS, conflictRatingLabel, ratingLabel, type Rating } from "../domain/ratings";
import { escapeHtml, RATING_COLORS, textColorOn } from "../render/html";

/**
 * A rating as a coloured label (its words: `label`, by default the claim scale's).
 * @example ratingBadge("inaccurate") // => '<span class="rating" style="background:#D55E00;color:#000000">Inaccurate</span>'
 * @example ratingBadge("inaccurate", "Contradictory") // => '<span class="rating" style="background:#D55E00;color:#000000">Contradictory</span>'
 */
export function ratingBadge(rating: Rating, label: string = ratingLabel(rating)): string {
  const bg = RATING_COLORS[rating];
  return `<span class="rating" style="background:${bg};color:${textColorOn(bg)}">${escapeHtml(label)}</span>`;
}

/**
 * A finding's rating in a reader's words: a reconciliation's (id `conflict:…`) says whether the
 * articles agree with each other (conflictRatingLabel), any other on the claim scale (ratingLabel).
 * @example findingRatingLabel({ id: "conflict:BTC.low.intraday", rating: "inaccurate" }) // => "Contradictory"
 * @example findingRatingLabel({ id: "check:x", rating: "inaccurate" }) // => "Inaccurate"
 */
export function findingRatingLabel(f: Pick<PublishableFinding, "id" | "rating">): string {
  return f.id.startsWith("conflict:") ? conflictRatingLabel(f.rating) : ratingLabel(f.rating);
}

/**
 * A Markdown heading as plain text: backslash escapes, emphasis marks and link targets removed.
 * @example plainTitle("\\[no headline in seed\\] Wiped Out: \\$2 Trillion *Crypto* Loss") // => "[no headline in seed] Wiped Out: $2 Trillion Crypto Loss"
 * @example plainTitle("See [the notes](notes.md)") // => "See the notes"
 */
export function plainTitle(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!$<>|~])/g, "\u0000$1")
    .replace(/(\*\*|__|\*|`)/g, "")
    .replace(/\u0000/g, "")
    .trim();
}

/** The scoreboard as an HTML table. */
export function scoreboardHtml(rows: readonly ScoreRow[]): string {
  const head = scoreboardHeadings().map((h) => `<th>${escapeHtml(h)}</th>`).join("");
  const body = rows
    .map((r) => {
      const cells = [escapeHtml(r.name), String(r.figures), ...RATINGS.map((k) => String(r.ratings[k])), String(r.checks), String(r.checksFailed)];
      return `<tr>${cells.map((c, i) => (i === 0 ? `<td>${c}</td>` : `<td class="num">${c}</td>`)).join("")}</tr>`;
    })
    .join("\n");
  return `<table class="scoreboard">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** The ranked findings as an ordered list, each publishable as it stands. */
export function findingsHtml(findings: readonly PublishableFinding[]): string {
  if (findings.length === 0) return "<p>No figure was rated inaccurate or misleading.</p>";
  const items = findings.map(
    (f) =>
      `<li>${ratingBadge(f.rating, findingRatingLabel(f))} <strong>${escapeHtml(f.title)}</strong>` +
      `<blockquote>${escapeHtml(f.quote)}</blockquote>` +
      `<p>${escapeHtml(f.evidence)}</p>` +
      `<p class="muted">Caveat: ${escapeHtml(f.caveat)}</p></li>`,
  );
  return `<ol class="findings">\n${items.join("\n")}\n</ol>`;
}

/** CSS for the front page's tables, badges and findings. */
export const FRONT_PAGE_CSS = `.scoreboard{border-collapse:collapse;font-size:.92em}.scoreboard th,.scoreboard td{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
.scoreboard td.num{text-align:right}.rating{border-radius:3px;padding:1px 6px;font-size:.85em;white-space:nowrap}
.findings li{margin:1em 0}.findings blockquote{margin:.4em 0 .4em 1em;padding-left:.8em;border-left:3px solid #ccc;color:#444}.findings p{margin:.3em 0}`;

/** The scoreboard and the findings, as the front page's first sections. */
export function frontPageHtml(rows: readonly ScoreRow[], findings: readonly PublishableFinding[]): string {
  return [
    "<h2>What the fact-check found</h2>",
    "<p>Each figure of each article was rated against what others published: accurate, accurate once rounding is allowed, misleading (right for another measure or date), inaccurate, or cannot be verified. The checks recompute each article's own arithmetic.</p>",
    scoreboardHtml(rows),
    "<h2>The findings, most consequential first</h2>",
    findingsHtml(findings),
  ].join("\n");
}
