import { describe, expect, it } from "vitest";
import { interval, point } from "../../src/domain/intervals";
import {
  baseFromChange,
  compoundChange,
  daysOf,
  daysOffWeekdays,
  differenceOf,
  drawdownFromPeak,
  impliedBase,
  impliedFxRate,
  isoWeekday,
  judgeClaim,
  leverageWipeoutMove,
  monthsBetween,
  percentChange,
  probabilitiesSum,
  productOf,
  rankAmong,
  ratioOf,
  reboundFromLow,
  recordSpan,
  remainingChange,
  seriesBracket,
  sumOf,
} from "../../src/domain/recompute";
import type { Interval } from "../../src/data/types";

const INF = Infinity;

function expectInterval(actual: Interval | null | undefined, expected: Interval): void {
  expect(actual).toBeDefined();
  expect(actual).not.toBeNull();
  const a = actual as Interval;
  for (const k of ["low", "high"] as const) {
    if (Number.isFinite(expected[k])) expect(Math.abs(a[k] - expected[k]), k).toBeLessThan(5e-7 * Math.max(1, Math.abs(expected[k])));
    else expect(a[k], k).toBe(expected[k]);
  }
  expect(!!a.lowOpen, "lowOpen").toBe(!!expected.lowOpen);
  expect(!!a.highOpen, "highOpen").toBe(!!expected.highOpen);
}

describe("percentChange(from, to)", () => {
  it("Amazon capex $131B -> $200B is +52.67%", () => {
    // 200/131 = 1.526717…; −1; ×100 = 52.6718
    expectInterval(percentChange(131, 200), { low: 52.67175572519084, high: 52.67175572519084 });
  });
  it("Alphabet capex $91B -> $175–185B is +92.3% to +103.3%", () => {
    // 175/91 = 1.923077 -> 92.3077; 185/91 = 2.032967 -> 103.2967
    expectInterval(percentChange(91, interval(175, 185)), { low: 92.3076923076923, high: 103.2967032967033 });
  });
  it("from zero is undefined", () => {
    expect(percentChange(0, 5)).toBeUndefined();
  });
  it("from a base straddling zero is unbounded", () => {
    expect(percentChange(interval(-1, 2), 5)).toEqual({ low: -INF, high: INF, lowOpen: true, highOpen: true });
  });
});

describe("drawdownFromPeak(peak, level)", () => {
  it("BTC $126K -> $60K is −52.38% (negative for a fall)", () => {
    // 60/126 = 0.476190; −1 = −0.523810 -> −52.381
    expectInterval(drawdownFromPeak(126000, 60000), { low: -52.38095238095238, high: -52.38095238095238 });
  });
  it("a level given as 'below $65,000' gives an open drawdown (−∞, −48.50%)", () => {
    // (−∞, 65000)/126223 − 1: 126223 × 0.515 = 65004.845, so 65000/126223 = 0.515 − 4.845/126223
    // = 0.515 − 0.00003838 = 0.51496162 -> −48.503838 (the ledger does not say prices are ≥ 0)
    expectInterval(drawdownFromPeak(126223, interval(-INF, 65000, true, true)), { low: -INF, high: -48.503838, lowOpen: true, highOpen: true });
  });
  it("a level above the peak gives a positive number (no clipping)", () => {
    expectInterval(drawdownFromPeak(100, 110), { low: 10, high: 10 });
  });
});

describe("reboundFromLow(low, level)", () => {
  it("BTC $60–62K -> $69.9–70.5K is +12.74% to +17.5%", () => {
    // min 69900/62000 = 1.127419 -> 12.742; max 70500/60000 = 1.175 -> 17.5
    expectInterval(reboundFromLow(interval(60000, 62000), interval(69900, 70500)), { low: 12.741935483870968, high: 17.5 });
  });
  it("from an open low 'over 10' to 11 is below +10%", () => {
    // 11/(10, ∞) = (0, 1.1) -> (−100, 10)
    expectInterval(reboundFromLow(interval(10, INF, true), 11), { low: -100, high: 10, lowOpen: true, highOpen: true });
  });
});

describe("impliedBase(value, change)", () => {
  it("'$175–185B, doubling from X' gives X = $87.5–92.5B", () => {
    // 175/2 = 87.5, 185/2 = 92.5
    expectInterval(impliedBase(interval(175, 185), 100), { low: 87.5, high: 92.5 });
  });
  it("a 27% YTD fall to $60K implies a start of $82,191.78", () => {
    // 60000/0.73 = 82191.78
    expectInterval(impliedBase(60000, -27), { low: 82191.78082191781, high: 82191.78082191781 });
  });
  it("a change of exactly −100% leaves no base (undefined)", () => {
    expect(impliedBase(50, -100)).toBeUndefined();
  });
});

