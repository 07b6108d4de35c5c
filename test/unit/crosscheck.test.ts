/**
 * Cross-article views (src/views/themes.ts, conflicts.ts, shares.ts, findings.ts, and the
 * figures-table chart of chart-rows.ts): themes, a reconciliation's forest plot (its rows,
 * consensus line and the liquidation family's nested fit), shares of ratings per article, the
 * scoreboard and the ranked findings.
 *
 * Expected values are worked out by hand from the issue-12 rules (data/README.md, "From a
 * printed figure to an interval" and "How a verdict is decided"): a figure's precision p is half a
 * unit of its last significant digit, trailing zeros of a whole number not significant beyond the
 * second digit ("$60,000" ±500, "$1B" ±0.5 billion, "2.5" ±0.05); exact [x − p, x + p); approx
 * ±max(p, 2% of x); over [x − p, +∞); a range [low − p, high + p), "~" widening each end like
 * approx. The rows of data/claims.csv and data/independent.csv they read are quoted in each test.
 */
import { describe, expect, it } from "vitest";
import { loadAnalysis } from "../../src/domain/analysis";
import { chartIdFor, legendRowsFor, withLegendRoom } from "../../src/charts";
import { showHtml } from "../../src/render/display";
import { percentOf } from "../../src/render/format";
import { toRecords } from "../../src/render/html";
import { chartWorthy, conflictChartRows, conflictCharts, conflictConsensus, conflictLabels, conflictTitle, familyChartRows, familyLevels } from "../../src/views/conflicts";
import { isKnownOutlier } from "../../src/domain/sources";
import { shareRecords, shareTable } from "../../src/views/shares";
import { findingRecords, findings, findingsList, findingsMarkdown, scoreboard, SCOREBOARD_COLUMNS } from "../../src/views/findings";
import { figureLabels, figuresChart } from "../../src/views/chart-rows";
import { figureRecords } from "../../src/views/figures";
import { ledgerView } from "../../src/views/context";
import { comparableUnits, unitWords } from "../../src/views/shared";
import { conflictThemes, conflictTheme } from "../../src/views/themes";
import { intervalChart, verdictBarChart } from "../../src/charts";
import type { Conflict } from "../../src/domain/reconcile";
import type { PublishableFinding } from "../../src/domain/findings";

const analysis = loadAnalysis();
const conflict = (id: string): Conflict => {
  const c = analysis.conflicts.find((x) => x.id === id);
  if (!c) throw new Error(`no conflict ${id}`);
  return c;
};
/** The ledger's claims per article, counted straight from data/claims.csv as loaded. */
const claimsOf = (article: string) => analysis.ledger.claims.filter((c) => c.article === article).length;

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

  it("unitWords names a unit as data/vocabulary.csv does, without its aside, and spells out an unknown one", () => {
    // vocabulary.csv: "pct,percent (−52 for −52%)", "CNY_bn,billions of yuan (renminbi)", "minutes,minutes of time (length of a trading halt)"
    expect(unitWords("pct")).toBe("percent");
    expect(unitWords("CNY_bn")).toBe("billions of yuan");
    expect(unitWords("minutes")).toBe("minutes of time");
    expect(unitWords("tonnes_per_day")).toBe("tonnes per day");
  });

  it("showHtml sends the HTML as text/html", () => {
    const sent: string[] = [];
    showHtml("<b>x</b>", { raw: () => undefined, html: (h) => void sent.push(h), markdown: () => undefined });
    expect(sent).toEqual(["<b>x</b>"]);
  });

  it("isKnownOutlier picks the four rows kept on purpose", () => {
    expect(analysis.independentRows.filter(isKnownOutlier).map((r) => r.id)).toEqual(["r020", "r104", "r132", "r147"]);
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
});

