/**
 * Against independent reporting (src/domain/independent.ts, data/independent.csv): reading the source
 * figures' hedges from their quotes, deciding which linked sources measure the claim's quantity,
 * each relation and verdict on hand-worked intervals, the tier weighting, the loader's error
 * messages, and the real file (every row valid, every link a real claim, a verdict for every claim).
 *
 * Expected intervals are worked out by hand from the rules of src/domain/hedges.ts (exact: ± half a
 * unit of the last printed digit; approx: ± the larger of that and 2% of the value; nearly: the
 * 5% just short of the value; over/under: open on the far side, strict for "more than"/"sub-").
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadLedger } from "../../src/data/ledger";
import { DATA_DIR } from "../../src/data/paths";
import { validateAll } from "../../src/data/validate";
import {
  asOfOverlaps,
  buildIndependent,
  compareReadings,
  figureReadings,
  independentVerdict,
  INDEPENDENT_COLUMNS,
  INDEPENDENT_VERDICTS,
  printedInQuote,
  readIndependent,
  sourceHedgeInput,
  weighSources,
  whyNotComparable,
  type VerdictClaim,
  type IndependentRow,
  type Tier,
} from "../../src/domain/independent";

const INDEPENDENT_CSV = path.join(DATA_DIR, "independent.csv");
const ledger = loadLedger();

const tmpDirs: string[] = [];
afterEach(() => {
  for (const d of tmpDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tmpDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selloff-independent-"));
  tmpDirs.push(dir);
  return dir;
}

/** A claim for hand-worked cases (BTC intraday low on Feb 6 unless overridden). */
function claim(over: Partial<VerdictClaim>): VerdictClaim {
  return { id: "t-001", subject: "BTC", metric: "low", window: "intraday", unit: "USD", as_of: "2026-02-06", low: 60000, high: 60000, qualifier: "exact", raw: "$60,000", hedge: "", ...over };
}

/** A source row linked to claim t-001, same quantity as `claim()` unless overridden. */
function source(id: string, tier: Tier, low: number | null, high: number | null, quote: string, over: Partial<IndependentRow> = {}): IndependentRow {
  return {
    id, subject: "BTC", metric: "low", window: "intraday", low, high, unit: "USD", as_of: "2026-02-06", quote, url: "https://example.test/x",
    outlet: "Test", published: "", tier, claims: ["t-001"], stance: "corroborates", note: "", line: 2, ...over,
  };
}

const relationOf = (r: ReturnType<typeof independentVerdict>, id: string) => r.sources.find((s) => s.id === id)?.relation;

describe("printedInQuote and sourceHedgeInput read a source's figure the way the ledger reads a claim", () => {
  it("finds the printed figure with its scale word and the hedge word before it", () => {
    expect(printedInQuote("more than $2.65 billion worth of positions", 2.65, "USD_bn")).toEqual({ raw: "more than $2.65 billion", hedge: "more than" });
    expect(printedInQuote("trading near $71,000 after", 71000, "USD")).toEqual({ raw: "$71,000", hedge: "near" });
    // a filing table prints millions without a word: the unit's word is added so the precision is 0.5 million
    expect(printedInQuote("Total revenues | $ | 402,836", 402836, "USD_mn")).toEqual({ raw: "402,836 million", hedge: "" });
  });

  it("returns null when the quote does not print the number (a derived figure, a spelled-out one)", () => {
    expect(printedInQuote("the worst January since 2009", 17, "years")).toBeNull();
    expect(printedInQuote("or five-point-26 percent, on Monday", -5.26, "pct")).toBeNull();
  });

  it("takes the qualifier from the bounds and the hedge word: nearly, approx, exact, over, under, range", () => {
    expect(sourceHedgeInput({ low: 580000, high: 580000, unit: "people", quote: "with nearly 580,000 traders rekt" }).qualifier).toBe("nearly");
    expect(sourceHedgeInput({ low: 6.18, high: 6.18, unit: "USD_bn", quote: "about $6.18 billion of net outflows" }).qualifier).toBe("approx");
    // "as much as" is the day's extreme, a measured figure: exact
    expect(sourceHedgeInput({ low: -18, high: -18, unit: "pct", quote: "fell as much as 18 per cent" }).qualifier).toBe("exact");
    expect(sourceHedgeInput({ low: 2.6, high: null, unit: "USD_bn", quote: "surged past $2.6 billion" }).qualifier).toBe("over");
    expect(sourceHedgeInput({ low: null, high: -16, unit: "pct", quote: "tumbled over 16% to $73.415" })).toMatchObject({ qualifier: "under", hedge: "over" });
    expect(sourceHedgeInput({ low: 175, high: 185, unit: "USD_bn", quote: "between $175 billion and $185 billion" })).toMatchObject({ qualifier: "range", raw: "$175 billion – $185 billion" });
  });

  it("falls back to the stored number when the quote does not print it", () => {
    expect(sourceHedgeInput({ low: -5.26, high: -5.26, unit: "pct", quote: "or five-point-26 percent" })).toEqual({ low: -5.26, high: -5.26, unit: "pct", qualifier: "exact", raw: "5.26", hedge: "" });
  });

  it("gives the source's interval in the claim's unit", () => {
    // "more than $2.65 billion": (2.65, +∞) bn = (0.00265, +∞) tn
    const r = figureReadings(sourceHedgeInput({ low: 2.65, high: null, unit: "USD_bn", quote: "more than $2.65 billion" }), "USD_tn");
    expect(r.effective.low).toBeCloseTo(0.00265, 12);
    expect(r.effective).toMatchObject({ high: Infinity, lowOpen: true, highOpen: true });
    expect(r.pointFigure).toBe(false);
  });
});