describe("baseFromChange(amount, change)", () => {
  it("Microsoft lost $357B = 10% -> a base of $3,570B", () => {
    // −357 / −0.10 = 3570
    expectInterval(baseFromChange(-357, -10), { low: 3570, high: 3570 });
  });
  it("both figures 'more than' leave the base open: (0, +∞)", () => {
    // (−∞, −357) / (−∞, −0.1): ends −357/−0.1 = 3570 never attained, −357/−∞ = 0, −∞/−0.1 = +∞ -> (0, +∞)
    expectInterval(baseFromChange(interval(-INF, -357, true, true), interval(-INF, -10, true, true)), { low: 0, high: INF, lowOpen: true, highOpen: true });
  });
  it("a change of 0% has no base", () => {
    expect(baseFromChange(5, 0)).toBeUndefined();
  });
});

describe("impliedFxRate(amountA, amountB)", () => {
  it("RMB 17.3B for US$2.5B is 6.92 CNY per USD", () => {
    // 17.3 / 2.5 = 6.92
    expectInterval(impliedFxRate(17.3, 2.5), { low: 6.92, high: 6.92 });
  });
  it("2,481.2B yuan for $357B is 6.9502 CNY per USD", () => {
    // 2481.2 / 357 = 6.950140
    expectInterval(impliedFxRate(2481.2, 357), { low: 6.950140056022409, high: 6.950140056022409 });
  });
  it("23M yuan for NT$100M is 0.23 CNY per TWD", () => {
    expectInterval(impliedFxRate(23, 100), { low: 0.23, high: 0.23 });
  });
});

describe("leverageWipeoutMove(leverage, maintenanceMargin)", () => {
  it("10x is wiped out by a 10% fall", () => {
    // 1/10 = 0.10 -> −10%
    expectInterval(leverageWipeoutMove(10), { low: -10, high: -10 });
  });
  it("20x, 50x and 100x: 5%, 2% and 1%", () => {
    expectInterval(leverageWipeoutMove(20), { low: -5, high: -5 });
    expectInterval(leverageWipeoutMove(50), { low: -2, high: -2 });
    expectInterval(leverageWipeoutMove(100), { low: -1, high: -1 });
  });
  it("a 0.5% maintenance margin liquidates 10x at a 9.5% fall", () => {
    // 0.10 − 0.005 = 0.095 -> −9.5%
    expectInterval(leverageWipeoutMove(10, 0.005), { low: -9.5, high: -9.5 });
  });
  it("a leverage range maps to a range of moves", () => {
    // 1/[20, 100] = [0.01, 0.05] -> [−5, −1]
    expectInterval(leverageWipeoutMove(interval(20, 100)), { low: -5, high: -1 });
  });
  it("rejects zero or negative leverage and impossible margins", () => {
    expect(() => leverageWipeoutMove(0)).toThrow(/invalid leverage: 0/);
    expect(() => leverageWipeoutMove(-5)).toThrow(/invalid leverage/);
    expect(() => leverageWipeoutMove(10, 0.2)).toThrow(/invalid maintenance margin: 0\.2/);
    expect(() => leverageWipeoutMove(10, -0.01)).toThrow(/invalid maintenance margin/);
  });
});

describe("sumOf, differenceOf, ratioOf, productOf", () => {
  it("sumOf: Nov $7B + Dec $2B + Jan over $3B is over $12B", () => {
    expectInterval(sumOf([7, 2, interval(3, INF, true)]), { low: 12, high: INF, lowOpen: true, highOpen: true });
  });
  it("sumOf of nothing is a RangeError", () => {
    expect(() => sumOf([])).toThrow(/at least one/);
  });
  it("differenceOf: bought 46,000 and sold 10,600 is a 56,600-coin swing", () => {
    // 46000 − (−10600) = 56600
    expectInterval(differenceOf(46000, -10600), { low: 56600, high: 56600 });
  });
  it("differenceOf: crypto cap $4.4T -> $2.3–2.4T lost $2.0–2.1T", () => {
    // 2.3 − 4.4 = −2.1; 2.4 − 4.4 = −2.0
    expectInterval(differenceOf(interval(2.3, 2.4), 4.4), { low: -2.1, high: -2.0 });
  });
  it("ratioOf: position 10,000 / principal 1,000 = 10x; by zero undefined", () => {
    expectInterval(ratioOf(10000, 1000), { low: 10, high: 10 });
    expect(ratioOf(1, 0)).toBeUndefined();
  });
  it("productOf: 1,000 × 10 = 10,000", () => {
    expectInterval(productOf(1000, 10), { low: 10000, high: 10000 });
  });
});