describe("one reconciliation as a forest plot", () => {
  it("conflictChartRows gives each figure's effective interval in the group's unit, named by its article's short name", () => {
    // BTC.peak.point: "$126,223" exact, every digit significant -> p = 0.5 -> [126222.5, 126223.5);
    // "~$126K" approx, p = 500 -> a = max(500, 2% of 126,000 = 2,520) -> [123480, 128520]
    const rows = conflictChartRows(conflict("BTC.peak.point"), analysis.ledger);
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId["nakamoto-015"].low).toBeCloseTo(126222.5, 6);
    expect(byId["nakamoto-015"].high).toBeCloseTo(126223.5, 6);
    expect(byId["nakamoto-015"].source).toBe("Nakamoto");
    expect(byId["crushes-022"].low).toBeCloseTo(123480, 6);
    expect(byId["crushes-022"].high).toBeCloseTo(128520, 6);
    expect(byId["crushes-022"].quote).toBe(analysis.ledger.byId.get("crushes-022")!.quote);
  });

  it("conflictChartRows converts into the group's unit and keeps open ends as null", () => {
    // family.liquidations is in USD_bn: "$1B+" over, "+" inclusive, "$1B" -> p = 0.5 -> [0.5, +∞): high null
    const rows = conflictChartRows(conflict("family.liquidations"), analysis.ledger);
    expect(rows.every((r) => r.unit === "USD_bn")).toBe(true);
    expect(rows.find((r) => r.id === "crushes-055")).toMatchObject({ low: 0.5, high: null });
  });

  it("conflictConsensus draws the median and, when bounded, the common part as a band", () => {
    // BTC.low.episode, with rounding and hedges ("$60,000" and "$61,000" ±500; "~" ±max(500, 2%)):
    // "~$60,000–$61,000" [58800, 62220]; "~$60K" [58800, 61200]; "$60,000–$62,000" [59500, 62500);
    // "near $60K–$62K" [58800, 63240] -> common part [max 59500, min 61200];
    // printed midpoints 60500, 60000, 61000, 61000 -> median (60500 + 61000) / 2 = 60750
    expect(conflictConsensus(conflict("BTC.low.episode"))).toEqual({ value: 60750, label: "median", low: 59500, high: 61200 });
    expect(conflictConsensus({ consensus: null, intersection: null })).toBeUndefined();
  });

  it("conflictLabels names each figure as printed with its date in words", () => {
    // BTC.peak.point: nakamoto-015 "$126,223", as_of 2025-10
    expect(conflictLabels(conflict("BTC.peak.point"))["nakamoto-015"]).toBe("$126,223 · October 2025");
  });

  it("conflictTitle says what a group measures in words, and names a family", () => {
    // data/vocabulary.csv: "subject,BTC,Bitcoin", "metric,low,low; …", "window,intraday,within one trading session, …"
    expect(conflictTitle(conflict("BTC.low.intraday"))).toBe("Bitcoin · low · within one trading session");
    // "metric,pct_change,change in percent; …", "window,after_hours,after the regular session closed"
    expect(conflictTitle(conflict("alphabet.pct_change.after_hours"))).toBe("Alphabet Inc. · change in percent · after the regular session closed");
    expect(conflictTitle(conflict("family.silver-rout"))).toBe("Related figures: The silver rout");
  });

  it("chartWorthy charts families, disagreements and figures from several articles", () => {
    expect(chartWorthy(conflict("kospi.pct_change.intraday"))).toBe(true); // TradingKey and GMT Eight
    expect(chartWorthy(conflict("fear_greed_index.index_level.point"))).toBe(false); // Nakamoto twice, agree
    expect(chartWorthy(conflict("alphabet.pct_change.after_hours"))).toBe(true); // one article, scope mismatch
  });

  it("conflictCharts draws each reconciliation worth a chart, with its rating, the unit in words and its own id", () => {
    const charts = conflictCharts([{ id: "fear_greed_index.index_level.point" }, { id: "BTC.peak.point" }], "t");
    // the Fear & Greed group (Nakamoto twice, in agreement) stays in the table
    expect(charts.map((f) => (f.layout.meta as { chart: { id: string } }).chart.id)).toEqual(["t-btc-peak-point"]);
    const layout = charts[0].layout as { title: { text: string }; xaxis: { title: { text: string } } };
    // "~$126K", "$126K", "near $126,000", "$126,223": Gate (crushes), Gate (risk-off), Nakamoto; rated accurate_rounded,
    // which a reconciliation shows in words of agreement, not of accuracy
    expect(layout.title.text).toContain("Bitcoin · peak · at one moment");
    expect(layout.title.text).toContain("Consistent once rounded · 4 figures from 3 articles");
    expect(layout.title.text).not.toContain("Accurate");
    expect(layout.xaxis.title.text).toBe("US dollars");
    expect(() => conflictCharts([{ id: "nope" }], "t")).toThrow(/"nope" is not a reconciliation id/);
  });
});

