/**
 * What a newcomer asking a question of their own needs from the tables: the keys a filter types
 * (terms), the section's heading and the deciding source's outlet and tier beside each figure,
 * the articles' names beside each check and reconciliation, errors that name the columns there
 * are, and a chart of amounts printed in millions and billions together.
 */
import { describe, expect, it } from "vitest";
import { byDateChart, figuresInUnit } from "../../src/charts";
import { danfo, unknownColumns } from "../../src/data/danfo";
import { frameHtml } from "../../src/render/frame";
import { checkRecords, conflictRecords, figureRecords, figures } from "../../src/views/figures";
import { termRecords, terms } from "../../src/views/terms";

describe("terms(rows, column): each key a filter types, beside the words a table shows", () => {
  it("counts each value, most rows first, ties in alphabetical order, and leaves empty values out", () => {
    // BTC ×3, ETH ×1, spot_btc_etfs ×1, "" ×1 (left out): BTC first; ETH before spot_btc_etfs (both 1, "E" < "s")
    const rows = [{ subject: "spot_btc_etfs" }, { subject: "BTC" }, { subject: "ETH" }, { subject: "BTC" }, { subject: "" }, { subject: "BTC" }];
    expect(termRecords(rows, "subject")).toEqual([
      { term: "BTC", words: "Bitcoin", rows: 3 },
      { term: "ETH", words: "Ether", rows: 1 },
      // data/vocabulary.csv: subject,spot_btc_etfs,US spot Bitcoin exchange-traded funds
      { term: "spot_btc_etfs", words: "US spot Bitcoin exchange-traded funds", rows: 1 },
    ]);
  });

  it("gives the words of every kind of key: a verdict's short label, a date in words", () => {
    expect(termRecords([{ verdict: "confirmed_within_rounding" }], "verdict")).toEqual([{ term: "confirmed_within_rounding", words: "confirmed (rounding)", rows: 1 }]);
    expect(termRecords([{ as_of: "2026-02-06" }], "as_of")).toEqual([{ term: "2026-02-06", words: "6 Feb 2026", rows: 1 }]);
  });

  it("the table shows the term as the filter types it, underscores kept", () => {
    const html = frameHtml(terms([{ subject: "spot_btc_etfs" }], "subject"));
    expect(html).toContain(">spot_btc_etfs</td>");
    expect(html).toContain(">US spot Bitcoin exchange-traded funds</td>");
  });

  it("the terms of the figures table's subjects filter it: each count is the rows eq(term) keeps", () => {
    const all = figures();
    const t = termRecords(all, "subject");
    const etfs = t.find((r) => r.term === "spot_btc_etfs")!;
    expect(all.query(all["subject"]!.eq("spot_btc_etfs")).shape[0]).toBe(etfs.rows);
    // every figure has a subject: the counts add up to the table's rows
    expect(t.reduce((n, r) => n + r.rows, 0)).toBe(all.shape[0]);
  });

  it("an unknown column is an error naming it and the columns there are", () => {
    expect(() => termRecords([{ subject: "BTC", metric: "low" }], "heading")).toThrow(/^terms: no column "heading"; the columns are subject, metric$/);
  });
});

describe("figures(): the section's heading and the deciding source's outlet and tier", () => {
  const rows = figureRecords();
  const byId = new Map(rows.map((r) => [r.id, r]));

  it("an article figure carries its section's heading (data/sections.csv line 4; the lead of line 35)", () => {
    expect(byId.get("crushes-002")!.heading).toBe("Tech Sector Carnage:");
    // sections are keyed by article and section: Nakamoto's "lead" is not Gate's
    expect(byId.get("nakamoto-001")!.heading).toBe("Title, byline and lead");
  });

  it("the deciding source's outlet and tier are those of its row in data/independent.csv", () => {
    // crushes-005 (+2.2%) is decided by r068: data/independent.csv line 69, outlet "Credit News Insider (AP-style index table)", tier aggregator
    expect(byId.get("crushes-005")).toMatchObject({ best_source: "r068", best_outlet: "Credit News Insider (AP-style index table)", best_tier: "aggregator" });
    for (const r of rows.filter((x) => x.origin === "article")) {
      const best = r.best_source ? byId.get(r.best_source)! : undefined;
      expect([r.best_outlet, r.best_tier]).toEqual(best ? [best.source, best.tier] : ["", ""]);
    }
  });

  it("an outside figure has none of the three", () => {
    expect(byId.get("r068")).toMatchObject({ heading: "", best_outlet: "", best_tier: "" });
  });
});