describe("compoundChange(changes)", () => {
  it("−10% then −20% is −28%", () => {
    // 0.9 × 0.8 = 0.72 -> −28
    expectInterval(compoundChange([-10, -20]), { low: -28, high: -28 });
  });
  it("open falls are clipped at −100%: 'over 10%' then 'over 20%' is (−100, −28)", () => {
    // factors [0, 0.9) and [0, 0.8) -> [0, 0.72) -> [−100, −28)
    expectInterval(compoundChange([interval(-INF, -10, true, true), interval(-INF, -20, true, true)]), { low: -100, high: -28, highOpen: true });
  });
  it("a change entirely below −100% is a RangeError", () => {
    expect(() => compoundChange([-150])).toThrow(/below −100% is impossible/);
  });
});

describe("probabilitiesSum(probabilities)", () => {
  it("base 60–70% + bear 30–40% = 90–110%", () => {
    expectInterval(probabilitiesSum([interval(60, 70), interval(30, 40)]), { low: 90, high: 110 });
  });
});

describe("judgeClaim: every verdict", () => {
  const pct = "pct";
  it("consistent when the printed figures land inside the claim", () => {
    // claimed −52% = (−52.5, −51.5]; 126K -> 60K = −52.38
    const j = judgeClaim({ claimed: interval(-52.5, -51.5, true), computedNominal: point(-52.38), computedEffective: interval(-52.8, -51.9), unit: pct });
    expect(j).toMatchObject({ verdict: "consistent", gap: 0 });
    expect(j.reason).toMatch(/as printed give -52\.38 pct, inside the claimed \(-52\.5, -51\.5\] pct/);
  });
  it("consistent says 'overlapping' when only part of an open result fits, and names a reference target", () => {
    // (−∞, −52.38) meets (−52.5, −51.5] on (−52.5, −52.38): overlapping, not inside
    const j = judgeClaim({ claimed: interval(-52.5, -51.5, true), computedNominal: interval(-INF, -52.38, true, true), computedEffective: interval(-INF, -52.3, true, true), unit: pct });
    expect(j.reason).toMatch(/overlapping the claimed/);
    const r = judgeClaim({ claimed: point(100), computedNominal: interval(90, 110), computedEffective: interval(89, 111), unit: pct, targetLabel: "reference" });
    expect(r.reason).toMatch(/\[90, 110\] pct, overlapping the reference 100 pct/);
  });
  it("consistent_within_rounding when only the rounded inputs reach the claim; gap from the printed result", () => {
    // claimed (−52.5, −51.5]; printed −52.54 is 0.04 beyond −52.5
    const j = judgeClaim({ claimed: interval(-52.5, -51.5, true), computedNominal: point(-52.54), computedEffective: interval(-52.73, -52.35), unit: pct });
    expect(j.verdict).toBe("consistent_within_rounding");
    expect(j.gap).toBeCloseTo(0.04, 9);
    expect(j.reason).toMatch(/0\.04 pct outside the claimed/);
  });
  it("inconsistent when even the widened computation misses; gap from the widened result", () => {
    // claimed [55999.5, 56000.5) vs (56599.5, ∞): 56599.5 − 56000.5 = 599
    const j = judgeClaim({ claimed: interval(55999.5, 56000.5, false, true), computedNominal: interval(56600, INF, true), computedEffective: interval(56599.5, INF, true), unit: "coins" });
    expect(j.verdict).toBe("inconsistent");
    expect(j.gap).toBe(599);
    expect(j.reason).toMatch(/599 coins from the computed/);
  });
  it("scope_mismatch instead of inconsistent when the claim measures something else", () => {
    const j = judgeClaim({ claimed: interval(-51, -44.1), computedNominal: point(-52.2), computedEffective: interval(-53, -51.5), unit: pct, scopeIssues: ["dated 2026-02-08, the level 2026-02-05"] });
    expect(j.verdict).toBe("scope_mismatch");
    expect(j.gap).toBeCloseTo(0.5, 9); // −51 − (−51.5)
    expect(j.reason).toMatch(/measure different things \(dated 2026-02-08, the level 2026-02-05\); they are 0\.5 pct apart/);
  });
  it("scope before numbers: a scope issue wins even when the numbers agree", () => {
    // 1.5 lies inside [1, 2], but a figure of another scope is not tested against the computation
    const j = judgeClaim({ claimed: interval(1, 2), computedNominal: point(1.5), computedEffective: point(1.5), unit: pct, scopeIssues: ["a YTD change against a monthly move"] });
    expect(j).toMatchObject({ verdict: "scope_mismatch", gap: 0 });
    expect(j.reason).toMatch(/\(a YTD change against a monthly move\); the numbers happen to overlap$/);
  });
  it("scope before numbers, but after ambiguity: a garbled input is still ambiguous", () => {
    const j = judgeClaim({ claimed: interval(1, 2), computedNominal: point(1.5), computedEffective: point(1.5), unit: pct, garbled: ["nakamoto-013"], scopeIssues: ["x"] });
    expect(j.verdict).toBe("ambiguous");
  });
  it("ambiguous for garbled inputs, undefined or doubly unbounded computations, and nothing claimed", () => {
    expect(judgeClaim({ claimed: point(1), computedNominal: point(1), computedEffective: point(1), unit: pct, garbled: ["nakamoto-013"] })).toMatchObject({ verdict: "ambiguous", gap: null });
    expect(judgeClaim({ claimed: point(1), computedNominal: undefined, computedEffective: undefined, unit: pct }).reason).toMatch(/division by exactly zero/);
    expect(judgeClaim({ claimed: point(1), computedNominal: interval(-INF, INF), computedEffective: interval(-INF, INF), unit: pct }).reason).toMatch(/unbounded both ways/);
    expect(judgeClaim({ claimed: undefined, computedNominal: point(3570), computedEffective: point(3570), unit: "USD_bn" }).reason).toMatch(/nothing to compare with; the figures give 3570 USD_bn/);
  });
  it("tolerates float noise at a closed end: 100 × (0.9 − 1) = −9.999999999999998 is inside [−10, −9]", () => {
    expect(judgeClaim({ claimed: interval(-10, -9), computedNominal: point(100 * (0.9 - 1)), computedEffective: point(-10), unit: pct }).verdict).toBe("consistent");
    expect(judgeClaim({ claimed: interval(-11, -10.0000000000001), computedNominal: point(-10), computedEffective: point(-10), unit: pct }).verdict).toBe("consistent");
  });
});

