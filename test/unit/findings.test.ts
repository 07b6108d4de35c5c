/**
 * Contract tests of src/domain/findings.ts (the findings an editor would publish, ranked by
 * materiality, and the scoreboard) and src/report/front-page.ts (how out/index.html shows them).
 * Expected values are worked out by hand in the comments.
 */
import { describe, expect, it } from "vitest";
import { loadAnalysis } from "../../src/domain/analysis";
import { centrality, publishableFindings, scoreboardHeadings, scoreboardRows } from "../../src/domain/findings";
import { findingsHtml, frontPageHtml, plainTitle, ratingBadge, scoreboardHtml } from "../../src/report/front-page";
import { galleryHtml } from "../../src/report/export";

const claim = (id: string, over: Partial<{ section: string; raw: string; subject: string; metric: string; window: string }> = {}) => ({
  id, article: "a", section: "body", quote: "q", raw: "5%", subject: "s", metric: "m", window: "w", ...over,
});

describe("centrality: how central a figure is to its article", () => {
  const article = { title: "Wiped Out: $2 Trillion Crypto Loss", firstSection: "lead" };
  it("a figure in the body counts 1", () => {
    expect(centrality(claim("a-1"), article, [claim("a-1")])).toBe(1);
  });
  it("in the headline or the lead it counts 2", () => {
    // "$2 Trillion" is printed in the title; a figure of the first section is in the lead
    expect(centrality(claim("a-1", { raw: "$2 Trillion" }), article, [])).toBe(2);
    expect(centrality(claim("a-1", { section: "lead" }), article, [])).toBe(2);
  });
  it("a figure the article repeats (same subject, metric, window) adds 0.5", () => {
    expect(centrality(claim("a-1", { section: "lead" }), article, [claim("a-1", { section: "lead" }), claim("a-2")])).toBe(2.5);
  });
});

describe("publishableFindings on the ledger", () => {
  const a = loadAnalysis();
  const fs = publishableFindings(a);

  it("every finding is rated inaccurate or misleading and carries the article's sentence, the evidence and a caveat", () => {
    expect(fs.length).toBeGreaterThan(0);
    for (const f of fs) {
      expect(["inaccurate", "misleading"]).toContain(f.rating);
      expect(f.quote.length, f.id).toBeGreaterThan(0);
      expect(f.evidence.length, f.id).toBeGreaterThan(0);
      expect(f.caveat, f.id).toMatch(/\.$/);
    }
  });

  it("are ranked by score, and the score is the capped relative gap × centrality, halved when misleading", () => {
    for (let i = 1; i < fs.length; i++) expect(fs[i - 1].score).toBeGreaterThanOrEqual(fs[i].score);
    for (const f of fs) {
      const expected = Math.min(1, f.relativeGap) * f.centrality * (f.rating === "misleading" ? 0.5 : 1);
      // hypothetical figures (window "scenario") would be halved again; none of these is one
      expect(f.score, f.id).toBeCloseTo(expected, 5);
    }
  });

  it("Nakamoto's $7B November ETF outflow is one finding, not one per check and verdict that reads it", () => {
    // the Nov–Jan sum check (7 + 2 + more than 3 = more than 12 against about $6.18B, one aggregator's total: cannot be
    // verified) and the independent dispute of the November figure ($3.79B) both read nakamoto-028
    const withNov = fs.filter((f) => f.id === "independent:nakamoto-028" || f.id === "check:etf-outflows-nov-jan-vs-cryptoslate");
    expect(withNov).toHaveLength(1);
  });

  it("a finding quotes the article's sentence: a recomputation its result, a figure its own passage", () => {
    // the layoffs record tests the headline's "17-Year": its result claim (testedQuote's @examples cover checks that test
    // every input against a reference)
    expect(fs.find((f) => f.id === "independent:gmteight-002")!.quote).toBe("17-Year Peak in U.S. Layoffs");
    expect(fs.find((f) => f.id === "independent:nakamoto-028")!.quote).toBe("after outflows of approximately US$7 billion and US$2 billion in November and December respectively");
  });

  it("GMT Eight's '17-Year Peak' headline is misleading, central (the headline) and ranked first", () => {
    // record among all months: Challenger's release (r167, reproduced by TalkMarkets) has January 2026 as the highest
    // month since October 2025, 3 months (0.25 years), against "17-Year": a gap of 17 − 0.25 = 16.75 years,
    // 16.75 / 17 = 0.98529 of the figure; the headline is central (2); the body's "January layoffs reached a 17-year
    // peak" is a record among Januaries, another quantity, so the headline is not counted as repeated; misleading
    // halves: 0.98529 × 2 × 0.5 = 0.985 — the largest score. The check that tests the same headline
    // (layoffs-17-year-peak-all-months, misleading) is not a second finding of the same figure
    expect(fs[0].id).toBe("independent:gmteight-002");
    expect(fs[0].rating).toBe("misleading");
    expect(fs[0].centrality).toBe(2);
    expect(fs[0].score).toBeCloseTo(0.985, 3);
    expect(fs.some((f) => f.id === "check:layoffs-17-year-peak-all-months")).toBe(false);
  });

  it("a caveat names who stands behind each outside figure, and a wire report among the dissent", () => {
    // without the headline's own independent verdict, the check on it is the finding: r143 IndustryWeek is an
    // aggregator, r144 TalkMarkets reproduces Challenger's release (primary)
    const a = loadAnalysis();
    const check = publishableFindings({ ...a, independent: a.independent.filter((r) => r.claim !== "gmteight-002") })[0];
    expect(check.id).toBe("check:layoffs-17-year-peak-all-months");
    expect(check.caveat).toBe("Sets the article's own figures against IndustryWeek (an aggregator) and TalkMarkets (a primary source), once each is read as the round or approximate figure it is.");
    // nakamoto-028: decided by Bitcoin eNews (aggregator); Bloomberg via Moneycontrol (wire) and The Deep Dive also disagree
    expect(fs.find((f) => f.id === "independent:nakamoto-028")!.caveat).toMatch(/^The deciding source is an aggregator, not a wire or primary source; 2 other sources also disagree, among them Bloomberg via Moneycontrol \(a wire report\)\./);
  });

  it("a finding is titled by the article, what it is about and the figure, never by a check's internal statement", () => {
    // the check tests gmteight-002, the headline's "17-Year" (subject us_jobs, worded "US jobs" by data/vocabulary.csv)
    expect(fs[0].title).toBe("GMT Eight on US jobs: “17-Year”");
    expect(fs.map((f) => f.title).join(" ")).not.toMatch(/\bvs\b|_|->/);
  });
});

