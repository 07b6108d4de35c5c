import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { asserted, CHECK_KINDS, countCheckOutcomes, loadChecks, parseChecks, parseExpected, parseParams, runChecks, type Check, type CheckVerdict } from "../../src/domain/checks";
import { DataError, DataErrors } from "../../src/data/csv";
import { loadLedger } from "../../src/data/ledger";
import { readIndependent, type IndependentRow } from "../../src/data/independent-file";
import { CHECK_OUTCOMES } from "../../src/domain/recompute";
import type { Claim, Term } from "../../src/data/types";

/** A ledger claim with neutral defaults. */
function mk(id: string, c: Partial<Claim>): Claim {
  return {
    id,
    article: "a",
    section: "s",
    quote: "q",
    subject: "BTC",
    metric: "price",
    window: "point",
    low: null,
    high: null,
    unit: "USD",
    qualifier: "exact",
    as_of: "2026-02-06",
    raw: "",
    hedge: "",
    note: "",
    line: 2,
    ...c,
  };
}

const claims: Claim[] = [
  mk("peak", { metric: "peak", low: 126000, high: 126000, raw: "$126K", as_of: "2025-10" }),
  mk("low", { metric: "low", low: 60000, high: 60000, raw: "~$60K", qualifier: "approx", hedge: "~" }),
  mk("dd", { metric: "drawdown", low: -52, high: -52, raw: "–52%", unit: "pct" }),
  mk("dd-late", { metric: "drawdown", low: -45, high: -45, raw: "–45%", unit: "pct", as_of: "2026-02-08" }),
  mk("dd-garbled", { metric: "drawdown", low: null, high: -50, raw: "100%. 50%", unit: "pct", qualifier: "garbled", hedge: "more than" }),
  mk("bought", { subject: "spot_btc_etfs", metric: "etf_net_flow_coins", low: 46000, high: null, raw: "46,000", unit: "coins", qualifier: "over", hedge: "over" }),
  mk("sold", { subject: "spot_btc_etfs", metric: "etf_net_flow_coins", low: -10600, high: -10600, raw: "10,600", unit: "coins" }),
  mk("gap", { subject: "spot_btc_etfs", metric: "demand_gap_coins", low: 56000, high: 56000, raw: "56,000", unit: "coins" }),
  mk("base", { subject: "risk_assets", metric: "probability", low: 60, high: 70, raw: "60–70%", unit: "pct", qualifier: "range" }),
  mk("bear", { subject: "risk_assets", metric: "probability", low: 30, high: 40, raw: "30–40%", unit: "pct", qualifier: "range" }),
  mk("lev10", { subject: "leverage_example", metric: "leverage", low: 10, high: 10, raw: "10 times", unit: "x" }),
  mk("lev100", { subject: "leverage_example", metric: "leverage", low: 100, high: 100, raw: "100x", unit: "x" }),
  mk("wipe", { subject: "leverage_example", metric: "wipeout_move", low: -5, high: -2, raw: "2%-5%", unit: "pct", qualifier: "range" }),
  mk("wipe10", { subject: "leverage_example", metric: "wipeout_move", low: -10, high: -10, raw: "10%", unit: "pct" }),
  mk("usd", { subject: "crypto_market", metric: "liquidations", low: 2.5, high: null, raw: "US$2.5 billion", unit: "USD_bn", qualifier: "over", hedge: "exceeded" }),
  mk("cny", { subject: "crypto_market", metric: "liquidations", low: 17.3, high: 17.3, raw: "RMB 17.3 billion", unit: "CNY_bn", qualifier: "approx", hedge: "approximately" }),
  mk("zero", { metric: "price", low: 0, high: 0, raw: "0", unit: "USD" }),
  mk("cap-bn", { subject: "crypto_market", metric: "market_cap_change", low: -800, high: -800, raw: "~$800B", unit: "USD_bn", qualifier: "approx", hedge: "~" }),
  mk("cap-tn", { subject: "crypto_market", metric: "market_cap_change", low: -2, high: -2, raw: "$2 Trillion", unit: "USD_tn" }),
  mk("capex-25", { subject: "alphabet", metric: "capex", window: "fy2025", low: 91, high: 91, raw: "$91B", unit: "USD_bn", as_of: "2025" }),
  mk("capex-26", { subject: "alphabet", metric: "capex", window: "fy2026", low: 175, high: 185, raw: "$175–$185B", unit: "USD_bn", qualifier: "range", as_of: "2026" }),
  // issue 12: a week, a Friday, a session, a YTD pair, a layoffs record, a correlation, a weekday
  mk("week", { subject: "nasdaq_composite", metric: "pct_change", window: "week", low: -6, high: -4, raw: "–4–6%", unit: "pct", qualifier: "range", as_of: "2026-02-02/2026-02-06" }),
  mk("friday", { subject: "nasdaq_composite", metric: "pct_change", window: "session", low: 2.2, high: 2.2, raw: "+2.2%", unit: "pct" }),
  mk("mon-thu", { subject: "nasdaq_composite", metric: "pct_change", window: "episode", low: -8, high: -7, raw: "–7–8%", unit: "pct", qualifier: "range", as_of: "2026-02-02/2026-02-05" }),
  mk("lows-intraday", { subject: "nasdaq_composite", metric: "pct_change", window: "intraday", low: -12, high: -11, raw: "–11–12%", unit: "pct", qualifier: "range" }),
  mk("feb5", { subject: "nasdaq_composite", metric: "pct_change", window: "session", low: -1.6, high: -1.6, raw: "roughly 1.6%", unit: "pct", qualifier: "approx", hedge: "roughly", as_of: "2026-02-05" }),
  mk("sessions", { subject: "nasdaq_composite", metric: "pct_change", window: "session", low: -2.5, high: -1.8, raw: "1.8% and 2.5%", unit: "pct", qualifier: "range", as_of: "2026-02-02/2026-02-06" }),
  mk("peak-17y", { subject: "us_jobs", metric: "duration", window: "jan_2026", low: 17, high: 17, raw: "17-year", unit: "years", as_of: "2026-01" }),
  mk("months-16", { metric: "duration", low: 16, high: 16, raw: "16-month", unit: "months" }),
  mk("corr", { metric: "correlation", window: "30d", low: 0.72, high: 0.72, raw: "0.72", unit: "ratio" }),
  mk("corr-late", { metric: "correlation", window: "30d", low: 0.9, high: 0.9, raw: "0.9", unit: "ratio", as_of: "2026-03-01" }),
  mk("below-60k", { metric: "low", window: "intraday", low: null, high: 60000, raw: "$60,000", unit: "USD", qualifier: "under", hedge: "below" }),
  mk("nov", { subject: "spot_btc_etfs", metric: "etf_net_outflow", window: "nov_2025", low: 7, high: 7, raw: "US$7 billion", unit: "USD_bn", qualifier: "approx", hedge: "approximately", as_of: "2025-11" }),
  mk("dec", { subject: "spot_btc_etfs", metric: "etf_net_outflow", window: "dec_2025", low: 2, high: 2, raw: "US$2 billion", unit: "USD_bn", qualifier: "approx", hedge: "approximately", as_of: "2025-12" }),
];
const ledger = { byId: new Map(claims.map((c) => [c.id, c])) };
const HEADER = "id,kind,inputs,result,params,statement\n";