describe("checksFrame and conflictsFrame: the articles by name", () => {
  it("sources gives the short names of data/articles.csv in the order of `articles`", () => {
    // family.liquidations: gate-selloff-crushes, nakamoto-570k-liquidated, gate-risk-off-cycle → their short_name column
    const c = conflictRecords().find((x) => x.id === "family.liquidations")!;
    expect(c.articles).toBe("gate-selloff-crushes nakamoto-570k-liquidated gate-risk-off-cycle");
    expect(c.sources).toBe("Gate (crushes), Nakamoto, Gate (risk-off)");
    expect(checkRecords().find((x) => x.id === "etf-demand-gap")!.sources).toBe("TradingKey");
  });
});

describe("danfo: a column name a frame does not have", () => {
  it("unknownColumns names the missing ones and the columns there are; a range is not a name", () => {
    expect(unknownColumns("loc", ["a", "x", "y"], ["a", "b"])?.message).toBe('loc: no columns "x", "y"; the columns are a, b');
    expect(unknownColumns("loc", ["a:b"], ["a", "b"])).toBeNull();
  });

  it("loc and merge throw that error instead of danfo's about dtypes and lengths", () => {
    const d = danfo();
    const left = new d.DataFrame({ id: ["a"], raw: ["$1"] });
    const right = new d.DataFrame({ id: ["a"], rating: ["accurate"] });
    expect(() => left.loc({ columns: ["id", "heading"] })).toThrow(/^loc: no column "heading"; the columns are id, raw$/);
    expect(() => d.merge({ left, right, on: ["claim"], how: "inner" })).toThrow(/^merge \(left\): no column "claim"; the columns are id, raw$/);
    // what exists still works
    expect(left.loc({ columns: ["raw"] }).values).toEqual([["$1"]]);
    expect(d.merge({ left, right, on: ["id"], how: "inner" }).values).toEqual([["a", "$1", "accurate"]]);
  });
});

describe("byDateChart: amounts in millions and billions on one axis", () => {
  it("figuresInUnit converts an amount of the same currency and keeps it as printed", () => {
    // $258.8 million = 0.2588 billion; $3 billion stays 3
    const rows = [{ id: "a", raw: "$3 billion", low: 3, high: 3, unit: "USD_bn" }, { id: "b", raw: "$258.8 million", low: 258.8, high: 258.8, unit: "USD_mn" }];
    expect(figuresInUnit(rows, "USD_bn", "byDateChart")).toEqual([rows[0], { id: "b", raw: "$258.8 million", low: 0.2588, high: 0.2588, unit: "USD_bn" }]);
  });

  it("draws both, in the first figure's unit, an open end left open", () => {
    const rows = [
      { id: "a", article: "x", quote: "q", subject: "spot_btc_etfs", metric: "etf_net_outflow", raw: "$3 billion", low: 3, high: 3, unit: "USD_bn", as_of: "2026-01" },
      { id: "b", article: "x", quote: "q", subject: "spot_btc_etfs", metric: "etf_net_outflow", raw: "over $500 million", low: 500, high: null, unit: "USD_mn", as_of: "2026-02-05" },
    ];
    const fig = byDateChart(rows, { id: "etf", title: "ETF flows" });
    // one trace (one article); $500 million = 0.5 billion, its open top drawn as a triangle up at 0.5
    expect(fig.data[0]).toMatchObject({ y: [3, 0.5], marker: { symbol: ["circle", "triangle-up"] } });
  });

  it("a unit that does not convert is an error naming both and a filter keeping one", () => {
    const rows = [{ id: "a", low: 3, high: 3, unit: "USD_bn" }, { id: "b", low: 5, high: 5, unit: "pct" }];
    expect(() => figuresInUnit(rows, "USD_bn", "byDateChart")).toThrow(/^byDateChart: figures in "USD_bn" and "pct" cannot share one value axis; chart one unit at a time, e.g. rows\.query\(rows\.unit\.eq\("USD_bn"\)\)$/);
  });
});
