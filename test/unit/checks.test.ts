import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { asserted, CHECK_KINDS, countCheckOutcomes, loadChecks, parseChecks, parseExpected, parseParams, runChecks, type Check, type CheckVerdict } from "../../src/domain/checks";
import { DataError, DataErrors } from "../../src/data/csv";
import { loadLedger } from "../../src/data/ledger";
import { CHECK_OUTCOMES } from "../../src/domain/recompute";
import type { Claim } from "../../src/data/types";

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
];
const ledger = { byId: new Map(claims.map((c) => [c.id, c])) };
const HEADER = "id,kind,inputs,result,params,statement\n";

function errorsOf(csv: string): DataError[] {
  try {
    parseChecks(HEADER + csv, "data/checks.csv", ledger);
  } catch (e) {
    expect(e).toBeInstanceOf(DataErrors);
    return (e as DataErrors).errors;
  }
  throw new Error("expected parseChecks to throw");
}

function run(csv: string): CheckVerdict[] {
  return runChecks(ledger, parseChecks(HEADER + csv, "data/checks.csv", ledger));
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
    expect(checks).toEqual([{ id: "d1", kind: "drawdown_from_peak", inputs: ["peak", "low"], result: "dd", params: {}, statement: "peak to low", line: 2 }]);
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
    expect(errorsOf("d1,drawdown_from_peak,peak low,dd,margin=1,x\n")[0].message).toMatch(/params "margin" is not a parameter of drawdown_from_peak \(allowed: expected, asserts\)/);
    expect(errorsOf("d1,leverage_wipeout_move,lev10,wipe10,maintenance_margin=2,x\n")[0].message).toMatch(/params maintenance_margin "2" is not a number in \[0, 1\)/);
    expect(errorsOf("d1,implied_fx_rate,cny usd,,expected=abc,x\n")[0].message).toMatch(/params expected "abc" is not LOW\.\.HIGH/);
    expect(errorsOf("d1,drawdown_from_peak,peak low,dd,expected=1..2,x\n")[0].message).toMatch(/expected= is for checks without a result claim/);
  });
  it("asserts= takes only at_most, named with file, line and field", () => {
    const [e] = errorsOf("d1,leverage_wipeout_move,lev100,wipe,asserts=at_least,x\n");
    expect(e.message).toBe('data/checks.csv:2: params asserts="at_least" is not a reading of the sentence (allowed: at_most)');
    expect(e.field).toBe("params");
    // a valid asserts= is kept in params for runChecks
    expect(parseChecks(HEADER + "d1,leverage_wipeout_move,lev100,wipe,asserts=at_most,x\n", "data/checks.csv", ledger)[0].params).toEqual({ asserts: "at_most" });
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

describe("data/checks.csv against the ledger", () => {
  const real = loadLedger();
  const checks: Check[] = loadChecks(path.join("data", "checks.csv"), real);
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
  it("Gate's YTD figures and GMT Eight's imply different start-of-year prices", () => {
    // 69000/0.72 = 95833 vs 60000/0.73 = 82192
    const v = byId.get("btc-ytd-start-price")!;
    expect(v.verdict).toBe("inconsistent");
    expect(v.computed.low).toBeCloseTo(95833.333, 2);
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
  it("the run is deterministic", () => {
    expect(JSON.stringify(runChecks(real, checks))).toBe(JSON.stringify(verdicts));
  });
});