/** An independent row with neutral defaults. */
function src(id: string, r: Partial<IndependentRow>): IndependentRow {
  return {
    id, subject: "BTC", metric: "price", window: "point", low: null, high: null, unit: "USD", as_of: "2026-02-06", quote: "", url: "https://example.test/",
    outlet: "Outlet", published: "", tier: "wire", claims: ["peak"], stance: "corroborates", note: "", instrument: "", origin: "outlet", line: 2, ...r,
  };
}
const rows = new Map(
  [
    src("r143", { subject: "us_jobs", metric: "layoffs", window: "jan_2026", low: 108435, high: 108435, unit: "count", as_of: "2026-01", quote: "U.S.-based companies reported 108,435 job cuts last month" }),
    src("r144", {
      subject: "us_jobs", metric: "layoffs", window: "month", low: 153074, high: 153074, unit: "count", as_of: "2025-10",
      quote: "January’s total is the highest for the month since 2009, when 241,749 job cuts were announced. It is the highest monthly total since October 2025, when 153,074 cuts were recorded.",
    }),
    src("r062", { metric: "correlation", window: "30d", low: 0.72, high: 0.72, unit: "ratio", as_of: "2026-02-17", quote: "the correlation coefficient indicator increasing from minus 0.68 to plus 0.72 over the past two weeks" }),
    src("r045", { subject: "spot_btc_etfs", metric: "etf_net_outflow", window: "period", low: 6.18, high: 6.18, unit: "USD_bn", as_of: "2025-11-01/2025-12-31", quote: "about $6.18 billion of net outflows" }),
    src("r047", { subject: "spot_btc_etfs", metric: "etf_net_outflow", window: "period", low: 4.7, high: 4.7, unit: "USD_bn", as_of: "2025-11-01/2026-01-10", quote: "spot Bitcoin ETF owners pulled out $4.7 billion" }),
    src("r081", { subject: "silver", metric: "pct_change", window: "intraday", low: -18, high: -18, unit: "pct", as_of: "2026-02-05", quote: "Silver, for one, fell as much as 18 per cent" }),
  ].map((r) => [r.id, r]),
);

function errorsOf(csv: string): DataError[] {
  try {
    parseChecks(HEADER + csv, "data/checks.csv", ledger, rows);
  } catch (e) {
    expect(e).toBeInstanceOf(DataErrors);
    return (e as DataErrors).errors;
  }
  throw new Error("expected parseChecks to throw");
}

function run(csv: string): CheckVerdict[] {
  return runChecks(ledger, parseChecks(HEADER + csv, "data/checks.csv", ledger, rows));
}

describe("parseParams and parseExpected", () => {
  it("parseParams reads space-separated key=value pairs", () => {
    expect(parseParams("maintenance_margin=0.005  parts=partial")).toEqual({ maintenance_margin: "0.005", parts: "partial" });
    expect(parseParams("")).toEqual({});
  });
  it("parseParams rejects a token that is not key=value", () => {
    expect(() => parseParams("margin")).toThrow(/"margin" is not key=value/);
  });
  it("parseExpected reads LOW..HIGH and a single number", () => {
    expect(parseExpected("0.21..0.26")).toEqual({ low: 0.21, high: 0.26 });
    expect(parseExpected("-5")).toEqual({ low: -5, high: -5 });
    expect(() => parseExpected("3..1")).toThrow(/not LOW\.\.HIGH/);
  });
});