describe("whyNotComparable decides which linked sources measure the claim's quantity", () => {
  const c = { subject: "BTC", metric: "low", window: "episode", unit: "USD", as_of: "2026-02-05/2026-02-06" };

  it("a level (low, peak, price, close...) ignores where it was read; dates must overlap", () => {
    expect(whyNotComparable(c, { ...c, window: "intraday", as_of: "2026-02-06" })).toBe("");
    expect(whyNotComparable(c, { ...c, window: "intraday", as_of: "2026-02-07" })).toMatch(/^another date \(2026-02-07/);
  });

  it("a change needs the same window, except that an episode claim accepts a shorter window inside it", () => {
    const move = { subject: "silver", metric: "pct_change", window: "session", unit: "pct", as_of: "2026-02-05" };
    expect(whyNotComparable(move, { ...move, window: "intraday" })).toMatch(/^another window \(intraday, the claim session\)/);
    expect(whyNotComparable({ ...move, window: "episode", as_of: "2026-02-02/2026-02-06" }, move)).toBe("");
  });

  it("another subject or metric, and units that do not convert, are context", () => {
    expect(whyNotComparable(c, { ...c, subject: "ETH" })).toMatch(/^another subject/);
    expect(whyNotComparable(c, { ...c, metric: "peak" })).toMatch(/^another metric/);
    const liq = { subject: "crypto_market", metric: "liquidations", window: "24h", unit: "CNY_bn", as_of: "2026-02-06" };
    expect(whyNotComparable(liq, { ...liq, unit: "USD_bn" })).toMatch(/^a unit that does not convert/);
    // minutes is a vocabulary unit that src/domain/units.ts cannot convert: context, not a crash
    expect(whyNotComparable({ ...liq, unit: "months" }, { ...liq, unit: "minutes" })).toMatch(/^a unit that does not convert/);
    // USD_mn and USD_bn share a dimension
    expect(whyNotComparable({ ...liq, unit: "USD_bn" }, { ...liq, unit: "USD_mn" })).toBe("");
  });

  it("as_of overlap: a month runs to its last day, a year to December 31", () => {
    expect(asOfOverlaps("2025-02", "2025-02-28")).toBe(true);
    expect(asOfOverlaps("2025-02", "2025-03-01")).toBe(false);
    expect(asOfOverlaps("2026", "2026-12-31/2027-01-02")).toBe(true);
    expect(asOfOverlaps("2025-10", "2025-10-06")).toBe(true);
    expect(asOfOverlaps("2026-02-05", "2026-02-06")).toBe(false);
  });
});

describe("each verdict on a hand-worked claim", () => {
  it("refined: a more precise source inside the claim (Reuters' $60,008.52 against '$60,000–$61,000')", () => {
    // claim range, p = 0.5: [59999.5, 61000.5); source exact, p = 0.005: [60008.515, 60008.525)
    // inside, and 0.01 wide against 1001 wide: refines
    const c = claim({ low: 60000, high: 61000, qualifier: "range", raw: "$60,000–$61,000" });
    const r = independentVerdict(c, [source("r011", "wire", 60008.52, 60008.52, "a low of $60,008.52 earlier today")]);
    expect(r).toMatchObject({ claim: "t-001", verdict: "refined", best_source: "r011" });
    expect(r.sources[0].interval).toBe("[60008.515, 60008.525) USD");
    expect(r.reason).toMatch(/^Refined by r011 \(wire, Test\): 60008\.52 as printed lies inside the claim \[59999\.5, 61000\.5\) USD/);
  });

  it("confirmed: the printed figures agree ('$200B' against 'about $200 billion')", () => {
    // claim exact: [199.5, 200.5); source approx: ± max(0.5, 2% of 200 = 4) = [196, 204], wider, not inside;
    // a single printed value whose printed 200 meets the claim's printed 200: confirms
    const c = claim({ subject: "amazon", metric: "capex", window: "fy2026", unit: "USD_bn", as_of: "2026", low: 200, high: 200, raw: "$200B" });
    const r = independentVerdict(c, [source("r105", "primary", 200, 200, "We expect to invest about $200 billion", { subject: "amazon", metric: "capex", window: "fy2026", unit: "USD_bn", as_of: "2026" })]);
    expect(r).toMatchObject({ verdict: "confirmed", best_source: "r105" });
    expect(r.sources[0].interval).toBe("[196, 204] USD_bn");
  });

  it("confirmed_within_rounding: only the rounding slack meets ('US$402.84 billion' against '402.8 billion')", () => {
    // claim p = 0.005: [402.835, 402.845); source p = 0.05: [402.75, 402.85) overlaps it,
    // but the printed 402.8 is 0.04 short of the printed 402.84
    const c = claim({ subject: "alphabet", metric: "revenue", window: "fy2025", unit: "USD_bn", as_of: "2025", low: 402.84, high: 402.84, raw: "US$402.84 billion" });
    const s = source("r113", "aggregator", 402.8, 402.8, "full-year revenue to USD 402.8 billion", { subject: "alphabet", metric: "revenue", window: "fy2025", unit: "USD_bn", as_of: "2025" });
    const r = independentVerdict(c, [s]);
    expect(r).toMatchObject({ verdict: "confirmed_within_rounding", best_source: "r113" });
  });

  it("refined across units: the 10-K's $402,836 million against 'US$402.84 billion'", () => {
    // 402,836 ± 0.5 million = [402.8355, 402.8365) billion, inside [402.835, 402.845) and ten times narrower
    const c = claim({ subject: "alphabet", metric: "revenue", window: "fy2025", unit: "USD_bn", as_of: "2025", low: 402.84, high: 402.84, raw: "US$402.84 billion" });
    const s = source("r118", "primary", 402836, 402836, "Total revenues | $ | 402,836", { subject: "alphabet", metric: "revenue", window: "fy2025", unit: "USD_mn", as_of: "2025" });
    const r = independentVerdict(c, [s]);
    expect(r.verdict).toBe("refined");
    expect(r.sources[0].interval).toBe("[402.8355, 402.8365) USD_bn");
  });

  it("disputed: every source lies above 'sub-$60K', and the reason gives the printed gap", () => {
    // claim under, strict ("sub-"): (−∞, 60000); Reuters 60,008.52 and Business Standard 60,074 both above
    // printed gap: 60008.52 − 60000 = 8.52 USD; 8.52 / 60000 = 0.0142% -> "0.014%"
    const c = claim({ low: null, high: 60000, qualifier: "under", raw: "sub-$60K", hedge: "sub-" });
    const r = independentVerdict(c, [source("r011", "wire", 60008.52, 60008.52, "a low of $60,008.52"), source("r019", "wire", 60074, 60074, "plunging to $60,074")]);
    expect(r).toMatchObject({ verdict: "disputed", best_source: "r011" });
    expect(r.reason).toMatch(/60008\.52 as printed is 8\.52 USD \(0\.014% of the claim\) from the claim's printed \(−∞, 60000\)/);
  });

  it("unverified: no source at all, or only sources about another quantity", () => {
    expect(independentVerdict(claim({}), [])).toEqual({ claim: "t-001", verdict: "unverified", best_source: null, reason: "No independent source found.", sources: [] });
    const r = independentVerdict(claim({}), [source("r012", "wire", 63295.74, 63295.74, "a low of US$63,295.74", { as_of: "2026-02-05" })]);
    expect(r).toMatchObject({ verdict: "unverified", best_source: null });
    expect(r.sources[0]).toMatchObject({ relation: "context", why: "another date (2026-02-05, the claim 2026-02-06)" });
    expect(r.reason).toBe("No independent source measures the same quantity (1 context source). Context: r012.");
  });

  it("a range source that only overlaps a point claim is consistent, and leaves it unverified", () => {
    // claim "$185 billion": [184.5, 185.5); guidance "$175–$185 billion" as printed [175, 185] is not inside it
    const c = claim({ subject: "alphabet", metric: "capex", window: "fy2026", unit: "USD_bn", as_of: "2026", low: 185, high: 185, raw: "$185 billion" });
    const r = independentVerdict(c, [source("r112", "aggregator", 175, 185, "between $175 billion and $185 billion", { subject: "alphabet", metric: "capex", window: "fy2026", unit: "USD_bn", as_of: "2026" })]);
    expect(relationOf(r, "r112")).toBe("consistent");
    expect(r.verdict).toBe("unverified");
  });

  it("the same range refines 'as high as $185 billion' (inclusive under: (−∞, 185])", () => {
    const c = claim({ subject: "alphabet", metric: "capex", window: "fy2026", unit: "USD_bn", as_of: "2026", low: null, high: 185, qualifier: "under", raw: "$185 billion", hedge: "as high as" });
    const r = independentVerdict(c, [source("r112", "aggregator", 175, 185, "between $175 billion and $185 billion", { subject: "alphabet", metric: "capex", window: "fy2026", unit: "USD_bn", as_of: "2026" })]);
    expect(r.verdict).toBe("refined");
  });

  it("compareReadings: touching half-open intervals do not meet (9 against 10 on an index)", () => {
    // 9 -> [8.5, 9.5), 10 -> [9.5, 10.5): no common value
    const nine = figureReadings({ low: 9, high: 9, qualifier: "exact", raw: "9", unit: "score", hedge: "" }, "score");
    const ten = figureReadings({ low: 10, high: 10, qualifier: "exact", raw: "10", unit: "score", hedge: "" }, "score");
    expect(compareReadings(nine, ten)).toBe("disagrees");
  });
});

describe("tier weighting", () => {
  const fgi = claim({ subject: "fear_greed_index", metric: "index_level", window: "point", unit: "score", low: 10, high: 10, raw: "10" });
  const at = (id: string, tier: Tier, v: number) => source(id, tier, v, v, `an index reading of ${v} today`, { subject: "fear_greed_index", metric: "index_level", window: "point", unit: "score" });

  it("an aggregator alone cannot dispute what a wire source confirms", () => {
    expect(independentVerdict(fgi, [at("r1", "aggregator", 9), at("r2", "wire", 10)])).toMatchObject({ verdict: "confirmed", best_source: "r2" });
  });

  it("a primary source outranks several disagreeing rewrites", () => {
    const r = independentVerdict(fgi, [at("r1", "aggregator", 5), at("r2", "aggregator", 6), at("r3", "primary", 10)]);
    expect(r).toMatchObject({ verdict: "confirmed", best_source: "r3" });
    expect(r.reason).toMatch(/Dissent: r1 \(aggregator, Test\) \[4\.5, 5\.5\) score; r2/);
  });

  it("a wire dissent outweighs aggregator support", () => {
    const r = independentVerdict(fgi, [at("r1", "aggregator", 10), at("r2", "wire", 9)]);
    expect(r).toMatchObject({ verdict: "disputed", best_source: "r2" });
    expect(r.reason).toMatch(/Outweighed support: r1 \(aggregator, Test\)/);
  });

  it("at the same tier the majority decides, and a tie keeps the support (1 against 1: confirmed; 2 against 1: disputed)", () => {
    expect(independentVerdict(fgi, [at("r1", "aggregator", 10), at("r2", "aggregator", 9)]).verdict).toBe("confirmed");
    // the nearest dissent is named: 9 is 1 from 10, 5 is 5 away
    expect(independentVerdict(fgi, [at("r1", "aggregator", 10), at("r2", "aggregator", 5), at("r3", "aggregator", 9)])).toMatchObject({ verdict: "disputed", best_source: "r3" });
  });

  it("dissent on both sides brackets the claim instead of refuting it", () => {
    // claim 69,900–70,500; 'near $68,000' = [66640, 69360] below, 'near $71,000' would meet it, so use exact $71,000 above
    const c = claim({ metric: "price", window: "point", as_of: "2026-02-07", low: 69900, high: 70500, qualifier: "range", raw: "$69,900–$70,500" });
    const r = independentVerdict(c, [
      source("r1", "aggregator", 68000, 68000, "trades near $68,000", { metric: "price", window: "point", as_of: "2026-02-07" }),
      source("r2", "aggregator", 71000, 71000, "trading at $71,000", { metric: "price", window: "point", as_of: "2026-02-07" }),
    ]);
    expect(r.verdict).toBe("unverified");
    expect(r.reason).toMatch(/fall on both sides/);
  });

  it("a consistent wire source blocks an aggregator's dispute ('$3 billion' vs 'more than $3 billion' and '$1.6 billion')", () => {
    // claim [2.5, 3.5); (3, +∞) overlaps without lying inside: consistent; [1.55, 1.65] is below: disagrees
    const c = claim({ subject: "spot_btc_etfs", metric: "etf_net_outflow", window: "jan_2026", unit: "USD_bn", as_of: "2026-01", low: 3, high: 3, raw: "$3 billion" });
    const etf = { subject: "spot_btc_etfs", metric: "etf_net_outflow", window: "jan_2026", unit: "USD_bn", as_of: "2026-01" };
    const r = independentVerdict(c, [source("r053", "wire", 3, null, "outflows of more than $3 billion in January", etf), source("r057", "aggregator", 1.6, 1.6, "around $1.6 billion left", etf)]);
    expect(r.sources.map((s) => s.relation)).toEqual(["consistent", "disagrees"]);
    expect(r.verdict).toBe("unverified");
  });

  it("weighSources on its own: the verdict follows the strongest agreeing source's relation", () => {
    const w = (id: string, tier: Tier, relation: "refines" | "confirms" | "confirms_within_rounding", width: number) => ({ id, tier, relation, width, side: null, gap: 0 });
    expect(weighSources([w("r1", "wire", "confirms_within_rounding", 1), w("r2", "aggregator", "refines", 0.1)])).toEqual({ verdict: "confirmed_within_rounding", best: "r1" });
    expect(weighSources([w("r1", "wire", "confirms", 1), w("r2", "wire", "refines", 0.1)])).toEqual({ verdict: "refined", best: "r2" });
    expect(weighSources([])).toEqual({ verdict: "unverified", best: null });
  });
});

describe("readIndependent names every bad row by file, line and field", () => {
  const header = INDEPENDENT_COLUMNS.join(",");
  const good = "r001,BTC,low,intraday,60008.52,60008.52,USD,2026-02-06,\"a low of $60,008.52\",https://example.test/a,Reuters,2026-02-06,wire,crushes-019,contradicts,";

  /** Writes independent.csv with the good row, then `row` (as line 3). */
  function withRow(row: string): string[] {
    const file = path.join(tmpDir(), "independent.csv");
    fs.writeFileSync(file, `${header}\n${good}\n${row}\n`);
    return readIndependent(file, ledger).errors.map((e) => e.message);
  }
  const edit = (field: string, value: string) => {
    const cells = ["r002", "BTC", "low", "intraday", "60074", "60074", "USD", "2026-02-06", "plunging to 60074", "https://example.test/b", "Business Standard", "", "wire", "crushes-019", "contradicts", ""];
    cells[INDEPENDENT_COLUMNS.indexOf(field as (typeof INDEPENDENT_COLUMNS)[number])] = value;
    return cells.join(",");
  };

  it("a good file reads without errors into typed rows", () => {
    const file = path.join(tmpDir(), "independent.csv");
    fs.writeFileSync(file, `${header}\n${good}\n`);
    const { rows, errors } = readIndependent(file, ledger);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ id: "r001", low: 60008.52, high: 60008.52, tier: "wire", claims: ["crushes-019"], stance: "contradicts", line: 2 });
  });

  it.each([
    ["low", "6O,008", /independent\.csv:3: low "6O,008" is not a number/],
    ["high", "$60074", /independent\.csv:3: high "\$60074" is not a number/],
    ["claims", "crushes-019 crushes-999", /independent\.csv:3: claims "crushes-999" is not a claim id of data\/claims\.csv/],
    ["claims", "", /independent\.csv:3: claims is empty/],
    ["subject", "bitcoin", /independent\.csv:3: subject "bitcoin" is not a subject of data\/vocabulary\.csv/],
    ["window", "fortnight", /independent\.csv:3: window "fortnight" is not a window of data\/vocabulary\.csv/],
    ["unit", "USD_billion", /independent\.csv:3: unit "USD_billion" is not a unit of data\/vocabulary\.csv/],
    ["tier", "blog", /independent\.csv:3: tier "blog" is not one of primary, wire, aggregator/],
    ["stance", "agrees", /independent\.csv:3: stance "agrees" is not one of corroborates, refines, contradicts/],
    ["as_of", "Feb 6", /independent\.csv:3: as_of "Feb 6" is not an ISO date, month, year or range/],
    ["as_of", "2026-02-30", /independent\.csv:3: as_of "2026-02-30" is not an ISO date/],
    ["quote", "", /independent\.csv:3: quote is empty/],
    ["url", "", /independent\.csv:3: url is empty/],
    ["url", "ftp://example.test/x", /independent\.csv:3: url "ftp:\/\/example\.test\/x" is not an http\(s\) URL/],
    ["id", "r001", /independent\.csv:3: id "r001" is a duplicate id/],
  ])("%s = %j", (field, value, pattern) => {
    const messages = withRow(edit(field, value).replace("6O,008", '"6O,008"'));
    expect(messages.some((m) => pattern.test(m)), messages.join("\n")).toBe(true);
  });

  it("bounds: both empty, or low above high", () => {
    expect(withRow(edit("low", "").replace(",60074,USD", ",,USD"))).toEqual([expect.stringMatching(/independent\.csv:3: low and high are both empty/)]);
    // the quote prints both numbers, so that the only problem is their order
    expect(withRow(edit("low", "61000").replace("plunging to 60074", "plunging to 60074 from 61000"))).toEqual([expect.stringMatching(/independent\.csv:3: low 61000 is greater than high 60074/)]);
  });

  it("a bound that the quote does not print is rejected with the quote (issue 16)", () => {
    // 60074 printed, 60047 stored: a transposed digit
    expect(withRow(edit("low", "60047"))).toEqual([expect.stringMatching(/independent\.csv:3: low 60047 does not match the printed "plunging to 60074"$/)]);
  });

  it("bounds the quote prints in words pass: a spelled number, a word figure, a span since a year", () => {
    const row = (low: string, unit: string, asOf: string, quote: string) =>
      ["r002", "BTC", "low", "intraday", low, low, unit, asOf, `"${quote}"`, "https://example.test/b", "Business Standard", "", "wire", "crushes-019", "contradicts", ""].join(",");
    // KBS prints "five-point-26 percent" for 5.26%; "since 2009" as of January 2026 = 17 years
    expect(withRow(row("-5.26", "pct", "2026-02-02", "shed 274-point-69 points, or five-point-26 percent"))).toEqual([]);
    expect(withRow(row("17", "years", "2026-01", "the worst January for planned cuts since 2009"))).toEqual([]);
    expect(withRow(row("-50", "pct", "2026-02-06", "bitcoin has halved from its peak"))).toEqual([]);
    // and the same words do not carry another number
    expect(withRow(row("-5.25", "pct", "2026-02-02", "shed 274-point-69 points, or five-point-26 percent"))).toEqual([expect.stringMatching(/independent\.csv:3: low -5\.25 does not match the printed "shed 274-point-69/), expect.stringMatching(/independent\.csv:3: high -5\.25 does not match/)]);
    expect(withRow(row("16", "years", "2026-01", "the worst January for planned cuts since 2009"))).toHaveLength(2);
  });

  it("a missing file, a missing column and a short row are one error each", () => {
    const dir = tmpDir();
    expect(readIndependent(path.join(dir, "independent.csv"), ledger).errors.map((e) => e.message)).toEqual([expect.stringMatching(/independent\.csv: does not exist$/)]);
    const noTier = path.join(dir, "no-tier.csv");
    fs.writeFileSync(noTier, `${header.replace(",tier", "")}\n`);
    expect(readIndependent(noTier, ledger).errors.map((e) => e.message)).toEqual([expect.stringMatching(/no-tier\.csv:1: tier is missing from the header/)]);
    const short = path.join(dir, "short.csv");
    fs.writeFileSync(short, `${header}\nr001,BTC\n`);
    expect(readIndependent(short, ledger).errors.map((e) => e.message)).toEqual([expect.stringMatching(/short\.csv:2: has 2 fields, expected 16/)]);
  });

  it("validateAll reports the independent file's problems with the ledger's", () => {
    const dir = tmpDir();
    fs.cpSync(DATA_DIR, dir, { recursive: true });
    const file = path.join(dir, "independent.csv");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/^(r001,.*),wire,/m, "$1,tabloid,"));
    expect(validateAll(dir)).toEqual([expect.stringMatching(/independent\.csv:2: tier "tabloid" is not one of primary, wire, aggregator$/)]);
  });
});

describe("data/independent.csv", () => {
  const text = fs.readFileSync(INDEPENDENT_CSV, "utf8");
  const { rows, errors } = readIndependent(INDEPENDENT_CSV, ledger);

  it("every row validates: 148 figures, r001–r148 in order, UTF-8 without BOM, LF line ends", () => {
    expect(errors.map((e) => e.message)).toEqual([]);
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 148 }, (_, i) => `r${String(i + 1).padStart(3, "0")}`));
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.includes("\r")).toBe(false);
    expect(text.endsWith("\n")).toBe(true);
  });

  it("every link is an existing claim, and every row links at least one", () => {
    for (const r of rows) {
      expect(r.claims.length, r.id).toBeGreaterThan(0);
      for (const c of r.claims) expect(ledger.byId.has(c), `${r.id} -> ${c}`).toBe(true);
    }
  });

  it("keeps the four known outliers, each saying so in its note", () => {
    for (const id of ["r020", "r104", "r132", "r147"]) expect(rows.find((r) => r.id === id)?.note, id).toMatch(/outlier/);
  });

  it("uses every tier, with a primary source only for filings, releases and reproduced report text", () => {
    const tiers = new Set(rows.map((r) => r.tier));
    expect([...tiers].sort()).toEqual(["aggregator", "primary", "wire"]);
    expect(rows.filter((r) => r.tier === "primary").map((r) => r.id)).toEqual(["r105", "r110", "r111", "r118", "r127", "r144"]);
  });
});

