/**
 * The notebook contexts (src/views/context.ts), the sentences from the verdicts
 * (src/views/explain.ts, article-text.ts), values that show themselves and show()
 * (src/render/display.ts), and exported pages (src/report/page.ts). Expected values are read by
 * hand from data/ (files and lines in the comments).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { intervalChart } from "../../src/charts";
import { displaysAs, md, show, type DisplaySink } from "../../src/render/display";
import { inlineMarkdownHtml, markdownHtml } from "../../src/render/markdown";
import { exportHtml, exportPath, pageHtml } from "../../src/report/page";
import { article, ledgerView, READER_COLUMNS } from "../../src/views/context";
import { explainText, ratingCountWords, summaryText } from "../../src/views/explain";

const HOSTILE = `<script>alert("x")</script> & *bold* $5`;

function recorder(): DisplaySink & { calls: [string, unknown][] } {
  const calls: [string, unknown][] = [];
  return { calls, raw: (m, c) => void calls.push([m, c]), html: (s) => void calls.push(["html", s]), markdown: (s) => void calls.push(["markdown", s]) };
}

const ctx = article("tradingkey-ai-bubble");

describe("article(id) and ledgerView(): lookups that name what is missing", () => {
  it("an unknown article, section, claim, check, reconciliation or outside figure is an Error naming the id", () => {
    expect(() => article("no-such-article")).toThrow(/unknown article "no-such-article" \(expected one of gate-selloff-crushes, .*nakamoto-570k-liquidated\)/);
    expect(() => ctx.section("no-such-section")).toThrow(/unknown section "no-such-section" of tradingkey-ai-bubble \(expected one of summary, /);
    expect(() => ctx.claim("tradingkey-999")).toThrow(/unknown claim "tradingkey-999": not an id of data\/claims\.csv/);
    expect(() => ctx.check("no-check")).toThrow(/unknown check "no-check": not an id of data\/checks\.csv/);
    expect(() => ctx.conflict("BTC.nothing")).toThrow(/unknown reconciliation "BTC\.nothing"/);
    expect(() => ctx.source("r999")).toThrow(/unknown outside figure "r999": not an id of data\/independent\.csv/);
    expect(() => ctx.compare(["tradingkey-008", "bad-1"])).toThrow(/unknown claim "bad-1"/);
    expect(() => ctx.explain("nothing")).toThrow(/"nothing" is not a check, a reconciliation or a claim id/);
    expect(() => ledgerView().figures("summary")).toThrow(/sections belong to an article/);
  });

  it("finds a claim of any article, a check, a reconciliation and an outside figure", () => {
    // data/claims.csv: nakamoto-015 is the $126,223 record the TradingKey checks read
    expect(ctx.claim("nakamoto-015").raw).toBe("$126,223");
    // 46,000 + 10,600 = 56,600 against "56,000" (±500 as a round figure): accurate once rounded
    expect(ctx.check("etf-demand-gap").rating).toBe("accurate_rounded");
    expect(ledgerView().conflict("family.liquidations").kind).toBe("family");
    expect(ctx.source("r011").tier).toBe("wire");
    expect(ctx.verdict("tradingkey-008").best_source).toBe("r011");
  });

  it("sections in data/sections.csv order; a section's table has the reader's columns and its figures", () => {
    expect(ctx.sections.map((s) => s.section)).toEqual([
      "summary", "software-and-precious-metals", "asia-pacific-markets", "bitcoin-v-reversal",
      "silver-margin-liquidations", "bitcoin-slide-etf-demand", "us-labor-data", "ai-capex-bottomless-pit",
    ]);
    // data/claims.csv: the summary paragraph prints tradingkey-001, -002 and -003: "20%", "5%", "$60,000"
    const t = ctx.table("summary");
    expect(t.columns).toEqual(["raw", "as_of", "rating", "explanation"]);
    expect(t.columns).toEqual([...READER_COLUMNS]);
    expect(t.raw.values).toEqual(["20%", "5%", "$60,000"]);
    expect(ctx.figures("summary").id.values).toEqual(["tradingkey-001", "tradingkey-002", "tradingkey-003"]);
    expect(ctx.figures().shape[0]).toBe(ctx.claims().length);
    expect(ctx.figures("silver-margin-liquidations").shape[0]).toBe(0);
  });

  it("compare(): the claims first, then their comparable outside figures by date", () => {
    const df = ctx.compare("tradingkey-008");
    const ids = df.id.values as string[];
    expect(ids[0]).toBe("tradingkey-008");
    expect(ids.slice(1).every((id) => /^r\d+$/.test(id))).toBe(true);
    const compared = ctx.verdict("tradingkey-008").sources.filter((s) => s.relation !== "context").map((s) => s.id);
    expect([...ids.slice(1)].sort()).toEqual([...compared].sort());
    const dates = (df.as_of.values as string[]).slice(1);
    expect(dates).toEqual([...dates].sort());
    // every linked figure, context included, with comparable: false
    expect(ctx.sources("tradingkey-008").shape[0]).toBeGreaterThanOrEqual(compared.length);
  });

  it("checks(section) and conflicts(section) hold the section's figures", () => {
    const checks = ctx.checks("bitcoin-slide-etf-demand");
    expect(checks.id.values).toContain("etf-demand-gap");
    const conflicts = ctx.conflicts("bitcoin-v-reversal");
    expect(conflicts.id.values).toContain("BTC.low.intraday");
  });
});

describe("sentences from the verdicts", () => {
  it("ratingCountWords counts best first and skips zeros", () => {
    expect(ratingCountWords(["unverifiable", "accurate", "misleading", "accurate"])).toBe("2 accurate, 1 misleading (another measure or date) and 1 cannot be verified");
  });

  it("explain(id) labels a reconciliation in words of agreement and a check on the claim scale", () => {
    // family.liquidations: nested scopes that can all be true → unverifiable → "Cannot be compared"
    expect(ledgerView().conflict("family.liquidations").rating).toBe("unverifiable");
    expect(ledgerView().explain("family.liquidations").text).toMatch(/^\*\*Cannot be compared\.\*\* /);
    const check = ledgerView().checks().values[0] as unknown[];
    expect(ledgerView().explain(String(check[0])).text).not.toMatch(/^\*\*(Consistent|Cannot be compared|Contradictory)/);
  });

  it("explainText puts the rating label first and escapes the explanation", () => {
    const t = explainText({ rating: "inaccurate", explanation: HOSTILE });
    expect(t.startsWith("**Inaccurate.** ")).toBe(true);
    expect(t).not.toContain("<script>");
    expect(t).toContain("&lt;script&gt;");
    expect(t).toContain("\\*bold\\*");
  });

  it("a section without figures says so; a section's summary names each inaccurate figure with its explanation", () => {
    expect(ctx.summary("silver-margin-liquidations").text).toBe("This section prints no figure that the ledger tracks.");
    // data/claims.csv: bitcoin-v-reversal prints tradingkey-008 ($60,000, refined by r011's $60,008.52) and one more figure
    const s = ctx.summary("bitcoin-v-reversal").text;
    expect(s).toMatch(/^This section prints 2 figures in 2 quoted passages\./);
    expect(s).not.toContain("**Inaccurate.**");
    // Nakamoto's ETF section prints "approximately US$7 billion" for November, against the trackers' $3.79 billion
    const n = article("nakamoto-570k-liquidated").summary("drivers-etf-outflows-leverage").text;
    // a figure is named by what it prints, never by an id; the three sums of the monthly outflows against tracker
    // totals cannot be verified (two cover other periods, one is a single aggregator's total: rule 8)
    expect(n).toContain("“US\\$7 billion”: **Inaccurate.**");
    expect(n).toMatch(/3 recomputations read them: 3 cannot be verified\.$/);
    expect(n).not.toMatch(/`|nakamoto-\d{3}|etf-outflows-nov-jan-vs-cryptoslate/);
  });

  it("summaryText counts the claims, their ratings and the checks that read them", () => {
    const claims = [
      { id: "a-1", quote: "q1", raw: "5%", qualifier: "exact" as const, note: "" },
      { id: "a-2", quote: "q1", raw: "$7", qualifier: "exact" as const, note: "" },
    ];
    const independent = new Map([["a-1", { rating: "accurate" as const, explanation: "fine" }], ["a-2", { rating: "inaccurate" as const, explanation: "the record says 9" }]]);
    const checks = [
      { id: "c-1", claims: ["a-1"], rating: "accurate" as const, explanation: "" },
      { id: "c-2", claims: ["a-2"], rating: "inaccurate" as const, explanation: "off by 2", statement: "The two figures summed" },
    ];
    const text = summaryText({ claims, independent, checks });
    // the inaccurate figure named by what it prints (“$7”), the inaccurate check by its statement: no ids
    expect(text).toBe(
      "This section prints 2 figures in 1 quoted passage. Against independent reporting: 1 accurate and 1 inaccurate. " +
        "“\\$7”: **Inaccurate.** The record says 9. 2 recomputations read them: 1 accurate and 1 inaccurate. " +
        "The two figures summed: **Inaccurate.** Off by 2.",
    );
  });

  it("the quote of a section without figures is the opening of its text; of one with figures, its quotes without ids", () => {
    // data/claims.csv: the summary's three quotes, tradingkey-001 to -003, each once
    expect(ctx.quote("summary").text).toBe("> with silver plunging nearly 20% on Thursday\n\n> with the KOSPI Index down 5%\n\n> Bitcoin crashed below \\$60,000");
    const excerpt = ctx.quote("silver-margin-liquidations").text;
    expect(excerpt.startsWith("> ")).toBe(true);
    expect(excerpt).not.toContain("`");
  });

  it("quote(section, maxChars) cuts a section without figures at a word when no sentence fits, and ignores maxChars for quotes", () => {
    // the Nakamoto footer's text opens "Click to follow and make friends with the editor-in-chief picture …" and
    // ends with a contact number; 60 characters hold no full sentence, so it is cut at the last word that fits, with "…"
    const footer = article("nakamoto-570k-liquidated").quote("editor-footer", 60).text;
    expect(footer).toBe("> Click to follow and make friends with the editor-in-chief…");
    expect(footer).not.toMatch(/\d/);
    expect(ctx.quote("summary", 10).text).toBe(ctx.quote("summary").text);
  });

  it("intro() and tally() report the article's counts", () => {
    // data/claims.csv holds 20 TradingKey figures; data/sections.csv 8 sections, none under the article's own headings
    expect(ctx.intro().text).toContain("- **In the ledger:** 20 figures across 8 sections (0 under the article's own headings).");
    expect(ctx.tally().text).toMatch(/^- \*\*Against independent reporting:\*\* 20 figures, /);
    // no TradingKey figure, check or reconciliation is inaccurate or misleading; reconciliations of
    // figures of different days or scopes (the silver family, the drawdowns) cannot be verified
    // accurate once rounded: +103% for "almost double" (printed 90–100%), −52.5% for "halved" (printed −50%),
    // and 46,000 + 10,600 = 56,600 for "56,000"; cannot be verified: the two compounded YTD checks (a drawdown is not a
    // change over the window) and January's fall then GMT Eight's week, more than 24.4%, only a bound around "27%"
    // and the summary's "below $60,000" for the body's $60,000, which the strict "below" excludes as printed
    expect(ctx.tally().text).toContain("- **Recomputations:** 11 checks, 4 accurate, 4 accurate once rounded and 3 cannot be verified; inaccurate or misleading: none.");
    expect(ctx.tally().text).toMatch(/- \*\*Reconciliations with other figures:\*\* 10 reconciliations, .*cannot be compared; contradictory: none\./);
  });

  it("tally() names what fails as a reader knows it: a figure by what it prints, a check by its statement", () => {
    // Nakamoto: only the November ETF outflows "US$7 billion" (nakamoto-028) is inaccurate; January's "exceeded US$3
    // billion" is disputed by one aggregator only and the silver "more than 20%" names no day: cannot be verified
    const t = article("nakamoto-570k-liquidated").tally().text;
    expect(t).toContain("inaccurate or misleading: “US\\$7 billion”.");
    expect(t).not.toMatch(/`|nakamoto-\d{3}|etf-outflows/);
    // GMT Eight: one check fails, named by its statement (data/checks.csv layoffs-17-year-peak-all-months)
    const g = article("gmteight-2t-wiped").tally().text;
    expect(g).toContain("inaccurate or misleading: GMT Eight&#39;s headline &#39;17-Year Peak in U.S. Layoffs&#39; (all months) vs Challenger");
    expect(g).not.toMatch(/`|gmteight-\d{3}|layoffs-17/);
  });
});

describe("values that show themselves, and show()", () => {
  it("displaysAs adds nothing JSON or equality can see", () => {
    const x = displaysAs({ a: 1 }, () => {});
    expect(JSON.stringify(x)).toBe('{"a":1}');
    expect(x).toEqual({ a: 1 });
  });

  it("show() sends charts as plotly JSON, Markdown as Markdown and tables as HTML, in order", () => {
    const sink = recorder();
    const fig = intervalChart([{ id: "a-1", article: "a", quote: "q", subject: "BTC", metric: "low", low: 1, high: 2, unit: "USD", raw: "1–2", as_of: "2026-02-06" }], { id: "t", title: "T" });
    show(md("**x**"), fig, [{ a: 1 }], "plain *md*", sink);
    expect(sink.calls.map((c) => c[0])).toEqual(["markdown", "application/vnd.plotly.v1+json", "html", "markdown"]);
    expect(sink.calls[1]![1]).toBe(fig);
    expect(() => show(42 as never, sink)).toThrow(/show: cannot show \[object Number\]/);
  });
});

describe("exported pages", () => {
  it("markdownHtml renders our Markdown and escapes everything else", () => {
    expect(inlineMarkdownHtml(HOSTILE)).toBe("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; <i>bold</i> $5");
    expect(markdownHtml("> a \\*b\\* — `c-1`")).toBe("<blockquote><p>a *b* — <code>c-1</code></p></blockquote>");
  });

  it("pageHtml escapes the title and text and embeds plotly.js only with a chart", () => {
    const html = pageHtml(HOSTILE, [HOSTILE, [{ q: HOSTILE }]], "PLOTLY");
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("PLOTLY");
  });

  it("exportHtml writes under $SELLOFF_EXPORT_DIR, atomically, and says what it wrote by file name", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selloff-export-"));
    const before = process.env.SELLOFF_EXPORT_DIR;
    process.env.SELLOFF_EXPORT_DIR = dir;
    try {
      expect(exportPath("a.html")).toBe(path.join(dir, "a.html"));
      const said = exportHtml("answer.html", "An answer", md("**Bold** text"), [{ id: "x-1", rating: "accurate" }]);
      expect(said.text).toMatch(/^Wrote `answer\.html` \(a table of 1 row; \d+ KB\)/);
      const html = fs.readFileSync(path.join(dir, "answer.html"), "utf8");
      expect(html).toContain("<b>Bold</b> text");
      expect(html).toContain(">Accurate</td>");
      expect(fs.readdirSync(dir)).toEqual(["answer.html"]);
      expect(() => exportHtml("answer.txt", "x")).toThrow(/must end in \.html/);
    } finally {
      if (before === undefined) delete process.env.SELLOFF_EXPORT_DIR;
      else process.env.SELLOFF_EXPORT_DIR = before;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
