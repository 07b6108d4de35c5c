/**
 * The figures table and its siblings (src/views/figures.ts), the DataFrame display
 * (src/render/frame.ts) and the danfo loader's fixes (src/data/danfo.ts). Expected values come
 * from the data files, read by hand (line numbers in the comments).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { danfo, deferModule, maskPositions, toDataFrame } from "../../src/data/danfo";
import type { DisplaySink } from "../../src/render/display";
import { frameHtml, inspectFrame } from "../../src/render/frame";
import { checkRecords, checksFrame, conflictRecords, conflictsFrame, FIGURE_TABLE_COLUMNS, figureRecords, figures, verdictRecords, verdicts } from "../../src/views/figures";

const rows = figureRecords();
const row = (id: string) => {
  const r = rows.find((x) => x.id === id);
  if (!r) throw new Error(`test: no row ${id}`);
  return r;
};

function recorder(): DisplaySink & { calls: [string, string][] } {
  const calls: [string, string][] = [];
  return { calls, raw: (m) => void calls.push(["raw", m]), html: (s) => void calls.push(["html", s]), markdown: (s) => void calls.push(["markdown", s]) };
}

describe("figureRecords / figures(): every figure in one tidy table", () => {
  it("has one row per ledger claim and per independent figure: 180 + 167 = 347 (data/README.md counts: 148 + 19 second figures)", () => {
    expect(rows).toHaveLength(347);
    expect(rows.filter((r) => r.origin === "article")).toHaveLength(180);
    expect(rows.filter((r) => r.origin === "outside")).toHaveLength(167);
    expect(new Set(rows.map((r) => r.id)).size).toBe(347);
  });

  it("is a danfojs-node DataFrame with the documented columns in order", () => {
    const df = figures();
    expect(df.shape).toEqual([347, FIGURE_TABLE_COLUMNS.length]);
    expect(df.columns).toEqual([...FIGURE_TABLE_COLUMNS]);
    expect(df.constructor.name).toBe("DataFrame");
  });

  it("an article's figure carries its source's short name, its rating against independent reporting and the checks that read it", () => {
    // data/claims.csv: tradingkey-008 is "$60,000", BTC low intraday on 2026-02-06;
    // data/checks.csv line 20: btc-halved-tradingkey reads nakamoto-015 and tradingkey-008
    const r = row("tradingkey-008");
    expect(r).toMatchObject({ origin: "article", source: "TradingKey", article: "tradingkey-ai-bubble", tier: "", raw: "$60,000", subject: "BTC", metric: "low", low: 60000, high: 60000, unit: "USD", as_of: "2026-02-06" });
    expect(r.checks.split(" ")).toContain("btc-halved-tradingkey");
    expect(r.conflicts.split(" ")).toContain("BTC.low.intraday");
    // data/independent.csv line 12: r011 gives 60,008.52 for that day, inside "$60,000" read as a round figure (±500)
    expect(r).toMatchObject({ verdict: "refined", rating: "accurate_rounded", best_source: "r011" });
    expect(r.explanation).toMatch(/The News reports “\$60,008\.52”/);
  });

  it("an outside figure carries its outlet, tier, the claims it bears on, its printed figure and page; no rating", () => {
    // data/independent.csv line 12
    const r = row("r011");
    expect(r).toMatchObject({ origin: "outside", source: "The News (Pakistan), rewriting Reuters", article: "", tier: "wire", low: 60008.52, high: 60008.52, raw: "$60,008.52", rating: "", explanation: "" });
    expect(r.claims.split(" ")).toContain("crushes-018");
    expect(r.url).toMatch(/^https:\/\/www\.thenews\.com\.pk\//);
  });

  it("flags exactly the four known outliers of data/independent.csv (their notes say so)", () => {
    expect(rows.filter((r) => r.outlier).map((r) => r.id)).toEqual(["r020", "r104", "r132", "r147"]);
  });

  it("flags garbled article figures (qualifier garbled or a note with readings)", () => {
    expect(rows.filter((r) => r.garbled).length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.garbled).every((r) => r.origin === "article")).toBe(true);
  });
});

describe("checksFrame, conflictsFrame and verdicts()", () => {
  it("a check row: the ETF demand gap is at least 56,600 coins from its parts against the printed 56,000", () => {
    // data/checks.csv line 35: tradingkey-012 (over 46,000 bought) minus tradingkey-013 (-10,600 sold):
    // 46,000 − (−10,600) = 56,600 and more (56,599.5 with rounding); the printed 56,000 reads [55,999.5, 56,000.5),
    // so the gap is 56,599.5 − 56,000.5 = 599
    const c = checkRecords().find((x) => x.id === "etf-demand-gap")!;
    expect(c).toMatchObject({
      // "56,000" is ±500 as a round figure; "more than 46,000" with rounding is at least 45,500, minus −10,600 ±50
      kind: "difference_of", claims: "tradingkey-012 tradingkey-013 tradingkey-014", articles: "tradingkey-ai-bubble", claimed_low: 55500, claimed_high: 56500,
      computed_low: 56600, computed_high: null, rounded_low: 56050, rounded_high: null, unit: "coins", verdict: "consistent_within_rounding", rating: "accurate_rounded",
    });
    // as printed 56,600 is 100 above the claimed 56,500
    expect(c.gap).toBeCloseTo(100, 6);
    expect(checksFrame().shape[0]).toBe(checkRecords().length);
  });

  it("a conflict row: the liquidations family is a nested family in the flows theme", () => {
    const c = conflictRecords().find((x) => x.id === "family.liquidations")!;
    expect(c).toMatchObject({ kind: "family", theme: "liquidations-flows", unit: "USD_bn" });
    expect(c.figures).toBe(c.claims.split(" ").length);
    expect(conflictsFrame().columns).toContain("explanation");
  });

  it("a conflict row keeps its machine rating for queries and gives readers the words of agreement", () => {
    // the vocabulary of the editor's review: accurate → Consistent, accurate_rounded → Consistent once rounded,
    // unverifiable → Cannot be compared, inaccurate → Contradictory
    const words: Record<string, string> = { accurate: "Consistent", accurate_rounded: "Consistent once rounded", unverifiable: "Cannot be compared", inaccurate: "Contradictory" };
    const rows = conflictRecords();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.agreement, r.id).toBe(words[r.rating]);
    expect(conflictsFrame().columns.slice(-3)).toEqual(["rating", "agreement", "explanation"]);
  });

  it("verdicts(): every article figure has exactly one independent verdict, and its checks and reconciliations", () => {
    const vs = verdictRecords();
    const independent = vs.filter((v) => v.method === "independent sources");
    expect(independent).toHaveLength(180);
    expect(new Set(independent.map((v) => v.id)).size).toBe(180);
    const gap = vs.filter((v) => v.id === "tradingkey-014");
    expect(gap.map((v) => `${v.method} ${v.by}`)).toContain("recomputation etf-demand-gap");
    expect(verdicts().columns).toEqual(["id", "method", "by", "verdict", "rating", "assessment", "explanation"]);
    // a reconciliation's rating reads as agreement, every other method's on the claim scale; the machine rating stays
    const peak = vs.find((v) => v.method === "reconciliation" && v.rating === "accurate_rounded")!;
    expect([peak.rating, peak.assessment]).toEqual(["accurate_rounded", "Consistent once rounded"]);
    const independentAccurate = independent.find((v) => v.rating === "accurate")!;
    expect(independentAccurate.assessment).toBe("Accurate");
  });
});

describe("danfo, loaded on first use and fixed", () => {
  it("maskPositions turns a boolean mask (array or Series-like) into positions and leaves other rows alone", () => {
    expect(maskPositions([false, true, true])).toEqual([1, 2]);
    expect(maskPositions({ values: [true, false] })).toEqual([0]);
    expect(maskPositions([3, 1])).toEqual([3, 1]);
    expect(maskPositions(undefined)).toBeUndefined();
  });

  it("query on a frame that was filtered or sorted before selects the right rows (danfojs-node 1.2.0 does not)", () => {
    const all = figures();
    const btc = all.query(all.subject.eq("BTC"));
    const sorted = btc.sortValues("as_of");
    const outside = sorted.query(sorted.origin.eq("outside"));
    // the BTC rows of data/independent.csv: every outside row of the table with subject BTC
    const expected = rows.filter((r) => r.subject === "BTC" && r.origin === "outside").length;
    expect(outside.shape[0]).toBe(expected);
    expect((outside.origin.values as string[]).every((v) => v === "outside")).toBe(true);
    expect((outside.subject.values as string[]).every((v) => v === "BTC")).toBe(true);
    const dates = outside.as_of.values as string[];
    expect(dates).toEqual([...dates].sort());
  });

  it("deferModule puts a stand-in that loads the real module on the first property read", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selloff-defer-"));
    const file = path.join(dir, "heavy.js");
    fs.writeFileSync(file, "globalThis.__heavyLoads = (globalThis.__heavyLoads || 0) + 1; exports.answer = 42;\n");
    try {
      expect(deferModule("./heavy.js", dir)).toBe(true);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(file) as { answer: number };
      expect((globalThis as { __heavyLoads?: number }).__heavyLoads).toBeUndefined();
      expect(mod.answer).toBe(42);
      expect((globalThis as { __heavyLoads?: number }).__heavyLoads).toBe(1);
      expect(deferModule("./heavy.js", dir)).toBe(false); // loaded now: nothing to defer
      expect(deferModule("./missing.js", dir)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("toDataFrame keeps the column order, also with no rows", () => {
    expect(toDataFrame([{ b: 1, a: "x" }], ["a", "b"]).columns).toEqual(["a", "b"]);
    expect(toDataFrame([], ["a", "b"]).shape).toEqual([0, 2]);
    expect(typeof danfo().merge).toBe("function");
  });
});

describe("a DataFrame as a cell's last value", () => {
  const df = figures().head(2);

  it("in a kernel (a sink), the value itself sends an HTML table and prints nothing", () => {
    const sink = recorder();
    expect(inspectFrame.call(df, 2, { depth: 2 }, sink)).toBe("");
    expect(sink.calls).toHaveLength(1);
    expect(sink.calls[0]![0]).toBe("html");
    expect(sink.calls[0]![1]).toContain("<table");
    expect(sink.calls[0]![1]).toContain(">crushes-001</td>");
  });

  it("nested in another value, or outside a kernel, it prints danfo's text table", () => {
    const sink = recorder();
    expect(inspectFrame.call(df, 1, { depth: 2 }, sink)).toContain("crushes-001");
    expect(sink.calls).toEqual([]);
    expect(inspectFrame.call(df, 2, { depth: 2 }, undefined)).toContain("crushes-001");
  });

  it("shows ratings as their labels, and a long frame as its first 10 rows and how many more", () => {
    const html = frameHtml(figures());
    // 347 rows: 10 shown, 337 more
    expect(html).toContain("… 337 more rows");
    expect((html.match(/<tr/g) ?? []).length).toBe(1 + 10 + 1);
    const rated = frameHtml(figures().query(figures().id.eq("nakamoto-028")));
    expect(rated).toContain(">Inaccurate</td>");
    expect(rated).not.toContain(">inaccurate</td>");
  });
});
