/**
 * Contract tests of src/views/narrate.ts on a hand-built analysis (one article, three sections, three
 * claims, three checks, three independent results), so every expected string is worked out here.
 */
import { describe, expect, it } from "vitest";
import type { Analysis } from "../../src/domain/analysis";
import type { CheckVerdict } from "../../src/domain/checks";
import type { DisplaySink } from "../../src/render/display";
import { badge } from "../../src/render/html";
import type { IndependentResult } from "../../src/domain/independent";
import { formatBounds, verdictCountWords } from "../../src/render/format";
import { escapeMarkdown, quoteMarkdown } from "../../src/render/markdown";
import { computedRow, pathFromClaims } from "../../src/views/chart-rows";
import { articleContext, articleIntroMarkdown, checkRow, figureRows, sectionBody, sectionChecks, sectionClaims, sectionSummaryMarkdown, showChecks, showFigures, showSection } from "../../src/views/sections";
import type { Article, Claim, Section } from "../../src/data/types";

const HOSTILE = `Hostile <script>alert("x")</script> & 'q' </div> $5 *bold* _it_`;

function recorder(): DisplaySink & { calls: [string, string][] } {
  const calls: [string, string][] = [];
  return {
    calls,
    raw: (mime) => void calls.push(["raw", mime]),
    html: (s) => void calls.push(["html", s]),
    markdown: (s) => void calls.push(["markdown", s]),
  };
}

const article = (id: string, title: string): Article => ({
  id,
  title,
  outlet: "Outlet",
  short_name: "Outlet",
  author: "",
  published: "2026-02-08",
  published_basis: "stated",
  language: "en",
  seed: "",
  seed_start: 0,
  seed_end: 0,
  trimmed: "nothing",
  description: "",
  text: "",
});

const section = (order: number, id: string, kind: Section["kind"]): Section => ({
  article: "t-art",
  order,
  section: id,
  heading: id,
  level: 1,
  kind,
  starts_with: "",
  start: 0,
  end: 0,
});

const claim = (over: Partial<Claim> & Pick<Claim, "id" | "section" | "quote">): Claim => ({
  article: "t-art",
  subject: "BTC",
  metric: "pct_change",
  window: "session",
  low: 2,
  high: 2,
  unit: "pct",
  qualifier: "exact",
  as_of: "2026-02-05",
  raw: "2%",
  hedge: "",
  note: "",
  line: 2,
  ...over,
});

const verdict = (over: Partial<CheckVerdict> & Pick<CheckVerdict, "id" | "claims" | "verdict">): CheckVerdict => ({
  kind: "sum_of",
  statement: "a statement",
  claimed: { low: 2, high: 2, unit: "pct" },
  claimedAsPrinted: { low: 2, high: 2, unit: "pct" },
  reference: null,
  computed: { low: 2, high: 2, unit: "pct" },
  computedWithRounding: { low: 1.9, high: 2.1, unit: "pct" },
  sources: [],
  working: "a working",
  reason: "fine",
  gap: 0,
  ...over,
});

const CLAIMS: Claim[] = [
  claim({ id: "t-001", section: "s1", quote: HOSTILE }),
  claim({ id: "t-002", section: "s1", quote: HOSTILE }),
  claim({ id: "t-003", section: "s2", quote: "it was 5", raw: "5", low: 5, high: 5, unit: "count", qualifier: "garbled", note: "reads as 5 or 50." }),
  claim({ id: "o-001", article: "o-art", section: "lead", quote: "other" }),
];

const VERDICTS: CheckVerdict[] = [
  verdict({ id: "v-a", claims: ["t-001", "o-001"], verdict: "consistent" }),
  verdict({
    id: "v-b",
    claims: ["t-002"],
    verdict: "inconsistent",
    statement: "2% vs $3",
    computed: { low: 3, high: 3, unit: "pct" },
    computedWithRounding: { low: 2.9, high: 3.1, unit: "pct" },
    reason: "off by 1 pct.",
    gap: 1,
  }),
  verdict({ id: "v-c", claims: ["o-001"], verdict: "inconsistent" }),
];

const INDEPENDENT: IndependentResult[] = [
  { claim: "t-001", verdict: "confirmed", best_source: "r1", reason: "Confirmed by r1.", sources: [{ id: "r1", tier: "wire", outlet: "Wire & Co", stance: "corroborates", origin: "wire-co", relation: "confirms", relevance: 2, interval: "2 pct", why: "" }], gap: 0, relative_gap: 0, other_measure: null, inside_printed: true },
  { claim: "t-002", verdict: "disputed", best_source: "r2", reason: "Disputed by r2 <x>.", sources: [{ id: "r2", tier: "aggregator", outlet: "Agg", stance: "contradicts", origin: "agg", relation: "disagrees", relevance: 2, interval: "4 pct", why: "" }], gap: 2, relative_gap: 1, other_measure: null, inside_printed: false },
  { claim: "t-003", verdict: "unverified", best_source: null, reason: "No source.", sources: [], gap: null, relative_gap: null, other_measure: null, inside_printed: false },
];