describe("the liquidations family", () => {
  // own intervals: Bitcoin 24h "Over $1B+" and "$1B+" -> [0.5, +∞); the market's 24h "exceeded US$2.5
  // billion" -> [2.5 − 0.05, +∞) = [2.45, +∞); the market's 3 days "over $1.8 billion to $3.2 billion"
  // -> [1.8 − 0.05, 3.2 + 0.05) = [1.75, 3.25) (a leading "over" moves out by its rounding, rule 3). Nesting Bitcoin 24h ≤ market 24h ≤ market 3 days:
  // market 3 days ∩ [2.45, +∞) = [2.45, 3.25); market 24h ∩ (−∞, 3.25) = [2.45, 3.25); Bitcoin 24h ∩ (−∞, 3.25) = [0.5, 3.25).
  it("familyLevels shows how $1B+, US$2.5B and $1.8–3.2B can all be true", () => {
    const levels = familyLevels("liquidations", "USD_bn");
    expect(levels.map((l) => l.claims.map((c) => c.id))).toEqual([["crushes-029", "crushes-055"], ["nakamoto-009"], ["cycle-020"]]);
    expect(levels[2].own).toMatchObject({ low: 1.75, high: 3.25, highOpen: true });
    const fitted = levels.map((l) => l.fitted!);
    expect(fitted.map((f) => [f.low, f.high, Boolean(f.lowOpen), Boolean(f.highOpen)])).toEqual([
      [0.5, 3.25, false, true],
      [2.45, 3.25, false, true],
      [2.45, 3.25, false, true],
    ]);
  });

  it("familyChartRows adds one 'all true' row per level after the figures, its range in words", () => {
    const { rows, labels } = familyChartRows(familyLevels("liquidations", "USD_bn"), "USD_bn");
    expect(rows.map((r) => r.id)).toEqual(["crushes-029", "crushes-055", "nakamoto-009", "cycle-020", "fit-1", "fit-2", "fit-3"]);
    expect(rows.find((r) => r.id === "cycle-020")).toMatchObject({ low: 1.75, high: 3.25, unit: "USD_bn", source: "Gate (risk-off)" });
    expect(rows.find((r) => r.id === "fit-3")).toMatchObject({ low: 2.45, high: 3.25, article: "nested fit", raw: "$2.45 billion to $3.25 billion" });
    // data/families.csv: BTC/liquidations/24h, in the words of data/vocabulary.csv
    expect(labels["fit-1"]).toBe("all true: Bitcoin, a rolling 24 hours");
  });

  it("familyLevels leaves out figures in another currency and names unknown families", () => {
    const levels = familyLevels("liquidations", "USD_bn");
    expect(levels.flatMap((l) => l.claims).some((c) => c.unit === "CNY_bn")).toBe(false);
    expect(() => familyLevels("nope", "USD")).toThrow(/unknown family: "nope"/);
  });

  it("conflictCharts draws an ordered family with its nested fit", () => {
    const [chart] = conflictCharts([{ id: "family.liquidations" }], "t");
    const ticks = (chart.layout.yaxis as { tickvals: string[] }).tickvals;
    expect(ticks).toEqual(["crushes-029", "crushes-055", "nakamoto-009", "cycle-020", "fit-1", "fit-2", "fit-3"]);
  });
});

describe("shares of ratings", () => {
  it("shareRecords counts each value per group with its whole-percent share", () => {
    // x: 2 up of 3 = 66.7% -> 67%, 1 down = 33.3% -> 33%; y: 1 up of 1 = 100%, 0 down
    const rows = [{ g: "x", v: "up" }, { g: "x", v: "down" }, { g: "y", v: "up" }, { g: "x", v: "up" }];
    expect(shareRecords(rows, "g", "v")).toEqual([
      { g: "x", total: 3, up: "2 (67%)", down: "1 (33%)" },
      { g: "y", total: 1, up: "1 (100%)", down: "0 (0%)" },
    ]);
  });

  it("shareRecords lists every rating in the scale's order, zeros included, by its label", () => {
    const t = shareRecords([{ a: "A", rating: "inaccurate" }, { a: "A", rating: "accurate" }], "a");
    expect(t).toEqual([{ a: "A", total: 2, Accurate: "1 (50%)", "Accurate, rounded": "0 (0%)", "Misleading: another measure or date": "0 (0%)", Inaccurate: "1 (50%)", "Cannot be verified": "0 (0%)" }]);
  });

  it("shareTable of the figures table gives each article its figures, in data/articles.csv order", () => {
    const t = toRecords(shareTable(figureRecords(analysis).filter((r) => r.origin === "article"), "source"));
    expect(t.map((r) => r.source)).toEqual(["Gate (crushes)", "Gate (risk-off)", "TradingKey", "GMT Eight", "Nakamoto"]);
    expect(t.map((r) => r.total)).toEqual(analysis.ledger.articles.map((a) => claimsOf(a.id)));
  });
});