describe("buildIndependent over the real ledger", () => {
  const { rows } = readIndependent(INDEPENDENT_CSV, ledger);
  const results = buildIndependent(ledger, rows);

  it("gives one result per claim, sorted by claim id, unverified where nothing is linked", () => {
    const ids = ledger.claims.map((c) => c.id).sort();
    expect(results.map((r) => r.claim)).toEqual(ids);
    const linked = new Set(rows.flatMap((r) => r.claims));
    for (const r of results.filter((x) => !linked.has(x.claim))) expect(r).toMatchObject({ verdict: "unverified", best_source: null, sources: [] });
  });

  it("is JSON-safe and deterministic", () => {
    const json = JSON.stringify(results);
    expect(json).not.toMatch(/NaN|Infinity|undefined/);
    expect(JSON.parse(json)).toEqual(results);
    expect(buildIndependent(ledger, [...rows].reverse())).toEqual(results);
  });

  it("every verdict is known, and the best source is a linked, comparable source (null only when unverified)", () => {
    for (const r of results) {
      expect(INDEPENDENT_VERDICTS).toContain(r.verdict);
      if (r.verdict === "unverified") expect(r.best_source).toBeNull();
      else expect(r.sources.find((s) => s.id === r.best_source)?.relation, r.claim).not.toBe("context");
    }
  });

  it("matches the hand-worked readings of three notable claims", () => {
    const get = (id: string) => results.find((r) => r.claim === id)!;
    // "sub-$60K": every linked low is at least $60,008 (Reuters 60,008.52 is the strongest, wire)
    expect(get("crushes-019")).toMatchObject({ verdict: "disputed", best_source: "r011" });
    // "$126,223" ATH: the Forbes copy's 126,080 is 143 away; no source prints 126,223
    expect(get("nakamoto-015")).toMatchObject({ verdict: "disputed", best_source: "r002" });
    // "US$402.84 billion": the 10-K's 402,836 million lies inside [402.835, 402.845)
    expect(get("nakamoto-034")).toMatchObject({ verdict: "refined", best_source: "r118" });
  });
});