const ANALYSIS = {
  ledger: {
    articles: [article("t-art", "A <b>title</b> & $5"), article("o-art", "Other")],
    // out of order on purpose: articleContext sorts by `order`
    sections: [section(3, "s2", "heading"), section(1, "lead", "lead"), section(2, "s1", "theme")],
    claims: CLAIMS,
    exclusions: [],
    vocabulary: [],
    byId: new Map(CLAIMS.map((c) => [c.id, c])),
  },
  checks: [],
  verdicts: VERDICTS,
  conflicts: [],
  independentRows: [],
  independent: INDEPENDENT,
} as unknown as Analysis;

const ctx = articleContext("t-art", ANALYSIS);

describe("articleContext", () => {
  it("narrows the analysis to the article: its sections in order and its claims", () => {
    expect(ctx.article.id).toBe("t-art");
    expect(ctx.sections.map((s) => s.section)).toEqual(["lead", "s1", "s2"]);
    expect(ctx.claims.map((c) => c.id)).toEqual(["t-001", "t-002", "t-003"]);
  });

  it("throws naming the unknown id and the known ones", () => {
    expect(() => articleContext("zzz", ANALYSIS)).toThrow(/^unknown article: "zzz" \(expected one of t-art, o-art\)$/);
  });
});

describe("escapeMarkdown", () => {
  it("escapes a hostile quote for HTML, Markdown and MathJax", () => {
    expect(escapeMarkdown(HOSTILE)).toBe(
      "Hostile &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;q&#39; &lt;/div&gt; \\$5 \\*bold\\* \\_it\\_",
    );
  });

  it("escapes list and heading markers at the start of a line only", () => {
    expect(escapeMarkdown("# a\n- b\n1. c\nd-e")).toBe("\\# a\n\\- b\n1\\. c\nd-e");
  });

  it("leaves a leading signed or decimal number alone, and breaks a setext underline", () => {
    expect(escapeMarkdown("-52% and 1.8%")).toBe("-52% and 1.8%");
    expect(escapeMarkdown("a\n---")).toBe("a\n\\---");
  });
});

describe("quoteMarkdown", () => {
  it("gives one blockquote per distinct quote, without the claim ids citing it", () => {
    // t-001 and t-002 share one quote: one blockquote, no ids
    const md = quoteMarkdown(sectionClaims(ctx, "s1"));
    expect(md).toBe(`> ${escapeMarkdown(HOSTILE)}`);
    expect(md).not.toMatch(/<script|<\/div>|[^\\]\$/);
  });

  it("quotes plain strings without ids, line by line, and says how many were left out", () => {
    expect(quoteMarkdown(["a\nb", "c", "d"], { max: 1 })).toBe("> a\n> b\n\n*… and 2 more quotes*");
    expect(quoteMarkdown([])).toBe("");
  });
});

describe("formatBounds and verdictCountWords", () => {
  it("formats points, ranges and open ends with the unit", () => {
    expect(formatBounds({ low: 1234.5678, high: 1234.5678, unit: "USD" })).toBe("1,235 USD"); // 4 significant digits, but never fewer than the integer part
    expect(formatBounds({ low: 10, high: null, unit: "pct" })).toBe("≥ 10 pct");
  });

  it("counts check outcomes and independent verdicts in a fixed order", () => {
    expect(verdictCountWords(["inconsistent", "consistent_within_rounding", "confirmed"])).toBe("1 holds within rounding, 1 fails and 1 confirmed");
    expect(verdictCountWords([])).toBe("");
  });
});

describe("articleIntroMarkdown", () => {
  it("lists the manifest, escaped, and the computed counts", () => {
    expect(articleIntroMarkdown(ctx)).toBe(
      [
        "- **Article:** *A &lt;b&gt;title&lt;/b&gt; &amp; \\$5*",
        "- **Outlet:** Outlet",
        "- **Author:** not named",
        "- **Published:** 2026-02-08 (stated)",
        "- **Page chrome trimmed:** nothing",
        // sections: lead, s1 (theme), s2 (heading) -> 1 under the article's own headings
        "- **In the ledger:** 3 figures across 3 sections (1 under the article's own headings).",
        // v-a (t-001 with o-001: cross-article) and v-b; v-c reads only o-001
        "- **Recomputations:** 2 checks read figures of this article (1 of them with figures from other articles): 1 holds and 1 fails.",
        "- **Against independent reporting:** 1 confirmed, 1 disputed and 1 unverified.",
      ].join("\n"),
    );
  });
});