describe("scoreboardRows: per article, its figures and their ratings", () => {
  it("counts every figure of every article once, under one rating", () => {
    const a = loadAnalysis();
    const rows = scoreboardRows(a);
    expect(rows.map((r) => r.article)).toEqual(a.ledger.articles.map((x) => x.id));
    for (const r of rows) expect(Object.values(r.ratings).reduce((s, n) => s + n, 0)).toBe(r.figures);
    expect(rows.reduce((s, r) => s + r.figures, 0)).toBe(a.ledger.claims.length);
  });
  it("headings are plain words", () => {
    expect(scoreboardHeadings()).toEqual(["Article", "Figures", "Accurate", "Accurate, rounded", "Misleading: another measure or date", "Inaccurate", "Cannot be verified", "Own-arithmetic checks", "Checks failed"]);
  });
});

describe("the front page: what was found, escaped, in plain text", () => {
  it("plainTitle removes Markdown escapes, emphasis and link targets", () => {
    expect(plainTitle("\\[no headline in seed\\] Global sell-off")).toBe("[no headline in seed] Global sell-off");
    expect(plainTitle("Wiped Out: \\$2 Trillion **Crypto** Loss")).toBe("Wiped Out: $2 Trillion Crypto Loss");
  });
  it("ratingBadge shows the label", () => {
    expect(ratingBadge("misleading")).toMatch(/>Misleading: another measure or date<\/span>$/);
  });
  it("a hostile quote never reaches the page as markup", () => {
    const html = findingsHtml([{ id: "x", rating: "inaccurate", title: "<b>t</b>", articles: ["a"], quote: "<script>alert(1)</script>", evidence: "e & f", caveat: "c", relativeGap: 0.5, centrality: 1, score: 0.5 }]);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;b&gt;t&lt;/b&gt;");
    expect(html).toContain("e &amp; f");
  });
  it("a contradiction between articles is badged Contradictory, a figure's error Inaccurate, in the same red", () => {
    const base = { title: "t", articles: ["a"], quote: "q", evidence: "e", caveat: "c", relativeGap: 0.5, centrality: 1, score: 0.5 };
    const html = findingsHtml([{ ...base, id: "conflict:BTC.low.intraday", rating: "inaccurate" }, { ...base, id: "independent:a-001", rating: "inaccurate" }]);
    expect(html).toContain("#D55E00;color:#000000\">Contradictory</span>");
    expect(html).toContain("#D55E00;color:#000000\">Inaccurate</span>");
  });
  it("no finding says so", () => {
    expect(findingsHtml([])).toBe("<p>No figure was rated inaccurate or misleading.</p>");
  });
  it("the gallery opens with the scoreboard and the findings, before the notebooks", () => {
    const a = loadAnalysis();
    const html = galleryHtml([], [], frontPageHtml(scoreboardRows(a), publishableFindings(a)));
    const found = html.indexOf("What the fact-check found");
    expect(found).toBeGreaterThan(0);
    expect(html.indexOf("The findings, most consequential first")).toBeGreaterThan(found);
    expect(html.indexOf("<h2>Notebooks</h2>")).toBeGreaterThan(html.indexOf("The findings"));
    expect(scoreboardHtml(scoreboardRows(a))).toContain("<td>TradingKey: Global sell-off on AI-bubble fears");
  });
});