describe("remainingChange(whole, parts): the change over the rest of a window", () => {
  it("a week down 4–6% with a Friday rebound of +2.2% leaves Monday–Thursday down 6.07% to 8.02%", () => {
    // 0.94 / 1.022 = 0.919765… -> −8.0235%; 0.96 / 1.022 = 0.939335… -> −6.0665%
    expectInterval(remainingChange({ low: -6, high: -4 }, [2.2]), { low: -8.023483365949124, high: -6.06653620352251 });
  });
  it("is the inverse of compoundChange: −10% then −20% is −28%, and −28% with −20% leaves −10%", () => {
    // 0.9 × 0.8 = 0.72; 0.72 / 0.8 = 0.9
    expectInterval(remainingChange(-28, [-20]), point(-10));
  });
  it("takes several parts: −27% for the year with −16% and +5% leaves 0.73 / (0.84 × 1.05) − 1 = −17.23%", () => {
    // 0.84 × 1.05 = 0.882; 0.73 / 0.882 = 0.827664… -> −17.2336%
    expectInterval(remainingChange(-27, [-16, 5]), point(-17.233560090702948));
  });
  it("a part of exactly −100% leaves nothing to change (undefined); a change below −100% throws", () => {
    expect(remainingChange(-50, [-100])).toBeUndefined();
    expect(() => remainingChange(-150, [2])).toThrow(/a change below −100% is impossible/);
  });
});

describe("rankAmong(x, others, order)", () => {
  it("−1.6% beside three sessions of −1.8% to −2.5% is the 4th lowest at best and at worst", () => {
    // each −1.8..−2.5 lies entirely below −1.6: three surely lower -> ranks [1 + 3, 1 + 3]
    const s = interval(-2.5, -1.8);
    expectInterval(rankAmong(-1.6, [s, s, s], "lowest"), point(4));
  });
  it("an open-ended other ('more than 1% lower') may or may not be beyond: ranks 1 to 2", () => {
    expectInterval(rankAmong(-5, [interval(-Infinity, -1, true, true)], "lowest"), interval(1, 2));
  });
  it("a tie does not push the figure down; order=highest mirrors order=lowest", () => {
    expectInterval(rankAmong(10, [10, 12, 8], "highest"), point(2));
    expectInterval(rankAmong(10, [10, 12, 8], "lowest"), point(2));
  });
  it("an overlapping other counts only as possibly beyond: −36% vs −30% to −40% ranks 1 to 2", () => {
    expectInterval(rankAmong(-36, [interval(-40, -30)], "lowest"), interval(1, 2));
  });
});