describe("sections", () => {
  it("sectionClaims throws for a section of another article or none", () => {
    expect(() => sectionClaims(ctx, "nope")).toThrow(/^unknown section: "nope" in t-art \(expected one of lead, s1, s2\)$/);
  });

  it("figureRows gives the printed figure, what it measures, the effective interval and the independent badge", () => {
    const [row] = figureRows(ctx, "s1");
    expect(row).toEqual({
      claim: "t-001",
      figure: "2%",
      what: "BTC · pct_change · session",
      as_of: "2026-02-05",
      interval: "[1.5, 2.5) pct", // exact "2%": ± half a unit of the last printed digit (0.5 × 1)
      hedge: "exact",
      independently: `${badge("confirmed")} Wire &amp; Co`,
    });
    expect(figureRows(ctx, "s2")[0]!.interval).toBe("[4.5, 5.5) count (garbled)");
  });

  it("sectionChecks finds every check reading a claim of the section", () => {
    expect(sectionChecks(ctx, "s1").map((v) => v.id)).toEqual(["v-a", "v-b"]);
    expect(sectionChecks(ctx, "s2")).toEqual([]);
  });

  it("checkRow shows claimed, computed with rounding, the badge and the gap", () => {
    expect(checkRow(VERDICTS[1]!)).toEqual({
      check: "v-b",
      statement: "2% vs $3",
      claimed: "2 pct",
      computed: "3 pct (with rounding 2.9 to 3.1 pct)",
      verdict: badge("fails"),
      reason: "off by 1 pct.",
      gap: "1 pct",
    });
  });

  it("sectionSummaryMarkdown states counts, the failing check and the disputed figure, escaped", () => {
    expect(sectionSummaryMarkdown(ctx, "s1")).toBe(
      "This section prints 2 figures in 1 quoted passage. " +
        "2 recomputations read them: 1 holds and 1 fails. The failing check: `v-b` — 2% vs \\$3: off by 1 pct (gap 1 pct). " +
        "Independent reporting disputes 1 figure: 2% (`t-002`) — Disputed by r2 &lt;x&gt;; it confirms or refines 1.",
    );
  });

  it("sectionSummaryMarkdown gives both readings of a garbled figure, and handles an empty section", () => {
    expect(sectionSummaryMarkdown(ctx, "s2")).toBe(
      "This section prints 1 figure in 1 quoted passage. No independent source on file confirms or disputes it. Garbled as printed: 5 (`t-003`) — reads as 5 or 50.",
    );
    expect(sectionSummaryMarkdown(ctx, "lead")).toBe("This section prints no figure that the ledger tracks.");
  });

  it("showFigures and showChecks send escaped HTML tables; showSection sends quotes, tables and summary", () => {
    const sink = recorder();
    showFigures(ctx, "s1", sink);
    showChecks(ctx, "s1", sink);
    expect(sink.calls.map((c) => c[0])).toEqual(["html", "html"]);
    expect(sink.calls[0]![1]).toContain("<th style=\"padding:4px 10px;border-bottom:2px solid #444444;font-weight:600;vertical-align:bottom;text-align:left\">figure as printed</th>");
    expect(sink.calls[1]![1]).toContain("2% vs $3");
    const all = recorder();
    showSection(ctx, "s1", all);
    expect(all.calls.map((c) => c[0])).toEqual(["markdown", "html", "html", "markdown"]);
    expect(all.calls.map((c) => c[1]).join("")).not.toMatch(/<script|<\/div>/);
  });
});

describe("sectionBody and computedRow", () => {
  it("sectionBody is the section's text after its heading line, trimmed", () => {
    const text = "Title\nintro\nS1 head\n body one \n";
    const c = articleContext("t-art", {
      ...ANALYSIS,
      ledger: {
        ...ANALYSIS.ledger,
        articles: [{ ...article("t-art", "Title"), text }],
        sections: [
          { ...section(1, "lead", "lead"), heading: "Title", start: 0, end: 12 },
          { ...section(2, "s1", "heading"), heading: "S1 head", start: 12, end: text.length },
        ],
      },
    } as Analysis);
    expect(sectionBody(c, "lead")).toBe("intro");
    expect(sectionBody(c, "s1")).toBe("body one");
  });

  it("computedRow turns a check's computed bounds into a chart row, with rounding on request", () => {
    const v = VERDICTS[1]!;
    expect(computedRow(v, { article: "computed", as_of: "2026-02-06" })).toEqual({
      id: "v-b", article: "computed", quote: "2% vs $3", subject: "computed", metric: "computed", low: 3, high: 3, unit: "pct", raw: "computed", as_of: "2026-02-06",
    });
    expect(computedRow(v, { article: "x", as_of: "2026", rounding: true, raw: "sum" })).toMatchObject({ low: 2.9, high: 3.1, raw: "sum" });
  });
});

describe("pathFromClaims", () => {
  it("puts each claim at its as_of midpoint and bound midpoint, sorted by date; open bounds use the finite end", () => {
    expect(
      pathFromClaims([
        { id: "b", as_of: "2026-02-05/2026-02-06", low: null, high: 60000 },
        { id: "a", as_of: "2025-10", low: 125000, high: 127000 },
      ]),
    ).toEqual([
      { date: "2025-10-16", close: 126000, claim: "a" },
      { date: "2026-02-05 12:00", close: 60000, claim: "b" },
    ]);
  });
});
