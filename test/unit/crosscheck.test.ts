/**
 * Cross-article views (src/views/themes.ts, conflicts.ts, disputes.ts, timelines.ts, findings.ts): themes, forest-plot rows, contradiction pairs, the
 * liquidation family's nested fit, shares of independent verdicts, dispute groups, timelines,
 * figures no source prints, the scoreboard and the ranking of findings.
 *
 * Expected values are worked out by hand from the rules of src/domain/hedges.ts (exact: ± half a unit
 * of the last printed digit; over/under: open on the far side, strict for "more than"/"exceeded")
 * and from the rows of data/claims.csv and data/independent.csv quoted in each test.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { loadAnalysis } from "../../src/domain/analysis";
import { chartIdFor, legendRowsFor, withLegendRoom } from "../../src/charts";
import { showHtml } from "../../src/render/display";
import { percentOf } from "../../src/render/format";
import { chartWorthy, conflictChartRows, conflictConsensus, conflictRow, contradictionHtml, contradictionPairs, familyChartRows, familyLevels, memberInterval } from "../../src/views/conflicts";
import { isKnownOutlier } from "../../src/domain/sources";
import { disputeGroups, disputeHtml, independentShares, printedBy, relativeGapOf, shareTable, sourceLink, sourcesNaming, nearestTableRows, unprintedFigures } from "../../src/views/disputes";
import { DAY_THREADS, SECTIONS, articleNotebook, evidenceRank, findingMarkdown, findingTargets, listFindings, notebookLink, rankFindings, scoreboard, verdictsByMethod } from "../../src/views/findings";
import { comparableUnits } from "../../src/views/shared";
import { conflictThemes, conflictTheme, conflictsOfTheme } from "../../src/views/themes";
import { flowComparison, sourceTimeline, timelineByDay, timelineChartRows, timelineTableRows } from "../../src/views/timelines";
import { intervalChart, verdictBarChart } from "../../src/charts";
import { NOTEBOOKS_DIR } from "../../src/data/paths";
import type { Conflict } from "../../src/domain/reconcile";
import type { Claim } from "../../src/data/types";

const analysis = loadAnalysis();
const conflict = (id: string): Conflict => {
  const c = analysis.conflicts.find((x) => x.id === id);
  if (!c) throw new Error(`no conflict ${id}`);
  return c;
};

function mk(id: string, over: Partial<Claim> = {}): Claim {
  return {
    id, article: id.split("-")[0], section: "s", quote: `quote of ${id}`, subject: "BTC", metric: "low", window: "intraday", low: 60000, high: 60000,
    unit: "USD", qualifier: "exact", as_of: "2026-02-06", raw: "$60,000", hedge: "", note: "", line: 2, ...over,
  };
}

describe("small helpers", () => {
  it("chartIdFor makes kebab-case ids from any id", () => {
    expect(chartIdFor("nb06", "family.btc-trough")).toBe("nb06-family-btc-trough");
    expect(chartIdFor("nb06", "crypto_market.liquidations.24h")).toBe("nb06-crypto-market-liquidations-24h");
  });

  it("percentOf rounds to whole percent and is 0 for an empty total", () => {
    // 5 of 63 = 7.94% -> 8; 46 of 63 = 73.0% -> 73
    expect(percentOf(5, 63)).toBe(8);
    expect(percentOf(46, 63)).toBe(73);
    expect(percentOf(1, 0)).toBe(0);
  });

  it("comparableUnits never throws for a unit without a conversion rule", () => {
    expect(comparableUnits("minutes", "minutes")).toBe(true);
    expect(comparableUnits("minutes", "pct")).toBe(false);
    expect(comparableUnits("USD_mn", "USD_bn")).toBe(true);
    expect(comparableUnits("USD_bn", "CNY_bn")).toBe(false);
  });

  it("memberInterval restores infinite ends from null bounds", () => {
    expect(memberInterval({ low: 2.5, high: null, lowOpen: true, highOpen: false })).toEqual({ low: 2.5, high: Infinity, lowOpen: true, highOpen: true });
  });
});

describe("themes", () => {
  it("conflictTheme sorts every reconciliation of the ledger into a known theme", () => {
    const themes = new Set(conflictThemes().map((t) => t.theme));
    for (const c of analysis.conflicts) expect(themes.has(conflictTheme(c)), c.id).toBe(true);
  });

  it("conflictTheme puts flows, capex, metals, levels, moves and equities where a reader looks for them", () => {
    expect(conflictTheme(conflict("family.liquidations"))).toBe("liquidations-flows");
    expect(conflictTheme(conflict("spot_btc_etfs.etf_net_outflow.jan_2026"))).toBe("liquidations-flows");
    expect(conflictTheme(conflict("alphabet.capex.fy2026"))).toBe("capex");
    expect(conflictTheme(conflict("family.silver-rout"))).toBe("metals");
    expect(conflictTheme(conflict("BTC.peak.point"))).toBe("bitcoin-levels");
    expect(conflictTheme(conflict("BTC.drawdown.since_peak"))).toBe("drawdowns-moves");
    expect(conflictTheme(conflict("kospi.pct_change.intraday"))).toBe("equities");
    expect(conflictTheme(conflict("family.btc-nasdaq-correlation"))).toBe("other");
  });

  it("conflictsOfTheme puts the reconciliations spanning most articles first", () => {
    const levels = conflictsOfTheme(analysis.conflicts, "bitcoin-levels");
    // family.btc-trough: 10 figures from all 5 articles; BTC.low.intraday: 6 figures from 5 articles too
    expect(levels[0].id).toBe("BTC.low.intraday");
    expect(levels[1].id).toBe("family.btc-trough");
  });
});

describe("one reconciliation as a chart and a row", () => {
  it("conflictChartRows gives each figure's effective interval in the group's unit", () => {
    // BTC.peak.point: "$126,223" exact -> [126222.5, 126223.5); "~$126K" approx -> 126000 ± 2% = [123480, 128520]
    const rows = conflictChartRows(conflict("BTC.peak.point"), analysis.ledger);
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId["nakamoto-015"].low).toBeCloseTo(126222.5, 6);
    expect(byId["nakamoto-015"].high).toBeCloseTo(126223.5, 6);
    expect(byId["crushes-022"].low).toBeCloseTo(123480, 6);
    expect(byId["crushes-022"].quote).toBe(analysis.ledger.byId.get("crushes-022")!.quote);
  });

  it("conflictChartRows converts into the group's unit and keeps open ends as null", () => {
    // family.liquidations is in USD_bn: "$1B+" -> (1, +∞): high null
    const rows = conflictChartRows(conflict("family.liquidations"), analysis.ledger);
    expect(rows.every((r) => r.unit === "USD_bn")).toBe(true);
    expect(rows.find((r) => r.id === "crushes-055")).toMatchObject({ low: 1, high: null });
  });

  it("conflictConsensus draws the median and, when bounded, the common part as a band", () => {
    // BTC.low.episode, effective intervals: ~$60,000–$61,000 [58800, 62220], ~$60K [58800, 61200],
    // $60,000–$62,000 [59999.5, 62000.5), near $60K–$62K [58800, 63240] -> common part [59999.5, 61200];
    // printed midpoints 60500, 60000, 61000, 61000 -> median 60750
    expect(conflictConsensus(conflict("BTC.low.episode"))).toEqual({ value: 60750, label: "median", low: 59999.5, high: 61200 });
    expect(conflictConsensus({ consensus: null, intersection: null })).toBeUndefined();
  });

  it("chartWorthy charts families, disagreements and figures from several articles", () => {
    expect(chartWorthy(conflict("kospi.pct_change.intraday"))).toBe(true); // TradingKey and GMT Eight
    expect(chartWorthy(conflict("us_jobs.duration.jan_2026"))).toBe(false); // GMT Eight twice, agree
    expect(chartWorthy(conflict("alphabet.pct_change.after_hours"))).toBe(true); // one article, scope mismatch
  });

  it("conflictRow names the figures, the common part or none, and a badge", () => {
    const row = conflictRow(conflict("BTC.low.intraday"));
    expect(row.figures).toBe(6);
    expect(row.articles).toBe(5);
    expect(row.common).toBe("none");
    expect(row.verdict).toContain(">contradiction<");
    expect(row.printed).toContain("59800 (nakamoto-006)");
    // BTC.peak.point: the common part keeps the open end of "$126,223" exact = [126222.5, 126223.5)
    expect(conflictRow(conflict("BTC.peak.point")).common).toBe("[126222.5, 126223.5) USD");
  });
});

describe("contradictions", () => {
  it("contradictionPairs finds $60,000 vs 59800 once, in both reconciliations that hold it", () => {
    // tradingkey-008 "$60,000" exact = [59999.5, 60000.5); nakamoto-006 "59800" = [59799.5, 59800.5): 199 apart, both 2026-02-06
    const pairs = contradictionPairs(analysis.conflicts, analysis.ledger);
    expect(pairs.map((p) => [p.a.id, p.b.id])).toEqual([["tradingkey-008", "nakamoto-006"]]);
    expect(pairs[0].gap).toBeCloseTo(199, 9);
    expect(pairs[0].conflicts).toEqual(["BTC.low.intraday", "family.btc-trough"]);
  });

  it("contradictionPairs ignores disjoint pairs that timing or one passage explains", () => {
    const a = mk("x-001", { low: 60000, high: 60000, as_of: "2026-02-05" });
    const b = mk("y-001", { low: 59800, high: 59800, raw: "59800" });
    const c: Conflict = {
      id: "BTC.low.intraday", kind: "group", subject: "BTC", metric: "low", window: "intraday", unit: "USD", claims: ["x-001", "y-001"],
      members: [a, b].map((x) => ({ claim: x.id, article: x.article, subject: "BTC", window: "intraday", as_of: x.as_of, raw: x.raw, qualifier: "exact", low: x.low! - 0.5, high: x.low! + 0.5, lowOpen: false, highOpen: true })),
      intersection: null, consensus: 59900, spread: 200, agreeing: ["x-001"], verdict: "contradiction", reason: "",
    };
    expect(contradictionPairs([c], { byId: new Map([a, b].map((x) => [x.id, x])) })).toEqual([]);
  });

  it("contradictionHtml escapes the quotes it puts side by side", () => {
    const p = contradictionPairs(analysis.conflicts, analysis.ledger)[0];
    const html = contradictionHtml({ ...p, a: { ...p.a, quote: `fell <b>"hard"</b> & $5` } });
    expect(html).toContain("fell &lt;b&gt;&#34;hard&#34;&lt;/b&gt; &amp; $5");
    expect(html).not.toContain("<b>\"hard\"");
  });
});

describe("the liquidations family", () => {
  it("familyLevels shows how $1B+, US$2.5B and $1.8–3.2B can all be true", () => {
    // own: BTC 24h "$1B+"/"Over $1B+" -> (1, +∞); all-crypto 24h "exceeded US$2.5 billion" -> (2.5, +∞);
    // all-crypto 3 days "over $1.8 billion to $3.2 billion" -> (1.8, 3.25) (3.2 printed to 0.1: +0.05).
    // Nesting BTC 24h ≤ crypto 24h ≤ crypto 3d: crypto 3d ∩ (2.5, +∞) = (2.5, 3.25);
    // then crypto 24h ∩ (−∞, 3.25) = (2.5, 3.25) and BTC 24h ∩ (−∞, 3.25) = (1, 3.25).
    const levels = familyLevels("liquidations", analysis.ledger.claims, "USD_bn");
    expect(levels.map((l) => l.claims.map((c) => c.id))).toEqual([["crushes-029", "crushes-055"], ["nakamoto-009"], ["cycle-020"]]);
    expect(levels.map((l) => l.fitted)).toEqual([
      { low: 1, high: 3.25, lowOpen: true, highOpen: true },
      { low: 2.5, high: 3.25, lowOpen: true, highOpen: true },
      { low: 2.5, high: 3.25, lowOpen: true, highOpen: true },
    ]);
  });

  it("familyChartRows adds one 'all true' row per level after the figures", () => {
    const { rows, labels } = familyChartRows(familyLevels("liquidations", analysis.ledger.claims, "USD_bn"), "USD_bn");
    expect(rows.map((r) => r.id)).toEqual(["crushes-029", "crushes-055", "nakamoto-009", "cycle-020", "fit-1", "fit-2", "fit-3"]);
    // cycle-020 "over $1.8 billion to $3.2 billion": (1.8, 3.25); fit-3: (2.5, 3.25)
    expect(rows.find((r) => r.id === "cycle-020")).toMatchObject({ low: 1.8, high: 3.25, unit: "USD_bn" });
    expect(rows.find((r) => r.id === "fit-3")).toMatchObject({ low: 2.5, high: 3.25, article: "nested fit" });
    expect(labels["fit-1"]).toBe("all true: BTC liquidations (24h)");
  });

  it("familyLevels leaves out figures in another currency and names unknown families", () => {
    const levels = familyLevels("liquidations", analysis.ledger.claims, "USD_bn");
    expect(levels.flatMap((l) => l.claims).some((c) => c.unit === "CNY_bn")).toBe(false);
    expect(() => familyLevels("nope", analysis.ledger.claims, "USD")).toThrow(/unknown family: "nope"/);
  });
});

describe("independent verdicts per article", () => {
  it("independentShares with comparedOnly counts only figures with a comparable source", () => {
    const n = analysis.independent.filter((r) => r.sources.some((s) => s.relation !== "context")).length;
    expect(independentShares(analysis, { comparedOnly: true }).reduce((t, s) => t + s.count, 0)).toBe(n);
  });

  it("independentShares counts every verdict of every article, adding up to its figures", () => {
    const shares = independentShares(analysis);
    expect(shares.length).toBe(analysis.ledger.articles.length * 5);
    for (const a of analysis.ledger.articles) {
      const n = analysis.ledger.claims.filter((c) => c.article === a.id).length;
      expect(shares.filter((s) => s.article === a.id).reduce((t, s) => t + s.count, 0)).toBe(n);
    }
  });

  it("shareTable writes n (p%) per verdict", () => {
    // 3 of 20 = 15%
    const t = shareTable([{ article: "a", verdict: "disputed", count: 3, share: 15 }, { article: "a", verdict: "unverified", count: 17, share: 85 }]);
    expect(t).toEqual([{ article: "a", figures: 20, disputed: "3 (15%)", unverified: "17 (85%)" }]);
  });
});

describe("disputes", () => {
  it("disputeGroups merges the figures weighed against the same sources", () => {
    const groups = disputeGroups(analysis);
    const low = groups.find((g) => g.id === "BTC.low.intraday")!;
    // sub-$60K, $60,000 (twice in TradingKey) and 59800 all face the same eight lows of $60,008–60,187
    expect(low.claims.map((c) => c.id)).toEqual(["crushes-019", "tradingkey-003", "tradingkey-008", "nakamoto-006"]);
    expect(low.sources.length).toBe(8);
    // wire sources first (r011 and r019), then the aggregators by id
    expect(low.sources.slice(0, 2).map((s) => s.row.id)).toEqual(["r011", "r019"]);
    expect(low.best.id).toBe("r011");
    // 59800 vs 60008.52: 208.52 / 59800 = 0.003487
    expect(low.relativeGap).toBeCloseTo(0.00348696, 6);
    expect(groups.reduce((n, g) => n + g.claims.length, 0)).toBe(analysis.independent.filter((r) => r.verdict === "disputed").length);
  });

  it("relativeGapOf measures the printed gap against the figure's size", () => {
    // "US$7 billion" approx vs Bloomberg's $3.5 billion: (7 − 3.5) / 7 = 0.5
    const claim = analysis.ledger.byId.get("nakamoto-028")!;
    const r048 = analysis.independentRows.find((r) => r.id === "r048")!;
    expect(relativeGapOf(claim, r048)).toBeCloseTo(0.5, 9);
    expect(relativeGapOf(claim, { ...r048, unit: "minutes" })).toBe(0);
  });

  it("sourceLink and disputeHtml escape urls and quotes", () => {
    expect(sourceLink({ url: `https://x.test/a"b<c>` })).toBe(`<a href="https://x.test/a&#34;b&lt;c&gt;" target="_blank" rel="noopener noreferrer">x.test</a>`);
    const g = disputeGroups(analysis)[0];
    const html = disputeHtml({ ...g, sources: [{ ...g.sources[0], row: { ...g.sources[0].row, quote: "<script>x</script>", outlet: "A & B" } }] });
    expect(html).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(html).toContain("A &amp; B");
    expect(html).not.toContain("<script>");
  });
});

describe("timelines and printed figures", () => {
  it("sourceTimeline puts the ~5% Kospi falls on the days the sources give", () => {
    // r135 −5.26 (close, Feb 2), r137 −4.94 (12:52, Feb 2), r141 −5.3 (close, Feb 2), r138 +4.4 (Feb 3),
    // r139 "more than 5" and r140 −4.77 (early trading, Feb 6); r136 (minutes of halt) is another metric
    const t = sourceTimeline(analysis, ["tradingkey-002", "tradingkey-005", "gmteight-005"]);
    expect(t.map((e) => e.row.id)).toEqual(["r135", "r137", "r141", "r138", "r139", "r140"]);
    expect(t.find((e) => e.row.id === "r138")!.matches).toEqual([]);
    expect(t.find((e) => e.row.id === "r135")!.matches).toEqual(["tradingkey-002", "tradingkey-005", "gmteight-005"]);
    expect(t.find((e) => e.row.id === "r140")!.relations["gmteight-005"]).toBe("refines");
    const days = timelineByDay(t);
    expect(days.map((d) => [d.day, d.matching])).toEqual([
      ["2026-02-02", ["r135", "r137", "r141"]],
      ["2026-02-03", []],
      ["2026-02-06", ["r139", "r140"]],
    ]);
  });

  it("timelineTableRows says how each source compares and links its page", () => {
    const rows = timelineTableRows(sourceTimeline(analysis, ["tradingkey-002", "tradingkey-005", "gmteight-005"]));
    const r140 = rows.find((r) => r.source.includes("joins.com") || r.outlet.startsWith("Korea JoongAng"))!;
    // r140 −4.77 "percent": exact, last digit 0.01 -> (−4.775, −4.765]
    expect(r140).toMatchObject({ as_of: "2026-02-06", compared: "refines", interval: "(-4.775, -4.765] pct" });
    expect(rows.find((r) => r.as_of === "2026-02-03")!.same).toBe("no");
    expect(r140.source.startsWith("<a href=")).toBe(true);
  });

  it("nearestTableRows lists the sources nearest to a figure no one prints", () => {
    const u = unprintedFigures(analysis).find((x) => x.claim.id === "nakamoto-015")!;
    expect(nearestTableRows(u)[0]).toMatchObject({ id: "r018", gap: "13 USD" });
  });

  it("timelineByDay gives the span of the silver falls per day", () => {
    // as stored: Jan 30: −31.4..−28 (r074 futures..spot), −31 (r075), −31.4 (r076);
    // Feb 5: from r077 "nearly 19%" (−19) to r080 −10.48
    const days = timelineByDay(sourceTimeline(analysis, ["tradingkey-001", "tradingkey-004", "crushes-031", "crushes-051", "nakamoto-023"]));
    expect(days.map((d) => d.day)).toEqual(["2026-01-30", "2026-02-05"]);
    expect([days[0].low, days[0].high]).toEqual([-31.4, -28]);
    expect([days[1].low, days[1].high]).toEqual([-19, -10.48]);
  });

  it("timelineChartRows labels claims by article and sources by tier", () => {
    const claims = ["tradingkey-002"].map((id) => analysis.ledger.byId.get(id)!);
    const { rows, labels } = timelineChartRows(claims, sourceTimeline(analysis, ["tradingkey-002"]));
    expect(rows[0].article).toBe("tradingkey-ai-bubble");
    expect(rows.find((r) => r.id === "r140")!.article).toBe("wire source");
    expect(labels.r140).toBe("4.77 · r140 · 2026-02-06");
  });

  it("printedBy finds a figure in a stored bound or a quote, and unprintedFigures finds $126,223 and 59800", () => {
    expect(printedBy(analysis.independentRows, 126223, "USD")).toEqual([]);
    expect(printedBy(analysis.independentRows, 126080, "USD")).toEqual(["r002", "r010"]);
    const un = unprintedFigures(analysis);
    expect(un.map((u) => u.claim.id)).toEqual(["nakamoto-006", "nakamoto-015"]);
    // nearest to $126,223: r018's $126,210 (13 away)
    expect(un[1].nearest[0].row.id).toBe("r018");
    expect(un[1].nearest[0].gap).toBeCloseTo(13, 9);
  });

  it("flowComparison sets the monthly ETF outflows against trackers that do not relay the bank note", () => {
    // articles: Nov ~7, Dec ~2, Jan 3 -> 12 (USD bn); trackers: Nov 3.79 (r050, full month), Jan 1.6 (r057) and the
    // user post's "exceeding $3 billion" (r046); Nov-Jan 6.18 (r045, r058); the bank note's relays: r055, r054, r053
    const p = flowComparison(analysis, ["nakamoto-028", "nakamoto-029", "gmteight-016", "nakamoto-027"], "Deutsche Bank");
    expect(p.map((x) => [x.window, x.article])).toEqual([["nov_2025", 7], ["dec_2025", 2], ["jan_2026", 3], ["total", 12]]);
    expect(p[0].others).toEqual([{ id: "r050", value: 3.79 }]);
    expect(p[2].others).toEqual([{ id: "r046", value: 3 }, { id: "r057", value: 1.6 }]);
    expect(p.map((x) => x.origin.map((o) => o.id))).toEqual([["r055"], ["r054"], ["r053"], []]);
    expect(p[3]).toMatchObject({ span: "2025-11-01/2026-01-31", others: [{ id: "r045", value: 6.18 }, { id: "r058", value: 6.18 }] });
  });

  it("showHtml sends the HTML as text/html", () => {
    const sent: string[] = [];
    showHtml("<b>x</b>", { raw: () => undefined, html: (h) => void sent.push(h), markdown: () => undefined });
    expect(sent).toEqual(["<b>x</b>"]);
  });

  it("isKnownOutlier picks the four rows kept on purpose", () => {
    expect(analysis.independentRows.filter(isKnownOutlier).map((r) => r.id)).toEqual(["r020", "r104", "r132", "r147"]);
  });

  it("sourcesNaming finds the rows that trace to the Deutsche Bank note", () => {
    expect(sourcesNaming(analysis.independentRows, "Deutsche Bank")).toEqual(["r053", "r054", "r055", "r056"]);
  });
});

describe("overview", () => {
  it("scoreboard counts each article's figures and how they were checked", () => {
    const rows = scoreboard(analysis);
    expect(rows.map((r) => r.article)).toEqual(analysis.ledger.articles.map((a) => a.id));
    expect(rows.reduce((n, r) => n + r.figures, 0)).toBe(analysis.ledger.claims.length);
    for (const r of rows) {
      expect(r.checked).toBeLessThanOrEqual(r.figures);
      expect(r.checked).toBeGreaterThanOrEqual(Math.max(r.recomputed, r.reconciled, r.sourced));
    }
    // the one contradiction pair: tradingkey-008 and nakamoto-006
    expect(rows.filter((r) => r.contradicted > 0).map((r) => r.article)).toEqual(["tradingkey-ai-bubble", "nakamoto-570k-liquidated"]);
  });

  it("verdictsByMethod gives one verdict per check, per reconciliation and per compared figure", () => {
    const rows = verdictsByMethod(analysis);
    expect(rows.filter((r) => r.method === "recomputation").length).toBe(analysis.verdicts.length);
    expect(rows.filter((r) => r.method === "reconciliation").length).toBe(analysis.conflicts.length);
  });

  it("evidenceRank orders arithmetic and primary above wire above aggregator", () => {
    expect([evidenceRank("arithmetic"), evidenceRank("contradiction"), evidenceRank("primary"), evidenceRank("wire"), evidenceRank("aggregator")]).toEqual([3, 3, 3, 2, 1]);
  });

  it("rankFindings puts market figures with strong evidence and large errors first", () => {
    const ranked = rankFindings(listFindings(analysis));
    // ETF November: (7 − 3.5) / 7 = 50% (Bloomberg, wire); silver: (19 − 10.48) / 20 = 42.6% (PTI, wire)
    expect(ranked.slice(0, 2).map((f) => f.id)).toEqual(["dispute:spot_btc_etfs.etf_net_outflow", "dispute:silver.pct_change"]);
    expect(ranked[1].relativeGap).toBeCloseTo(0.426, 9);
    // the leverage worked example is hypothetical: last among the failing checks
    expect(ranked[ranked.length - 1].id).toBe("check:leverage-100x-wipeout");
  });

  it("a failing check that reads independent figures is only as strong as the weakest of them", () => {
    const fs_ = listFindings(analysis);
    const evidence = (id: string) => fs_.find((f) => f.id === id)?.evidence;
    // r045 is an aggregator (SignalPlus); r143 (IndustryWeek, aggregator) and r144 (Challenger text, primary): the weaker decides
    expect(evidence("check:etf-outflows-nov-jan-vs-cryptoslate")).toBe("aggregator");
    expect(evidence("check:layoffs-17-year-peak-all-months")).toBe("aggregator");
    expect(evidence("check:etf-demand-gap")).toBe("arithmetic");
  });

  it("findingTargets links disputes to their thread, contradictions to 06 and checks to the article notebooks", () => {
    const fs_ = listFindings(analysis);
    const byId = (id: string) => fs_.find((f) => f.id === id)!;
    expect(findingTargets(analysis, byId("dispute:silver.pct_change"))).toEqual([{ notebook: "07-independent-check", heading: "The silver plunge" }]);
    expect(findingTargets(analysis, byId("contradiction:tradingkey-008:nakamoto-006"))).toEqual([SECTIONS.contradictions]);
    expect(findingTargets(analysis, byId("check:btc-ytd-start-price")).map((t) => t.notebook)).toEqual(["01-gate-selloff-crushes", "04-gmteight-2t-wiped"]);
    expect(articleNotebook(analysis, "nakamoto-570k-liquidated")).toBe("05-nakamoto-570k-liquidated");
  });

  it("findingMarkdown escapes article text and links both the notebook and its page", () => {
    const f = rankFindings(listFindings(analysis))[0];
    const md = findingMarkdown(analysis, f);
    expect(md).toContain("US\\$7 billion");
    expect(md).toContain("](07-independent-check.ipynb#ETF-outflows-from-November-to-January)");
    expect(md).toContain("](07-independent-check.html#ETF-outflows-from-November-to-January)");
    expect(md).toContain("50%");
  });

  it("notebookLink encodes the heading as JupyterLab and nbconvert anchor it", () => {
    expect(notebookLink("07-independent-check", "The Kospi fall", "Kospi")).toBe("[Kospi](07-independent-check.ipynb#The-Kospi-fall) ([page](07-independent-check.html#The-Kospi-fall))");
  });
});

describe("legend room", () => {
  it("legendRowsFor wraps entries that do not fit", () => {
    // each entry 40 + 6.5 × 10 = 105 px: three fit in 330 px, the fourth wraps
    expect(legendRowsFor(["a".repeat(10), "b".repeat(10), "c".repeat(10), "d".repeat(10)], 330)).toBe(2);
  });

  it("withLegendRoom grows the top margin and height by the extra rows, leaving a one-row legend alone", () => {
    const rows = verdictsByMethod(analysis);
    const fig = verdictBarChart(rows, { id: "t-legend", title: "T", by: "method" });
    const roomy = withLegendRoom(fig);
    const extra = (roomy.layout.height as number) - (fig.layout.height as number);
    expect(extra).toBeGreaterThan(0);
    expect((roomy.layout.margin as { t: number }).t - (fig.layout.margin as { t: number }).t).toBe(extra);
    expect((roomy.config.toImageButtonOptions as { height: number }).height).toBe(roomy.layout.height);
    const small = intervalChart(conflictChartRows(conflict("BTC.price.intraday"), analysis.ledger), { id: "t-small", title: "T" });
    expect(withLegendRoom(small)).toBe(small);
  });
});

describe("the notebooks hold the headings others link to", () => {
  const targets = [...Object.values(SECTIONS), ...DAY_THREADS.map((t) => ({ notebook: "07-independent-check", heading: t.heading }))];
  it.each(targets.map((t) => [`${t.notebook}#${t.heading}`, t] as const))("%s", (_name, t) => {
    const file = path.join(NOTEBOOKS_DIR, `${t.notebook}.ipynb`);
    if (!fs.existsSync(file)) return; // written after this module; checked once committed
    const nb = JSON.parse(fs.readFileSync(file, "utf8")) as { cells: { cell_type: string; source: string | string[] }[] };
    const headings = nb.cells
      .filter((c) => c.cell_type === "markdown")
      .flatMap((c) => (Array.isArray(c.source) ? c.source.join("") : c.source).split("\n"))
      .filter((l) => /^#{1,6}\s/.test(l))
      .map((l) => l.replace(/^#{1,6}\s+/, "").trim());
    expect(headings).toContain(t.heading);
  });
});