describe("overview", () => {
  it("scoreboard gives each article its figures, their ratings adding up to them, and its failed checks", () => {
    const rows = toRecords(scoreboard(analysis));
    expect(Object.keys(rows[0])).toEqual([...SCOREBOARD_COLUMNS]);
    expect(rows.map((r) => r.article)).toEqual(["Gate (crushes)", "Gate (risk-off)", "TradingKey", "GMT Eight", "Nakamoto"]);
    expect(rows.map((r) => r.figures)).toEqual(analysis.ledger.articles.map((a) => claimsOf(a.id)));
    for (const r of rows) expect(Number(r.accurate) + Number(r.accurate_rounded) + Number(r.misleading) + Number(r.inaccurate) + Number(r.unverifiable)).toBe(r.figures);
    // inaccurate or misleading against independent reporting: GMT Eight's headline "17-Year Peak" (misleading: Challenger's
    // release, reproduced by TalkMarkets, has January as the highest month only since October 2025, 3 months, and the
    // highest January since 2009) and Nakamoto's November "approximately US$7 billion"
    // ($3.79 billion for the month; Bloomberg, a wire, and FactSet had $3.5 billion by the 24th-25th). Not counted:
    // Gate (crushes)'s Amazon "~10–12% after unveiling" (the after-hours fall: AP's 11%, accurate) and its "single
    // session" (TS2 Tech's 5.6% alone disputes it: cannot be verified, rule 8); the January ETF "$3 billion" figures
    // (SoSoValue alone: rule 8); Nakamoto's silver "more than 20%" (names no day); Gate (risk-off)'s "several sessions"
    expect(rows.map((r) => [r.misleading, r.inaccurate])).toEqual([[0, 0], [0, 0], [0, 0], [1, 0], [0, 1]]);
    // failed checks: the 17-year layoffs peak (GMT Eight: misleading). Left out as not signable: the start-of-year
    // price pair and Gate (risk-off)'s two; the ETF sum against one aggregator's total cannot be verified (rule 8)
    expect(rows.map((r) => r.checks_failed)).toEqual([0, 0, 0, 1, 0]);
  });

  it("findings ranks by score, and Nakamoto's November ETF outflows score their relative gap", () => {
    const rows = toRecords(findings(analysis));
    expect(rows.map((r) => r.rank)).toEqual(rows.map((_, k) => k + 1));
    for (let k = 1; k < rows.length; k++) expect(Number(rows[k].score)).toBeLessThanOrEqual(Number(rows[k - 1].score));
    // "approximately US$7 billion" against Bitcoin eNews' $3.79 billion: (7 − 3.79) / 7 = 0.45857 -> 0.459; in the body,
    // not repeated: centrality 1, score 0.459
    const nov = rows.find((r) => String(r.title).startsWith("Nakamoto on US spot Bitcoin exchange-traded funds"))!;
    expect(nov).toMatchObject({ rating: "inaccurate", articles: "Nakamoto", relative_gap: 0.459, centrality: 1, score: 0.459 });
  });

  const finding: PublishableFinding = {
    id: "independent:x-1", rating: "misleading", title: "A on <b>", articles: ["a", "b"], quote: "fell $5", evidence: "Source B reports 4%.", caveat: "Labelling.",
    relativeGap: 0.123456, centrality: 2.5, score: 0.154321,
  };

  it("findingRecords numbers the findings, names articles by short name and rounds to three digits", () => {
    expect(findingRecords([finding], { a: "A" })).toEqual([{ rank: 1, rating: "misleading", title: "A on <b>", articles: "A, b", relative_gap: 0.123, centrality: 2.5, score: 0.154 }]);
  });

  it("findingsMarkdown escapes every piece and says so when there is nothing to publish", () => {
    const text = findingsMarkdown([finding]);
    expect(text).toBe("1. **A on &lt;b&gt;**\n\n   > fell \\$5\n\n   **Misleading: another measure or date.** Source B reports 4%.\n\n   *Caveat:* Labelling.");
    expect(findingsMarkdown([])).toBe("No figure was rated inaccurate or misleading.");
  });

  it("findingsList shows the first findings of the ranking", () => {
    const top = findingsList(analysis, 2).text;
    expect(top.startsWith("1. **")).toBe(true);
    expect(top).toContain("\n\n2. **");
    expect(top).not.toContain("\n\n3. **");
  });
});