describe("loadChecks / parseChecks: every row is validated with file, line and field", () => {
  it("accepts a valid row", () => {
    const checks = parseChecks(HEADER + "d1,drawdown_from_peak,peak low,dd,,peak to low\n", "data/checks.csv", ledger);
    expect(checks).toEqual([{ id: "d1", kind: "drawdown_from_peak", inputs: ["peak", "low"], result: "dd", params: {}, statement: "peak to low", refs: {}, line: 2 }]);
  });
  it("an unknown kind", () => {
    const [e] = errorsOf("d1,drawdown,peak low,dd,,x\n");
    expect(e.message).toMatch(/^data\/checks\.csv:2: kind "drawdown" is not a check kind \(one of percent_change, /);
    expect([e.line, e.field]).toEqual([2, "kind"]);
  });
  it("an unknown claim id in inputs and in result", () => {
    const es = errorsOf("d1,drawdown_from_peak,peak nope,dd,,x\nd2,drawdown_from_peak,peak low,nah,,x\n");
    expect(es.map((e) => e.message)).toEqual([
      'data/checks.csv:2: inputs "nope" is not a claim id of the ledger',
      'data/checks.csv:3: result "nah" is not a claim id of the ledger',
    ]);
  });
  it("the wrong number of inputs names what the kind expects", () => {
    expect(errorsOf("d1,drawdown_from_peak,peak,dd,,x\n")[0].message).toMatch(/:2: inputs has 1 claim id but drawdown_from_peak expects 2 \(peak level\)/);
    expect(errorsOf("d1,implied_base,peak dd low,,,x\n")[0].message).toMatch(/inputs has 3 claim ids but implied_base expects 2 or 4/);
    expect(errorsOf("d1,probabilities_sum,base,,,x\n")[0].message).toMatch(/expects at least 2 \(probability probability \.\.\.\)/);
    expect(errorsOf("d1,sum_of,,,,x\n")[0].message).toMatch(/inputs is empty \(sum_of expects part part \.\.\.\)/);
  });
  it("a missing statement", () => {
    const [e] = errorsOf("d1,drawdown_from_peak,peak low,dd,,\n");
    expect(e.message).toMatch(/:2: statement is empty/);
    expect(e.field).toBe("statement");
  });
  it("a missing or duplicate id", () => {
    const es = errorsOf(",drawdown_from_peak,peak low,dd,,x\nd1,drawdown_from_peak,peak low,dd,,x\nd1,drawdown_from_peak,peak low,dd,,x\nD 2,drawdown_from_peak,peak low,dd,,x\n");
    expect(es.map((e) => e.message)).toEqual([
      "data/checks.csv:2: id is empty",
      'data/checks.csv:4: id "d1" is a duplicate id',
      'data/checks.csv:5: id "D 2" is not a kebab-case id',
    ]);
  });
  it("a missing target: no result, no expected=, no implicit target", () => {
    expect(errorsOf("d1,drawdown_from_peak,peak low,,,x\n")[0].message).toMatch(/:2: result is empty but drawdown_from_peak needs the claim whose figure it tests/);
  });
  it("a result given to a pair comparison", () => {
    expect(errorsOf("d1,implied_fx_rate,cny usd cny usd,dd,,x\n")[0].message).toMatch(/result must be empty when implied_fx_rate compares two pairs/);
  });
  it("bad params: unknown key, bad margin, bad expected, expected with a result", () => {
    expect(errorsOf("d1,drawdown_from_peak,peak low,dd,margin=1,x\n")[0].message).toMatch(/params "margin" is not a parameter of drawdown_from_peak \(allowed: expected, ref, read, asserts, alternative\)/);
    expect(errorsOf("d1,leverage_wipeout_move,lev10,wipe10,maintenance_margin=2,x\n")[0].message).toMatch(/params maintenance_margin "2" is not a number in \[0, 1\)/);
    expect(errorsOf("d1,implied_fx_rate,cny usd,,expected=abc,x\n")[0].message).toMatch(/params expected "abc" is not LOW\.\.HIGH/);
    expect(errorsOf("d1,drawdown_from_peak,peak low,dd,expected=1..2,x\n")[0].message).toMatch(/:2: params expected= and ref= are for checks without a result claim, one at a time/);
  });
  it("asserts= takes only at_most, named with file, line and field", () => {
    const [e] = errorsOf("d1,leverage_wipeout_move,lev100,wipe,asserts=at_least,x\n");
    expect(e.message).toBe('data/checks.csv:2: params asserts="at_least" is not a reading of the sentence (allowed: at_most)');
    expect(e.field).toBe("params");
    // a valid asserts= is kept in params for runChecks
    expect(parseChecks(HEADER + "d1,leverage_wipeout_move,lev100,wipe,asserts=at_most,x\n", "data/checks.csv", ledger)[0].params).toEqual({ asserts: "at_most" });
  });
  it("alternative= names another check of the file, else file, line and field say so", () => {
    expect(errorsOf("d1,leverage_wipeout_move,lev100,wipe,alternative=d2,x\n")[0].message).toBe('data/checks.csv:2: params alternative="d2" is not another check id of this file');
    expect(errorsOf("d1,leverage_wipeout_move,lev100,wipe,alternative=d1,x\n")[0].message).toBe('data/checks.csv:2: params alternative="d1" is not another check id of this file');
    expect(parseChecks(HEADER + "d1,leverage_wipeout_move,lev100,wipe,alternative=d2,x\nd2,leverage_wipeout_move,lev100,wipe,,y\n", "data/checks.csv", ledger)[0].params).toEqual({ alternative: "d2" });
  });
  it("units that do not fit the kind", () => {
    // a drawdown from a USD peak to a pct figure
    expect(errorsOf("d1,drawdown_from_peak,peak dd,dd,,x\n")[0].message).toMatch(/:2: inputs drawdown_from_peak needs amounts of one dimension, got USD and pct/);
    // a percent change tested against a USD claim
    expect(errorsOf("d1,drawdown_from_peak,peak low,low,,x\n")[0].message).toMatch(/:2: result low is in USD but drawdown_from_peak computes pct/);
    expect(errorsOf("d1,leverage_wipeout_move,dd,wipe10,,x\n")[0].message).toMatch(/leverage must be in x, got pct/);
    expect(errorsOf("d1,implied_fx_rate,dd peak,,expected=1..2,x\n")[0].message).toMatch(/implied_fx_rate needs two currency amounts, got pct and USD/);
  });
  it("lists every bad row at once, in file order", () => {
    const es = errorsOf("d1,nope,peak low,dd,,x\nd2,drawdown_from_peak,peak low,dd,,\n");
    expect(es).toHaveLength(2);
    expect(es.every((e) => e instanceof DataError)).toBe(true);
  });
  it("a file without the expected header", () => {
    expect(() => parseChecks("id,kind\nx,y\n", "data/checks.csv", ledger)).toThrow(/data\/checks\.csv:1: inputs is missing from the header/);
  });
  it("loadChecks reports a missing file", () => {
    expect(() => loadChecks("data/no-such-checks.csv", ledger)).toThrow(/data\/no-such-checks\.csv: does not exist/);
  });
});

describe("runChecks", () => {
  it("drawdown_from_peak: $126K -> ~$60K is −52.38%, consistent with –52%", () => {
    // 60000/126000 − 1 = −0.523810 -> −52.381, inside (−52.5, −51.5]
    const [v] = run("d1,drawdown_from_peak,peak low,dd,,peak to low\n");
    expect(v).toMatchObject({ id: "d1", kind: "drawdown_from_peak", claims: ["peak", "low", "dd"], verdict: "consistent", gap: 0 });
    expect(v.claimed).toEqual({ low: -52.5, high: -51.5, unit: "pct" });
    expect(v.computed.low).toBeCloseTo(-52.380952, 5);
    // with rounding: [58800, 61200] / [125500, 126500) -> 58800/126500 − 1 = −53.518, 61200/125500 − 1 = −51.235
    expect(v.computedWithRounding.low).toBeCloseTo(-53.517787, 5);
    expect(v.computedWithRounding.high).toBeCloseTo(-51.235060, 5);
  });
  it("scope_mismatch: a drawdown dated two days after the low it is computed from", () => {
    // −52.38 vs (−45.5, −44.5]: even the widened −51.24 misses by 51.235 − 45.5 = 5.735; dates differ
    const [v] = run("d1,drawdown_from_peak,peak low,dd-late,,peak to low vs later figure\n");
    expect(v.verdict).toBe("scope_mismatch");
    expect(v.gap).toBeCloseTo(5.73506, 4);
    expect(v.reason).toMatch(/dd-late is dated 2026-02-08 but the level low is dated 2026-02-06/);
  });
  it("consistent_within_rounding: over 46,000 bought and 10,600 sold is over 56,600, and \"56,000\" is good to 500", () => {
    // "46,000" and "56,000" are good to 500 (two significant digits), "10,600" to 50.
    // as printed: (46000, ∞) − (−10600) = (56600, ∞); claimed [55500, 56500) misses it by 56600 − 56500 = 100
    // with rounding: [45500, ∞) − (−10650, −10550] = [56050, ∞), which meets [55500, 56500)
    const [v] = run("g1,difference_of,bought sold,gap,,etf gap\n");
    expect(v).toMatchObject({ verdict: "consistent_within_rounding", gap: 100 });
    expect(v.computed).toEqual({ low: 56600, high: null, unit: "coins" });
    expect(v.claimed).toEqual({ low: 55500, high: 56500, unit: "coins" });
    expect(v.computedWithRounding).toEqual({ low: 56050, high: null, unit: "coins" });
  });
  it("inconsistent: a demand gap printed to the coin misses the rounded sum by 48.5", () => {
    // as above, but "56,001" is good to 0.5: [56000.5, 56001.5) vs [56050, ∞): 56050 − 56001.5 = 48.5
    const exactLedger = { byId: new Map([...ledger.byId, ["gap1", mk("gap1", { subject: "spot_btc_etfs", metric: "demand_gap_coins", low: 56001, high: 56001, raw: "56,001", unit: "coins" })]]) };
    const [v] = runChecks(exactLedger, parseChecks(HEADER + "g1,difference_of,bought sold,gap1,,etf gap\n", "data/checks.csv", exactLedger));
    expect(v.verdict).toBe("inconsistent");
    expect(v.gap).toBeCloseTo(48.5, 9);
  });
  it("ambiguous: a garbled result", () => {
    const [v] = run("d1,drawdown_from_peak,peak low,dd-garbled,,garbled\n");
    expect(v).toMatchObject({ verdict: "ambiguous", gap: null });
    expect(v.reason).toMatch(/garbled figure dd-garbled/);
  });
  it("ambiguous: a percent change from a base of exactly zero has no value", () => {
    const [v] = run("z1,percent_change,zero low,dd,,from zero\n");
    expect(v.verdict).toBe("ambiguous");
    expect(v.computed).toEqual({ low: null, high: null, unit: "pct" });
    expect(v.reason).toMatch(/division by exactly zero/);
  });
  it("probabilities_sum: 60–70% + 30–40% = 90–110%, consistent with the implicit 100%", () => {
    const [v] = run("p1,probabilities_sum,base bear,,,sum\n");
    expect(v).toMatchObject({ verdict: "consistent", claimed: null, reference: { low: 100, high: 100, unit: "pct" } });
    expect(v.computed).toEqual({ low: 90, high: 110, unit: "pct" });
  });
  it("leverage_wipeout_move: 10x -> −10% consistent; read literally, 100x -> −1% misses 2%-5% by 0.447", () => {
    // "100x" is good to 5 ("10|0"): [95, 105) -> −100/L = [−100/95, −100/105) = [−1.052632, −0.952381);
    // claimed "2%-5%" = (−5.5, −1.5]: gap 1.5 − 1.052632 = 0.447368
    const vs = run("l1,leverage_wipeout_move,lev10,wipe10,,10x\nl2,leverage_wipeout_move,lev100,wipe,,100x\n");
    expect(vs.map((v) => v.verdict)).toEqual(["consistent", "inconsistent"]);
    expect(vs[1].gap).toBeCloseTo(1.5 - 100 / 95, 9);
  });
  it('asserts=at_most: 100x is wiped out by 1%, inside "2%-5%"', () => {
    // the sentence "wiped out if the price fluctuates by 2%-5%" holds if the position is gone by then:
    // claimed (−5.5, −1.5] stretched to zero = (−5.5, 0]; the computed −1 (as printed) lies inside
    const [v] = run("l2,leverage_wipeout_move,lev100,wipe,asserts=at_most,100x\n");
    expect(v).toMatchObject({ verdict: "consistent", gap: 0 });
    expect(v.claimed).toEqual({ low: -5.5, high: 0, unit: "pct" });
  });
  it("asserts=at_most still fails a move larger than the far end: 10x needs 10%, more than 2%-5%", () => {
    // 10x: "10" is good to 0.5 -> [9.5, 10.5) -> −100/L = [−10.526316, −9.523810); claimed (−5.5, 0]:
    // gap −5.5 − (−9.523810) = 4.023810
    const [v] = run("l1,leverage_wipeout_move,lev10,wipe,asserts=at_most,10x\n");
    expect(v.verdict).toBe("inconsistent");
    expect(v.gap).toBeCloseTo(100 / 10.5 - 5.5, 6);
  });
  it("asserted() stretches the claim to zero for at_most and leaves it alone otherwise", () => {
    // (−5.5, −1.5] ∪ {0} hull = (−5.5, 0]
    expect(asserted({ low: -5.5, high: -1.5, lowOpen: true }, "at_most")).toEqual({ low: -5.5, high: 0, lowOpen: true });
    // [2, 3) on the positive side: [0, 3)
    expect(asserted({ low: 2, high: 3, highOpen: true }, "at_most")).toEqual({ low: 0, high: 3, highOpen: true });
    expect(asserted({ low: 2, high: 3 }, undefined)).toEqual({ low: 2, high: 3 });
  });
  it("implied_fx_rate reads a converted amount as printed, ignoring 'exceeded'", () => {
    // 17.3 / 2.5 = 6.92 CNY per USD
    const [v] = run("f1,implied_fx_rate,cny usd,,expected=6.9..7.0,rate\n");
    expect(v.verdict).toBe("consistent");
    expect(v.computed.unit).toBe("CNY_per_USD");
    expect(v.computed.low).toBeCloseTo(6.92, 12);
    expect(v.computed.high).toBeCloseTo(6.92, 12);
  });
  it("difference_of converts units: −800 USD_bn against a USD_tn result", () => {
    // −0.8 tn − (−2 tn) = 1.2 tn, tested against itself-ish: result cap-tn is −2 -> far off
    const [v] = run("u1,difference_of,cap-bn cap-tn,cap-tn,,convert\n");
    expect(v.computed.unit).toBe("USD_tn");
    expect(v.computed.low).toBeCloseTo(1.2, 9);
    expect(v.verdict).toBe("inconsistent");
  });
  it("verdicts are sorted by id and JSON-safe (no Infinity, no NaN)", () => {
    const vs = run("z9,difference_of,bought sold,gap,,b\na1,probabilities_sum,base bear,,,a\nm5,percent_change,zero low,dd,,c\n");
    expect(vs.map((v) => v.id)).toEqual(["a1", "m5", "z9"]);
    const json = JSON.stringify(vs);
    expect(json).not.toMatch(/Infinity|NaN/);
    expect(JSON.parse(json)).toEqual(vs);
  });
  it("countCheckOutcomes counts every outcome", () => {
    expect(countCheckOutcomes([{ verdict: "consistent" }, { verdict: "ambiguous" }, { verdict: "consistent" }])).toEqual({
      consistent: 2,
      consistent_within_rounding: 0,
      inconsistent: 0,
      scope_mismatch: 0,
      ambiguous: 1,
    });
  });
  it("every declared kind has a computation", () => {
    for (const [name, spec] of Object.entries(CHECK_KINDS)) {
      expect(typeof spec.compute, name).toBe("function");
      expect(spec.arity.length, name).toBeGreaterThan(0);
    }
  });
});

describe("references to data/independent.csv (r045, r062:-0.68@2026-02-03, ref=r045)", () => {
  it("an input reference resolves to the row's figure, or to another number its quote prints, dated after @", () => {
    const [c] = parseChecks(HEADER + "s1,series_bracket,r062:-0.68@2026-02-03 r062,corr,,x\n", "data/checks.csv", ledger, rows);
    expect(c.refs["r062:-0.68@2026-02-03"]).toMatchObject({ low: -0.68, high: -0.68, unit: "ratio", qualifier: "exact", raw: "0.68", as_of: "2026-02-03" });
    expect(c.refs["r062"]).toMatchObject({ low: 0.72, high: 0.72, as_of: "2026-02-17", subject: "BTC", metric: "correlation" });
  });
  it("bad references are named with file, line and field", () => {
    const es = errorsOf(
      [
        "a1,sum_of,r999 nov,,expected=1,x",
        "a2,sum_of,r062:0.99 r062,,expected=1,x",
        "a3,series_bracket,r062:-0.68@2026-13 r062,corr,,x",
        "a4,sum_of,r62 nov,,expected=1,x",
        "a5,sum_of,nov dec,,ref=r999,x",
        "a6,sum_of,nov dec,,ref=peak,x",
        "a7,sum_of,nov dec,gap,ref=r045,x",
        "a8,percent_change,peak low,,ref=r045,x",
      ].join("\n") + "\n",
    );
    expect(es.map((e) => e.message)).toEqual([
      'data/checks.csv:2: inputs "r999": r999 is not a row of data/independent.csv',
      'data/checks.csv:3: inputs "r062:0.99": 0.99 is not printed in the quote of r062',
      'data/checks.csv:4: inputs "r062:-0.68@2026-13": "2026-13" is not an ISO date, month, year or range',
      'data/checks.csv:5: inputs "r62" is not a reference like r045 or r062:-0.68@2026-02-03',
      'data/checks.csv:6: params ref "r999": r999 is not a row of data/independent.csv',
      'data/checks.csv:7: params ref "peak" is not a reference to data/independent.csv (r045)',
      "data/checks.csv:8: params expected= and ref= are for checks without a result claim, one at a time",
      "data/checks.csv:9: params r045 is in USD_bn but percent_change computes pct",
    ]);
  });
  it("without the independent rows a reference cannot resolve", () => {
    expect(() => parseChecks(HEADER + "a1,record_span,r143 r144,peak-17y,order=highest,x\n", "data/checks.csv", ledger)).toThrow(/:2: inputs "r143": r143 is not a row of data\/independent\.csv/);
  });
  it("ref= makes the independent figure the reference; the verdict lists claims and sources apart", () => {
    // about $7B + about $2B: as printed 9, with slack [6.5, 7.5] + [1.5, 2.5] = [8, 10];
    // 'about $6.18 billion': ±max(0.005, 2% × 6.18 = 0.1236) = [6.0564, 6.3036]; gap 8 − 6.3036 = 1.6964
    const [v] = run("e1,sum_of,nov dec,,ref=r045,sum vs tracker\n");
    expect(v).toMatchObject({ verdict: "inconsistent", claims: ["nov", "dec"], sources: ["r045"], claimed: null, working: "about $7 billion + about $2 billion = $9 billion" });
    expect(v.reference!.low).toBeCloseTo(6.0564, 9);
    expect(v.gap).toBeCloseTo(1.6964, 9);
  });
  it("sum_of against a period total: parts that do not cover the total's period are a scope mismatch", () => {
    const [v] = run("e2,sum_of,nov dec,,ref=r047,sum vs a longer period\n");
    expect(v.verdict).toBe("scope_mismatch");
    expect(v.reason).toMatch(/the parts run from 2025-11-01 to 2025-12-31, but r047 covers 2025-11-01 to 2026-01-10/);
  });
});

describe("issue 12 kinds: validation", () => {
  it("a kind's required params, and bad values of the new params", () => {
    expect(errorsOf("k1,rank_among,feb5 sessions,,,x\n")[0].message).toBe("data/checks.csv:2: params rank_among needs order= (order)");
    expect(errorsOf("k1,months_since,low,months-16,,x\n")[0].message).toBe("data/checks.csv:2: params months_since needs since= (since)");
    expect(errorsOf("k1,rank_among,feb5 sessions,,order=up,x\n")[0].message).toBe('data/checks.csv:2: params order "up" is not lowest or highest');
    expect(errorsOf("k1,weekday,feb5,,weekday=Fryday,x\n")[0].message).toBe('data/checks.csv:2: params weekday "Fryday" is not a weekday or a range of weekdays (Thursday, Monday..Friday)');
    expect(errorsOf("k1,months_since,low,months-16,since=late-2024,x\n")[0].message).toBe('data/checks.csv:2: params since "late-2024" is not an ISO date, month, year or range');
    expect(errorsOf("k1,weekday,feb5,,weekday=Friday date=Feb-6,x\n")[0].message).toBe('data/checks.csv:2: params date "Feb-6" is not an ISO date or range, a claim id or a reference to data/independent.csv');
    expect(errorsOf("k1,weekday,feb5,,weekday=Friday date=r999,x\n")[0].message).toBe('data/checks.csv:2: params date "r999": r999 is not a row of data/independent.csv');
    expect(errorsOf("k1,sum_of,nov dec,,expected=9 read=maybe,x\n")[0].message).toBe('data/checks.csv:2: params read "maybe" is not printed or hedged');
  });
  it("units: a record span needs one dimension; a months_since result must be a time", () => {
    expect(errorsOf("k1,record_span,peak dd,peak-17y,order=highest,x\n")[0].message).toMatch(/:2: inputs record_span needs amounts of one dimension, got USD and pct/);
    expect(errorsOf("k1,months_since,low,dd,since=2024-10,x\n")[0].message).toBe("data/checks.csv:2: result dd is in pct but months_since computes months");
  });
});

describe("issue 12 kinds: verdicts (numbers worked by hand)", () => {
  it("remaining_change: a week of −4–6% with a +2.2% Friday leaves −6.07% to −8.02%, consistent with −7–8%", () => {
    // 0.94 / 1.022 − 1 = −8.0235%; 0.96 / 1.022 − 1 = −6.0665%; claimed [−8.5, −6.5)
    const [v] = run("r1,remaining_change,week friday,mon-thu,,rest of the week\n");
    expect(v.verdict).toBe("consistent");
    expect(v.computed.low).toBeCloseTo(-8.023483, 5);
    expect(v.working).toBe("a fall of 4% to 6% in all, with a rise of 2.2% in part, leaves a fall of 6.1% to 8.0% for the rest");
  });
  it("remaining_change against an intraday move is a scope mismatch", () => {
    // with slack: 0.935 / 1.0225 − 1 = −8.5575%; claimed [−11.5, −10.5): gap 10.5 − 8.5575 = 1.9425
    const [v] = run("r2,remaining_change,week friday,lows-intraday,,x\n");
    expect(v.verdict).toBe("scope_mismatch");
    expect(v.gap).toBeCloseTo(1.942543, 5);
  });
  it("rank_among: −1.6% beside three sessions of −1.8% to −2.5% is 4th, not among the three worst", () => {
    const [v] = run("k1,rank_among,feb5 sessions sessions sessions,,order=lowest expected=1..3,worst sessions\n");
    expect(v).toMatchObject({ verdict: "inconsistent", gap: 1, computed: { low: 4, high: 4, unit: "count" }, reference: { low: 1, high: 3, unit: "count" } });
    expect(v.working).toBe("about −1.6% against −1.8% to −2.5% three times: at best the 4th lowest");
    // without expected=, the target is rank 1 ('the worst'): 4 − 1 = 3
    expect(run("k2,rank_among,feb5 sessions sessions sessions,,order=lowest,x\n")[0].gap).toBe(3);
  });
  it("rank_among names its figures when the vocabulary words their subjects, and says falls as falls", () => {
    const eth = mk("eth", { subject: "ETH", metric: "pct_change", window: "ytd", low: -36, high: -36, raw: "36%", unit: "pct" });
    const btc = mk("btc", { subject: "BTC", metric: "pct_change", window: "ytd", low: -27, high: -27, raw: "27%", unit: "pct" });
    const vocabulary: Term[] = [
      { field: "subject", term: "ETH", meaning: "Ether" },
      { field: "subject", term: "BTC", meaning: "Bitcoin; the largest cryptocurrency" },
    ];
    const named = { byId: new Map([...ledger.byId, ["eth", eth], ["btc", btc]]), vocabulary };
    const [lowest, highest] = runChecks(named, parseChecks(HEADER + "k7,rank_among,eth btc,,order=lowest,x\nk8,rank_among,eth btc,,order=highest,y\n", "data/checks.csv", named, rows));
    // −36 < −27: Ether is the lowest of the two (rank 1, consistent) and not the highest (rank 2 of 2);
    // either way the working says the same fact: Ether's fall was the larger
    expect(lowest).toMatchObject({ verdict: "consistent", working: "Ether fell 36%, more than Bitcoin's 27%" });
    expect(highest).toMatchObject({ verdict: "inconsistent", working: "Ether fell 36%, more than Bitcoin's 27%" });
    // without the vocabulary the figures are not named: the numbers against each other
    expect(run("k9,rank_among,eth btc,,order=lowest,x\n".replace(/eth btc/, "dd dd-late"))[0].working).toBe("−52% against −45%: the lowest");
  });
  it("record_span: January 2026 beaten by October 2025 is at most a 3-month high, not a 17-year one", () => {
    // (0, 3] months = (0, 0.25] years; claimed [16.5, 17.5): gap 16.5 − 0.25 = 16.25
    const [v] = run("k3,record_span,r143 r144,peak-17y,order=highest,all months\n");
    expect(v).toMatchObject({ verdict: "inconsistent", gap: 16.25, claims: ["peak-17y"], sources: ["r143", "r144"] });
    expect(v.computed).toEqual({ low: 0, high: 0.25, unit: "years" });
    expect(v.working).toBe("the last figure higher than 108,435 in January 2026 is 153,074 in October 2025, 3 months earlier");
  });
  it("record_span: January 2026 against January 2009's 241,749 is at most a 17-year high (consistent)", () => {
    // 2009-01 -> 2026-01 = 204 months = 17 years: (0, 17] overlaps [16.5, 17.5)
    const [v] = run("k4,record_span,r143 r144:241749@2009-01,peak-17y,order=highest,january\n");
    expect(v.verdict).toBe("consistent");
    expect(v.working).toBe("the last January figure higher than 108,435 in January 2026 is 241,749 in January 2009, 17 years earlier");
  });
  it("months_since: 'since late 2024' to 6 Feb 2026 is 14 to 16 months, fitting '16-month'; since June 2025 it is 8", () => {
    const [v] = run("k5,months_since,low,months-16,since=2024-10/2024-12,x\n");
    expect(v).toMatchObject({ verdict: "consistent", computed: { low: 14, high: 16, unit: "months" } });
    expect(v.working).toBe("6 Feb 2026 is 14 to 16 months after October to December 2024");
    // 2025-06 -> 2026-02 = 8 months; claimed [15.5, 16.5): gap 7.5
    expect(run("k6,months_since,low,months-16,since=2025-06,x\n")[0]).toMatchObject({ verdict: "inconsistent", gap: 7.5 });
  });
  it("weekday: 5 Feb 2026 was a Thursday; 6–7 Feb has a Saturday; date= may name a reference", () => {
    const [a, b, c] = run(
      "w1,weekday,feb5,,weekday=Thursday,thursday\nw2,weekday,friday,,weekday=Monday..Friday date=2026-02-06/2026-02-07,trading days\nw3,weekday,friday,,weekday=Thursday date=r081,dated by a source\n",
    );
    expect(a).toMatchObject({ verdict: "consistent", reference: { low: 0, high: 0, unit: "count" }, working: "5 Feb 2026 was a Thursday" });
    expect(b).toMatchObject({ verdict: "inconsistent", gap: 1, working: "6–7 Feb 2026 were a Friday and a Saturday; Saturday is not Monday to Friday" });
    expect(c).toMatchObject({ verdict: "consistent", claims: ["friday"], sources: ["r081"], working: "5 Feb 2026 was a Thursday" });
  });
  it("series_bracket: a reading between −0.68 (3 Feb) and 0.72 (17 Feb) fits; one dated after and outside is a scope mismatch", () => {
    const [v, late] = run("s1,series_bracket,r062:-0.68@2026-02-03 r062,corr,,x\ns2,series_bracket,r062:-0.68@2026-02-03 r062,corr-late,,y\n");
    expect(v.verdict).toBe("consistent");
    // 0.72 > −0.68: the series rose between the two readings
    expect(v.working).toBe("the series read −0.68 on 3 Feb 2026 and 0.72 on 17 Feb 2026 (between them, −0.68 to 0.72 if it moved steadily)");
    // 0.9 ± 0.05 = [0.85, 0.95) vs [−0.685, 0.725): gap 0.85 − 0.725 = 0.125
    expect(late.verdict).toBe("scope_mismatch");
    expect(late.gap).toBeCloseTo(0.125, 9);
    expect(late.reason).toMatch(/corr-late is dated 2026-03-01, not between the readings of 2026-02-03 and 2026-02-17/);
  });
  it("restatement: a summary's 'below $60,000' touches the body's '~$60K'; a peak restated as a low is another quantity", () => {
    const [a, b] = run("t1,restatement,low,below-60k,,summary vs body\nt2,restatement,peak,below-60k,,y\n");
    expect(a).toMatchObject({ verdict: "consistent", working: "about $60,000, restated as under $60,000" });
    expect(b.verdict).toBe("scope_mismatch");
    expect(b.reason).toMatch(/below-60k is a low of BTC, peak a peak of BTC/);
  });
});

describe("the working line of every kind", () => {
  it.each([
    ["d1,percent_change,low peak,,expected=100..120,x", "about $60,000 to $126,000 is a rise of 110%"], // 126/60 = 2.1
    ["d2,drawdown_from_peak,peak low,dd,,x", "from a peak of $126,000 to about $60,000 is a fall of 52.4%"], // 60/126 − 1 = −52.38%
    ["d3,rebound_from_low,low peak,,expected=100..120,x", "from a low of about $60,000 to $126,000 is a rise of 110%"],
    ["d4,implied_base,peak dd,,expected=262000..263000,x", "$126,000 after a fall of 52% means a starting level of $262,500"], // 126000 / 0.48
    // a negative amount is said as a loss, never with a minus sign: −800 / −0.52 = 1538.5
    ["d5,base_from_change,cap-bn dd,,expected=1500..1600,x", "a loss of about $800 billion, a fall of 52%, means a starting value of $1.54 trillion"],
    ["d6,implied_fx_rate,cny usd,,expected=6.9..7,x", "17.3 billion yuan for $2.5 billion is 6.92 yuan per dollar"],
    ["d7,leverage_wipeout_move,lev10,wipe10,maintenance_margin=0.005,x", "at 10x leverage with a 0.5% maintenance margin, a fall of 9.5% wipes out the margin"],
    ["d8,sum_of,nov dec,,expected=9,x", "about $7 billion + about $2 billion = $9 billion"],
    // one net flow each way: inflows and outflows, and how far apart (46,000 − (−10,600) = 56,600), no "minus −"
    ["d9,difference_of,bought sold,gap,,x", "inflows of more than 46,000 coins and outflows of 10,600 coins are more than 56,600 coins apart"],
    ["d10,ratio_of,cap-bn cap-tn,,as=pct expected=40,x", "a loss of about $800 billion is 40% of a loss of $2 trillion"], // 800 / 2000
    ["d11,product_of,peak lev10,,expected=1260000,x", "$126,000 times 10x is $1,260,000"],
    ["d12,compound_change,week friday,,expected=-4..-1,x", "a fall of 4% to 6% and a rise of 2.2% compounded make a fall of 1.9% to 3.9%"], // 0.94 × 1.022, 0.96 × 1.022
    ["d13,probabilities_sum,base bear,,,x", "60%–70% + 30%–40% = 90%–110%"],
    // amounts of money as a sentence writes them; a range beside another "to" or "+" as "between … and …"
    ["d14,percent_change,capex-25 capex-26,,expected=90..110,x", "$91 billion to between $175 billion and $185 billion is a rise of 92.3% to 103%"], // 175/91 − 1 = 92.3%, 185/91 − 1 = 103.3%
    ["d15,sum_of,capex-25 capex-26,,expected=270,x", "$91 billion + between $175 billion and $185 billion = $266 billion to $276 billion"], // 91 + 175, 91 + 185
    ["d16,implied_base,capex-26 friday,,expected=170..182,x", "$175 billion to $185 billion after a rise of 2.2% means a starting level of $171 billion to $181 billion"], // 175/1.022 = 171.2, 185/1.022 = 181.0
  ])("%s", (row, working) => {
    expect(run(`${row}\n`)[0].working).toBe(working);
  });
});

describe("data/checks.csv against the ledger", () => {
  const real = loadLedger();
  const independent = readIndependent(path.join("data", "independent.csv"), real, "data/independent.csv").rows;
  const checks: Check[] = loadChecks(path.join("data", "checks.csv"), real, undefined, new Map(independent.map((r) => [r.id, r])));
  const verdicts = runChecks(real, checks);
  const byId = new Map(verdicts.map((v) => [v.id, v]));

  it("declares well over thirty checks, each valid", () => {
    expect(checks.length).toBeGreaterThan(35);
    for (const v of verdicts) expect(CHECK_OUTCOMES).toContain(v.verdict);
  });
  it("the ETF demand gap: over 46,000 + 10,600 = over 56,600, and 56,000 is consistent within rounding (100 coins as printed)", () => {
    // as printed (56600, ∞) vs "56,000" = [55500, 56500): 100 apart;
    // with rounding [45500 + 10550, ∞) = [56050, ∞) meets [55500, 56500)
    expect(byId.get("etf-demand-gap")).toMatchObject({ verdict: "consistent_within_rounding", gap: 100 });
  });
  it("Gate's –52%: $126K -> ~$60K = −52.38% (consistent)", () => {
    expect(byId.get("btc-drawdown-gate-low")?.verdict).toBe("consistent");
  });
  it("Amazon: $131B -> $200B = +52.7%, 'over 50%' holds", () => {
    // 200/131 = 1.5267 -> +52.67% > 50
    expect(byId.get("amazon-capex-growth")?.verdict).toBe("consistent");
  });
  it("Alphabet: 'almost double' holds at $185B: 185/91 = 2.033, which rounds to double", () => {
    // 185/91 − 1 = 1.032967 -> +103.30%; "almost double" is a word figure, p = 10% of 100 = 10:
    // nearly band [100 − max(10, 5), 100 + 10) = [90, 110) holds 103.30 -> consistent, gap 0
    const v = byId.get("alphabet-capex-almost-double")!;
    expect(v).toMatchObject({ verdict: "consistent", gap: 0 });
    expect(v.claimed).toEqual({ low: 90, high: 110, unit: "pct" });
    expect(v.computed.low).toBeCloseTo(100 * (185 / 91 - 1), 9);
  });
  it("the leverage sentence is read for what it asserts (asserts=at_most): 20x, 50x and 100x all consistent", () => {
    // "2%-5%" stretched to zero: (−5.5, 0]; 20x -> −5, 50x -> −2, 100x -> −1 as printed, all inside
    for (const id of ["leverage-20x-wipeout", "leverage-50x-wipeout", "leverage-100x-wipeout"]) {
      expect(byId.get(id), id).toMatchObject({ verdict: "consistent", claimed: { low: -5.5, high: 0, unit: "pct" } });
    }
    // 10x against its own "10%" is not an at_most check: −10 in (−10.5, −9.5]
    expect(byId.get("leverage-10x-wipeout")?.verdict).toBe("consistent");
  });
  it("scope before numbers on the ledger: Gate's ~45–50% (8 Feb) overlaps the drawdown to the 5–6 Feb lows, still a scope mismatch", () => {
    // peak "~$126K": ±max(500, 2520) -> [123480, 128520]; lows "~$60,000–$61,000": [60000 − 1200, 61000 + 1220] = [58800, 62220]
    // drawdown with rounding: 58800/128520 − 1 = −54.248%, 62220/123480 − 1 = −49.611%;
    // claimed "~45–50%": [−50 − max(0.5, 1), −45 + max(0.5, 0.9)] = [−51, −44.1]: they overlap on [−51, −49.611]
    const v = byId.get("btc-drawdown-gate-range-low")!;
    expect(v).toMatchObject({ verdict: "scope_mismatch", gap: 0, claimed: { low: -51, high: -44.1, unit: "pct" } });
    expect(v.computedWithRounding.low).toBeCloseTo(100 * (58800 / 128520 - 1), 6);
    expect(v.computedWithRounding.high).toBeCloseTo(100 * (62220 / 123480 - 1), 6);
    expect(v.reason).toMatch(/the numbers happen to overlap$/);
  });
  it("a February drawdown compounded with January is a scope mismatch against a YTD change", () => {
    expect(byId.get("btc-ytd-jan-plus-feb-gmteight")?.verdict).toBe("scope_mismatch");
  });
  it("a check using the garbled Nakamoto 17:00 figure is ambiguous", () => {
    expect(byId.get("btc-day-start-garbled-17h")).toMatchObject({ verdict: "ambiguous", gap: null, computed: { low: null, high: null } });
  });
  it("issue 12: GMT Eight's '17-Year Peak in U.S. Layoffs' fails against October 2025; its January reading holds", () => {
    expect(byId.get("layoffs-17-year-peak-all-months")).toMatchObject({ verdict: "inconsistent", gap: 16.25 });
    expect(byId.get("layoffs-17-year-peak-january")?.verdict).toBe("consistent");
  });
  it("issue 12: Nakamoto's monthly ETF outflows (7 + 2 + over 3 = over 12) against the tracker's ~$6.18B for November–January", () => {
    // (11, ∞) with slack vs 'about $6.18 billion' [6.0564, 6.3036]: gap 11 − 6.3036 = 4.6964
    const v = byId.get("etf-outflows-nov-jan-vs-cryptoslate")!;
    expect(v.verdict).toBe("inconsistent");
    // rule 3: "more than $3B" reads [2.5, +∞) once rounding is allowed, so the sum is at least
    // 6.5 + 1.5 + 2.5 = 10.5; the tracker's "about $6.18 billion" reaches 6.18 × 1.02 = 6.3036;
    // 10.5 − 6.3036 = 4.1964
    expect(v.gap).toBeCloseTo(4.1964, 9);
  });
  it("issue 12: TradingKey's 'Thursday' for the silver plunge: 5 Feb 2026 was a Thursday", () => {
    // 1 Jan 2026 was a Thursday; 5 Feb is 35 days later, five whole weeks: a Thursday too
    expect(byId.get("cal-silver-thursday")?.verdict).toBe("consistent");
  });
  it("checks an editor would not sign are left out (data/README, 'Checks left out, and why')", () => {
    // "one of its worst sessions in months" has no rank to test; two rolling 24-hour totals collected at unknown times
    // cannot be added
    // a start-of-year price from a level and a year-to-date loss the articles give in different sentences, measured at
    // prices they do not state; a week filled with "several" sessions that Reuters' −1.5% for 4 Feb rules out
    expect(byId.has("nasdaq-worst-session-rank")).toBe(false);
    expect(byId.has("liquidations-two-days-vs-three-days")).toBe(false);
    expect(byId.has("btc-ytd-start-price")).toBe(false);
    expect(byId.has("nasdaq-gate-sessions-compounded-week")).toBe(false);
  });
  it("every verdict shows its arithmetic in plain words: no interval notation, unit ids, claim or row ids", () => {
    for (const v of verdicts) {
      expect(v.working.length, v.id).toBeGreaterThan(10);
      expect(v.working, v.id).not.toMatch(/[[\]()]\s*-?\d|\d\s*[[\])]|∞|Infinity|NaN|undefined|\b(pct|USD_\w+|CNY_\w+|TWD_\w+|index_pts|ratio)\b|\b[a-z]+-\d{3}\b|\br\d{3}\b/);
    }
  });
  it("data/README.md documents every kind with an example row that data/checks.csv really has", () => {
    const readme = fs.readFileSync(path.join("data", "README.md"), "utf8");
    const csv = fs.readFileSync(path.join("data", "checks.csv"), "utf8");
    for (const kind of Object.keys(CHECK_KINDS)) {
      const row = new RegExp(`^\\| \`${kind}\` \\|.*\\| \`([^\`]+),…\` \\|$`, "m").exec(readme);
      expect(row, kind).not.toBeNull();
      expect(csv.includes(`\n${row![1]},`), `${kind}: ${row![1]}`).toBe(true);
    }
  });
  it("the run is deterministic", () => {
    expect(JSON.stringify(runChecks(real, checks))).toBe(JSON.stringify(verdicts));
  });
});