describe("monthsBetween(from, to) and recordSpan(record, earlier, order)", () => {
  it("October 2024 to 6 Feb 2026 is 16 months; October–December 2024 gives 14 to 16", () => {
    // (2026 × 12 + 1) − (2024 × 12 + 9) = 16; from December: 16 − 2 = 14
    expectInterval(monthsBetween("2024-10", "2026-02-06"), point(16));
    expectInterval(monthsBetween("2024-10/2024-12", "2026-02-06"), interval(14, 16));
  });
  it("a whole year as the start spans its twelve months: 2009 to January 2026 is 193 to 204 months", () => {
    // from December 2009: 17 × 12 − 11 = 193; from January 2009: 17 × 12 = 204
    expectInterval(monthsBetween("2009", "2026-01"), interval(193, 204));
  });
  it("January 2026's 108,435 job cuts, beaten by October 2025's 153,074, were at most a 3-month high", () => {
    // 153,074 > 108,435 and October 2025 -> January 2026 is 3 months: (0, 3]
    expectInterval(recordSpan({ value: 108435, asOf: "2026-01" }, [{ value: 153074, asOf: "2025-10" }], "highest"), interval(0, 3, true));
  });
  it("the latest beating figure decides; lower, later or same-month figures are ignored", () => {
    const earlier = [
      { value: 241749, asOf: "2009-01" }, // beats it, 204 months back
      { value: 153074, asOf: "2025-10" }, // beats it, 3 months back: the latest
      { value: 90000, asOf: "2025-12" }, // lower: ignored
      { value: 200000, asOf: "2026-01" }, // same month: ignored
    ];
    expectInterval(recordSpan({ value: 108435, asOf: "2026-01" }, earlier, "highest"), interval(0, 3, true));
  });
  it("with no earlier figure beyond it the span is open above; order=lowest works for lows", () => {
    expectInterval(recordSpan({ value: 100, asOf: "2026-01" }, [{ value: 90, asOf: "2025-01" }], "highest"), interval(0, Infinity, true, true));
    // a low of 60,000 in Feb 2026, beaten (lower) by 58,900 in Oct 2024: at most a 16-month low
    expectInterval(recordSpan({ value: 60000, asOf: "2026-02-06" }, [{ value: 58900, asOf: "2024-10" }], "lowest"), interval(0, 16, true));
  });
  it("a figure only possibly beyond (overlapping with rounding) does not end the record", () => {
    expectInterval(recordSpan({ value: interval(99, 101), asOf: "2026-01" }, [{ value: interval(100, 102), asOf: "2025-01" }], "highest"), interval(0, Infinity, true, true));
  });
});

describe("isoWeekday, daysOf and daysOffWeekdays: calendar facts", () => {
  it("5 Feb 2026 was a Thursday, 7 Feb a Saturday, 29 Jan a Thursday (checked with `date`)", () => {
    // `date -d 2026-02-05 +%A` -> Thursday; 2026-02-07 -> Saturday; 2026-01-29 -> Thursday
    expect([isoWeekday("2026-02-05"), isoWeekday("2026-02-07"), isoWeekday("2026-01-29")]).toEqual([4, 6, 4]);
  });
  it("rejects a day that does not exist", () => {
    expect(() => isoWeekday("2026-02-30")).toThrow(/invalid day/);
  });
  it("daysOf lists every day of a range, a month or a year", () => {
    expect(daysOf("2026-02-06/2026-02-07")).toEqual(["2026-02-06", "2026-02-07"]);
    expect(daysOf("2026-02")).toHaveLength(28);
    expect(daysOf("2024")).toHaveLength(366);
  });
  it("'February 6–7' has one day off Monday–Friday (the Saturday); 'Thursday' fits 5 Feb", () => {
    expectInterval(daysOffWeekdays("2026-02-06/2026-02-07", [1, 2, 3, 4, 5]), point(1));
    expectInterval(daysOffWeekdays("2026-02-05", [4]), point(0));
    expectInterval(daysOffWeekdays("2026-02-06", [4]), point(1));
  });
});

describe("seriesBracket(before, after)", () => {
  it("a correlation rising from −0.68 to +0.72 lay between them in between", () => {
    expectInterval(seriesBracket(-0.68, 0.72), interval(-0.68, 0.72));
  });
  it("keeps the order-free hull of two intervals, open ends included", () => {
    expectInterval(seriesBracket(interval(0.8, 0.9, false, true), 0.7), interval(0.7, 0.9, false, true));
  });
});