describe("the figures table as a forest plot", () => {
  it("figureLabels names the figure, its source, its date and a window that says more than the date", () => {
    // a long outlet is cut to 29 characters, "Bloomberg via Moneycontrol, a", then "…"; "nov_2025" says no more than the date
    expect(
      figureLabels([
        { id: "r140", raw: "4.77", source: "Korea JoongAng Daily (Yonhap)", as_of: "2026-02-06", window: "intraday" },
        { id: "r048", raw: "$3.5 billion", source: "Bloomberg via Moneycontrol, a long outlet name", as_of: "2025-11-01/2025-11-24", window: "nov_2025" },
      ]),
    ).toEqual({ r140: "4.77 · Korea JoongAng Daily (Yonhap) · 6 Feb 2026, intraday", r048: "$3.5 billion · Bloomberg via Moneycontrol, a… · 1–24 Nov 2025" });
  });

  it("figuresChart colours the article's figures by rating and the sources grey, and titles the axis in words", () => {
    // the Kospi thread: TradingKey's and GMT Eight's "5%" (cannot be verified: The Korea Herald's "more than 5 percent" fits
    // without pinning it down; Yonhap's 4.77% is a reading after 15 minutes) and the sources in percent
    const rows = figureRecords(analysis).filter((r) => ["tradingkey-002", "gmteight-005", "r135", "r140"].includes(r.id));
    const chart = figuresChart(rows, { id: "t-kospi", title: "Kospi" });
    const names = chart.data.map((t) => t.name).filter((n, i, all) => typeof n === "string" && all.indexOf(n) === i);
    expect(names).toEqual(expect.arrayContaining(["Cannot be verified", "outside sources"]));
    expect((chart.layout.xaxis as { title: { text: string } }).title.text).toBe("percent");
    expect((chart.layout.yaxis as { ticktext: string[] }).ticktext).toContain("5.26 · KBS World Radio (Korea) · 2 Feb 2026, session");
  });

  it("ctx.compare rows chart as they come, the claims first", () => {
    const ctx = ledgerView(analysis);
    const chart = figuresChart(ctx.compare(["nakamoto-015"]), { id: "t-peak", title: "Peak" });
    expect((chart.layout.yaxis as { tickvals: string[] }).tickvals[0]).toBe("nakamoto-015");
  });
});

describe("legend room", () => {
  it("legendRowsFor wraps entries that do not fit", () => {
    // each entry 40 + 6.5 × 10 = 105 px: three fit in 330 px, the fourth wraps
    expect(legendRowsFor(["a".repeat(10), "b".repeat(10), "c".repeat(10), "d".repeat(10)], 330)).toBe(2);
  });

  it("withLegendRoom grows the top margin and height by the extra rows, leaving a one-row legend alone", () => {
    // five ratings at the default width of 760: 5 × 40 + 6.5 × 88 characters = 772 px > 0.55 × 760 = 418 px
    const rows = ["accurate", "accurate_rounded", "misleading", "inaccurate", "unverifiable"].map((rating) => ({ article: "a", rating }));
    const fig = verdictBarChart(rows, { id: "t-legend", title: "T", verdict: "rating" });
    const roomy = withLegendRoom(fig);
    const extra = (roomy.layout.height as number) - (fig.layout.height as number);
    expect(extra).toBeGreaterThan(0);
    expect((roomy.layout.margin as { t: number }).t - (fig.layout.margin as { t: number }).t).toBe(extra);
    expect((roomy.config.toImageButtonOptions as { height: number }).height).toBe(roomy.layout.height);
    const small = intervalChart(conflictChartRows(conflict("BTC.price.intraday"), analysis.ledger), { id: "t-small", title: "T" });
    expect(withLegendRoom(small)).toBe(small);
  });
});
