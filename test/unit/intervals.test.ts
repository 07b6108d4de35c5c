import { describe, expect, it } from "vitest";
import { add, contains, distance, div, formatInterval, hull, interval, intersect, intersectAll, midpoint, mul, neg, pctChange, point, reciprocal, sub, toBounds, width } from "../../src/domain/intervals";
import { convertInterval, conversionFactor, sameDimension, unitInfo } from "../../src/domain/units";
import { claimPrecision, effectiveInterval, isStrictHedge, nominalInterval, printedInterval, printedNumbers, printedPrecision, significantHalfUnit, unitMagnitude, type HedgeInput } from "../../src/domain/hedges";
import type { Interval } from "../../src/data/types";

/** Compares an interval with a tolerance on its ends and exactly on its open flags. */
function expectInterval(actual: Interval | null | undefined, expected: Interval): void {
  expect(actual).toBeDefined();
  expect(actual).not.toBeNull();
  const a = actual as Interval;
  for (const k of ["low", "high"] as const) {
    if (Number.isFinite(expected[k])) expect(a[k], k).toBeCloseTo(expected[k], 9);
    else expect(a[k], k).toBe(expected[k]);
  }
  expect(!!a.lowOpen, "lowOpen").toBe(!!expected.lowOpen);
  expect(!!a.highOpen, "highOpen").toBe(!!expected.highOpen);
}

const claim = (c: Partial<HedgeInput> & Pick<HedgeInput, "raw">): HedgeInput => ({
  low: null,
  high: null,
  qualifier: "exact",
  unit: "pct",
  hedge: "",
  ...c,
});
const INF = Infinity;

describe("interval construction", () => {
  it("interval(low, high) omits false open flags and marks infinite ends open", () => {
    expect(interval(1, 2)).toEqual({ low: 1, high: 2 });
    expect(interval(-INF, 3)).toEqual({ low: -INF, high: 3, lowOpen: true });
  });
  it("interval() rejects NaN, reversed and empty intervals with a RangeError", () => {
    expect(() => interval(NaN, 1)).toThrow(/^invalid interval/);
    expect(() => interval(2, 1)).toThrow(/invalid interval: \[2, 1\]/);
    expect(() => interval(1, 1, true)).toThrow(/empty/);
  });
  it("point(x) is the closed interval [x, x]", () => {
    expect(point(-52)).toEqual({ low: -52, high: -52 });
  });
});

describe("inspection", () => {
  it("contains() respects open ends", () => {
    const iv = interval(125500, 126500, false, true); // [125.5K, 126.5K)
    expect(contains(iv, 125500)).toBe(true);
    expect(contains(iv, 126500)).toBe(false);
    expect(contains(interval(10, INF, true), 10)).toBe(false);
    expect(contains(interval(10, INF, true), 1e12)).toBe(true);
  });
  it("width() is high − low and Infinity when unbounded", () => {
    expect(width(interval(2.25, 2.45))).toBeCloseTo(0.2, 12); // 2.45 − 2.25
    expect(width(interval(-INF, -8))).toBe(INF);
  });
  it("midpoint() is the centre of a bounded interval and null for an unbounded one", () => {
    expect(midpoint(interval(60000, 62000))).toBe(61000); // (60000 + 62000) / 2
    expect(midpoint(interval(-INF, -8))).toBeNull();
  });
  it("intersect() keeps the tighter end and its openness; null when disjoint or touching at an open end", () => {
    // [0, 2] ∩ (1, 3] = (1, 2]
    expect(intersect(interval(0, 2), interval(1, 3, true))).toEqual({ low: 1, high: 2, lowOpen: true });
    // equal ends: open if either is open
    expect(intersect(interval(0, 2, false, true), interval(1, 2))).toEqual({ low: 1, high: 2, highOpen: true });
    expect(intersect(interval(0, 1), interval(2, 3))).toBeNull();
    expect(intersect(interval(0, 1, false, true), interval(1, 2))).toBeNull();
    expect(intersect(interval(0, 1), interval(1, 2))).toEqual({ low: 1, high: 1 });
  });
  it("intersect() with a ray and the whole line", () => {
    expect(intersect(interval(-INF, -50, true, true), interval(-55, -45, true))).toEqual({ low: -55, high: -50, lowOpen: true, highOpen: true });
    expect(intersect(interval(-INF, INF), interval(1, 2))).toEqual({ low: 1, high: 2 });
  });
  it("intersectAll() of nothing is null", () => {
    expect(intersectAll([])).toBeNull();
    expect(intersectAll([interval(0, 1), interval(2, 3), interval(0, 5)])).toBeNull();
  });
  it("hull() keeps an end closed if either interval attains it", () => {
    expect(hull(interval(1, 2, true), interval(1, 3, false, true))).toEqual({ low: 1, high: 3, highOpen: true });
  });
  it("distance() is 0 for overlapping intervals and the gap otherwise", () => {
    expect(distance(interval(0, 2), interval(1, 3))).toBe(0);
    expect(distance(interval(-55, -45), interval(-60, -52.6))).toBe(0);
    // [59799.5, 59800.5) and [59999.5, 60000.5): 59999.5 − 59800.5 = 199
    expect(distance(interval(59799.5, 59800.5, false, true), interval(59999.5, 60000.5, false, true))).toBe(199);
  });
  it("toBounds() turns infinite ends into null so that JSON never holds Infinity", () => {
    expect(toBounds(interval(-INF, -8, true, true))).toEqual({ low: null, high: -8 });
    expect(JSON.stringify(toBounds(interval(1, INF)))).toBe('{"low":1,"high":null}');
  });
  it("formatInterval() writes brackets for closed ends, parentheses for open ones", () => {
    expect(formatInterval(interval(-INF, -8, true, true))).toBe("(−∞, -8)");
    expect(formatInterval(interval(59999.5, 60000.5, false, true))).toBe("[59999.5, 60000.5)");
  });
});

describe("interval arithmetic", () => {
  it("neg() mirrors the interval and swaps the open flags", () => {
    expect(neg(interval(1, 2, false, true))).toEqual({ low: -2, high: -1, lowOpen: true });
  });
  it("add() adds ends; an end is open when either contributing end is", () => {
    // [1, 2] + (3, 4] = (4, 6]
    expect(add(interval(1, 2), interval(3, 4, true))).toEqual({ low: 4, high: 6, lowOpen: true });
    // [1, 2] + (10, +∞) = (11, +∞)
    expect(add(interval(1, 2), interval(10, INF, true))).toEqual({ low: 11, high: INF, lowOpen: true, highOpen: true });
  });
  it("sub() is a + (−b): over 46,000 bought minus 10,600 sold is over 56,600", () => {
    // (46000, +∞) − [-10600, -10600] = (56600, +∞)
    expect(sub(interval(46000, INF, true), -10600)).toEqual({ low: 56600, high: INF, lowOpen: true, highOpen: true });
  });
  it("mul() takes the extreme end products, including mixed signs", () => {
    // [2, 3] × [−1, 4]: products −2, 8, −3, 12 -> [−3, 12]
    expect(mul(interval(2, 3), interval(-1, 4))).toEqual({ low: -3, high: 12 });
    // [−2, −1] × [−3, −2]: products 6, 4, 3, 2 -> [2, 6]
    expect(mul(interval(-2, -1), interval(-3, -2))).toEqual({ low: 2, high: 6 });
  });
  it("mul() with infinite ends takes 0 × ∞ as 0 and keeps an attained zero closed", () => {
    // [0, 1] × [1, +∞): 0·1 = 0 (attained), 1·∞ = ∞ -> [0, +∞)
    expect(mul(interval(0, 1), interval(1, INF))).toEqual({ low: 0, high: INF, highOpen: true });
    // (0, 1] × [1, +∞): 0 is not attained -> (0, +∞)
    expect(mul(interval(0, 1, true), interval(1, INF))).toEqual({ low: 0, high: INF, lowOpen: true, highOpen: true });
    // (−∞, −10) × 0.01 = (−∞, −0.1)
    expectInterval(mul(interval(-INF, -10, true, true), 0.01), { low: -INF, high: -0.1, lowOpen: true, highOpen: true });
  });
  it("mul() keeps an open end open: [2, 3) × [2, 2] = [4, 6)", () => {
    expect(mul(interval(2, 3, false, true), 2)).toEqual({ low: 4, high: 6, highOpen: true });
  });
  it("reciprocal() of a positive or negative interval swaps and inverts the ends", () => {
    // 1/[2, 4] = [0.25, 0.5]
    expect(reciprocal(interval(2, 4))).toEqual({ low: 0.25, high: 0.5 });
    // 1/(−∞, −357) = (−1/357, 0): 1/−∞ = 0 is never attained
    expectInterval(reciprocal(interval(-INF, -357, true, true)), { low: -1 / 357, high: 0, lowOpen: true, highOpen: true });
  });
  it("division by exactly zero is undefined", () => {
    expect(reciprocal(0)).toBeUndefined();
    expect(div(5, 0)).toBeUndefined();
    expect(div(interval(1, 2), interval(0, 0))).toBeUndefined();
  });
  it("division by an interval straddling zero is the whole line", () => {
    expect(div(1, interval(-1, 1))).toEqual({ low: -INF, high: INF, lowOpen: true, highOpen: true });
  });
  it("division by an interval with zero as an end is a ray", () => {
    // 1/[0, 2] = [0.5, +∞)
    expect(div(1, interval(0, 2))).toEqual({ low: 0.5, high: INF, highOpen: true });
    // 1/[−4, 0] = (−∞, −0.25]
    expect(div(1, interval(-4, 0))).toEqual({ low: -INF, high: -0.25, lowOpen: true });
  });
  it("div() of ranges: [175, 185] / 2 = [87.5, 92.5]", () => {
    expect(div(interval(175, 185), 2)).toEqual({ low: 87.5, high: 92.5 });
  });
  it("pctChange(from, to) is 100 × (to/from − 1) with every end combination", () => {
    // 126000 -> 60000: 60000/126000 = 0.476190…, −0.523809… × 100 = −52.380952…
    expectInterval(pctChange(126000, 60000), { low: -52.38095238095238, high: -52.38095238095238 });
    // 4.4 -> [2.3, 2.4]: 2.3/4.4 − 1 = −0.477272…, 2.4/4.4 − 1 = −0.454545…
    expectInterval(pctChange(4.4, interval(2.3, 2.4)), { low: -47.72727272727273, high: -45.45454545454545 });
  });
  it("pctChange() from a base of zero is undefined, from a base straddling zero unbounded", () => {
    expect(pctChange(0, 10)).toBeUndefined();
    expect(pctChange(interval(-1, 1), 10)).toEqual({ low: -INF, high: INF, lowOpen: true, highOpen: true });
  });
  it("pctChange() of a negative change and open bounds: from over 100 to 50 is a fall of (−50, −100]... i.e. (−100, −50)", () => {
    // 50/(100, +∞) = (0, 0.5); −1 -> (−1, −0.5); × 100 -> (−100, −50)
    expectInterval(pctChange(interval(100, INF, true), 50), { low: -100, high: -50, lowOpen: true, highOpen: true });
  });
});

describe("units", () => {
  it("unitInfo() knows every ledger unit and rejects unknown ones", () => {
    expect(unitInfo("USD_tn")).toEqual({ dimension: "USD", scale: 1e12 });
    expect(unitInfo("CNY_per_USD")).toEqual({ dimension: "CNY_per_USD", scale: 1 });
    expect(() => unitInfo("EUR_bn")).toThrow(/unknown unit "EUR_bn"/);
  });
  it("sameDimension() separates currencies and joins x with ratio, years with months", () => {
    expect(sameDimension("USD", "USD_bn")).toBe(true);
    expect(sameDimension("CNY_bn", "USD_bn")).toBe(false);
    expect(sameDimension("x", "ratio")).toBe(true);
    expect(sameDimension("years", "months")).toBe(true);
  });
  it("convertInterval() scales between USD_bn and USD_tn, and years to months", () => {
    // −800 bn = −0.8 tn
    expectInterval(convertInterval(point(-800), "USD_bn", "USD_tn"), { low: -0.8, high: -0.8 });
    // 17 years = 204 months
    expect(convertInterval(point(17), "years", "months")).toEqual({ low: 204, high: 204 });
    expect(conversionFactor("USD_tn", "USD_bn")).toBe(1000);
  });
  it("convertInterval() across dimensions throws a RangeError naming both units", () => {
    expect(() => convertInterval(point(1), "USD_bn", "CNY_bn")).toThrow(/cannot convert USD_bn to CNY_bn/);
  });
  it("unitMagnitude() reads the _mn/_bn/_tn suffix only", () => {
    expect(unitMagnitude("TWD_mn")).toBe(1e6);
    expect(unitMagnitude("pct")).toBe(1);
  });
});

describe("printed precision: half a unit of the last significant digit", () => {
  it("printedNumbers() reads digits, decimals and K/B/T and word suffixes", () => {
    expect(printedNumbers("$126,223").map((n) => [n.value, n.decimals, n.suffixScale])).toEqual([[126223, 0, 1]]);
    expect(printedNumbers("US$402.84 billion").map((n) => [n.value, n.decimals, n.suffixScale])).toEqual([[402.84, 2, 1e9]]);
    expect(printedNumbers("$2 Trillion")[0].suffixScale).toBe(1e12);
    expect(printedNumbers("59800Dollar")[0].suffixScale).toBe(1); // "D" is no suffix
  });
  it('"$126K" in USD is good to 500 USD (half of 1K)', () => {
    expect(printedPrecision("$126K", 126000, "USD")).toBe(500);
  });
  it('"$126,223" is good to 0.5 USD', () => {
    expect(printedPrecision("$126,223", 126223, "USD")).toBe(0.5);
  });
  it('"2.2%" is good to 0.05 pct; "0.72" to 0.005', () => {
    expect(printedPrecision("+2.2%", 2.2, "pct")).toBe(0.05);
    expect(printedPrecision("0.72", 0.72, "ratio")).toBe(0.005);
  });
  it('"~$4.4T" in USD_tn is good to 0.05 tn; "~$800B" in USD_bn to 5 bn; "NT$100 million" in TWD_mn to 5', () => {
    // 4.4: one decimal -> 0.05
    expect(printedPrecision("~$4.4T", 4.4, "USD_tn")).toBe(0.05);
    // "800": two trailing zeros, but zeros count up to the 2nd significant digit: "80|0" -> half of 10 = 5
    expect(printedPrecision("~$800B", -800, "USD_bn")).toBe(5);
    // "100": likewise "10|0" -> 5 (million in TWD_mn)
    expect(printedPrecision("NT$100 million", 100, "TWD_mn")).toBe(5);
  });
  it('a range end without a suffix borrows its partner\'s: "$70–$80K" -> 70 is 70K, good to 500', () => {
    expect(printedPrecision("$70–$80K", 70000, "USD")).toBe(500);
  });
  it("a word figure has no printed precision", () => {
    expect(printedPrecision("halved", -50, "pct")).toBeNull();
    expect(printedPrecision("since September 2020", 63, "months")).toBeNull();
  });
  it('printedPrecision reads "$60,000" like "$60K": ±500', () => {
    // "60,000": digits 6 0 0 0 0; significant up to "60", the three zeros after are rounding -> 0.5 × 10³ = 500
    expect(printedPrecision("$60,000", 60000, "USD")).toBe(500);
    // "$60K": 60 × 1000, last digit the units of 60 -> 0.5 × 1000 = 500
    expect(printedPrecision("$60K", 60000, "USD")).toBe(500);
  });
  it('a trailing zero after the second significant digit is not significant: "59,800" ±50, "570,000" ±5,000', () => {
    // "59,800": 5 digits, 2 trailing zeros; up to 5 − 2 = 3 may be dropped, so both are -> 0.5 × 10² = 50
    expect(printedPrecision("59,800", 59800, "USD")).toBe(50);
    // "570,000": 6 digits, 4 trailing zeros, at most 6 − 2 = 4 dropped -> 0.5 × 10⁴ = 5,000
    expect(printedPrecision("570,000", 570000, "people")).toBe(5000);
  });
  it('a single printed digit keeps its own precision: "$3 billion" ±0.5 bn, "$126,223" ±0.5', () => {
    // "3": no trailing zeros -> 0.5, scaled by billion into USD_bn -> 0.5
    expect(printedPrecision("$3 billion", 3, "USD_bn")).toBe(0.5);
    // "126,223" ends in a non-zero digit -> 0.5
    expect(printedPrecision("$126,223", 126223, "USD")).toBe(0.5);
  });
  it('"100%" is good to 5 points and "20%" to half a point: two significant digits is the coarsest reading', () => {
    // "100": 3 digits, 2 trailing zeros, at most 3 − 2 = 1 dropped -> 0.5 × 10 = 5
    expect(printedPrecision("100%", 100, "pct")).toBe(5);
    // "20": 2 digits, at most 2 − 2 = 0 dropped -> 0.5
    expect(printedPrecision("20%", -20, "pct")).toBe(0.5);
  });
  it("significantHalfUnit() is decimals first, then trailing zeros beyond the 2nd significant digit", () => {
    const n = (text: string, decimals = 0) => ({ text, value: Number(text.replace(/,/g, "")), decimals, suffixScale: 1 });
    expect(significantHalfUnit(n("2.20", 2))).toBe(0.005); // decimals are always significant
    expect(significantHalfUnit(n("1,000"))).toBe(50); // "10|00" -> 0.5 × 10²
    expect(significantHalfUnit(n("10,000"))).toBe(500); // "10|000" -> 0.5 × 10³
    expect(significantHalfUnit(n("7"))).toBe(0.5);
    expect(significantHalfUnit(n("0"))).toBe(0.5); // "0" alone: one digit, nothing dropped
  });
  it("claimPrecision() gives a range the finer precision of its ends and a word figure 10% of its value", () => {
    // "$1–1.8 trillion": 1 -> 0.5 tn, 1.8 -> 0.05 tn; finer = 0.05
    expect(claimPrecision({ low: -1.8, high: -1, raw: "Over $1–1.8 trillion", unit: "USD_tn" })).toBe(0.05);
    // "doubling" = 100 pct, 10% -> 10
    expect(claimPrecision({ low: 100, high: 100, raw: "doubling", unit: "pct" })).toBe(10);
  });
});

describe("hedge rules: effectiveInterval", () => {
  it("exact: [x − p, x + p) for a positive figure", () => {
    // $126K: 126000 ± 500
    expect(effectiveInterval(claim({ low: 126000, high: 126000, raw: "$126K", unit: "USD" }))).toMatchObject({ low: 125500, high: 126500, highOpen: true, garbled: false });
  });
  it("exact: mirrored for a negative figure, (x − p, x + p]", () => {
    // –52%: magnitude [51.5, 52.5) -> (−52.5, −51.5]
    const iv = effectiveInterval(claim({ low: -52, high: -52, raw: "–52%" }));
    expectInterval(iv, { low: -52.5, high: -51.5, lowOpen: true });
    expect(iv.rule).toMatch(/exact: ±0\.5/);
  });
  it("exact word figure: ±10% of the value", () => {
    // halved = −50 ± 5 -> (−55, −45]
    expectInterval(effectiveInterval(claim({ low: -50, high: -50, raw: "halved" })), { low: -55, high: -45, lowOpen: true });
  });
  it("approx: ± max(p, 2% of |x|), closed", () => {
    // ~$126K: p = 500, 2% of 126000 = 2520 -> [123480, 128520]
    expectInterval(effectiveInterval(claim({ low: 126000, high: 126000, qualifier: "approx", raw: "~$126K", unit: "USD", hedge: "~" })), { low: 123480, high: 128520 });
    // about 2%: p = 0.5, 2% of 2 = 0.04 -> [1.5, 2.5]
    expectInterval(effectiveInterval(claim({ low: 2, high: 2, qualifier: "approx", raw: "about 2%", hedge: "about" })), { low: 1.5, high: 2.5 });
  });
  it("nearly, positive: [x − max(p, 5%·x), x + p) with rounding", () => {
    // "nearly 580,000" people: p = 5,000 ("58|0000"), 5% of 580,000 = 29,000 -> n = 29,000;
    // [580000 − 29000, 580000 + 5000) = [551000, 585000)
    expectInterval(effectiveInterval(claim({ low: 580000, high: 580000, qualifier: "nearly", raw: "580,000", unit: "people", hedge: "nearly" })), { low: 551000, high: 585000, highOpen: true });
  });
  it("nearly a word figure: 'almost double' = 100% is [90, 110) — the word's own 10% beats 5%", () => {
    // word figure: p = 10% of 100 = 10; n = max(10, 5) = 10 -> [100 − 10, 100 + 10) = [90, 110)
    expectInterval(effectiveInterval(claim({ low: 100, high: 100, qualifier: "nearly", raw: "almost double", hedge: "almost" })), { low: 90, high: 110, highOpen: true });
  });
  it("nearly, negative: mirrored, (x − p, x + max(p, 5%·|x|)]", () => {
    // nearly 20% fall = −20: p = 0.5, n = max(0.5, 1) = 1 -> (−20 − 0.5, −20 + 1] = (−20.5, −19]
    expectInterval(effectiveInterval(claim({ low: -20, high: -20, qualifier: "nearly", raw: "20%", hedge: "nearly" })), { low: -20.5, high: -19, lowOpen: true });
  });
  it("nearly: a true value that rounds to the stated figure passes (rounding on the far side)", () => {
    // "nearly 20%" rise: [19, 20.5): 20.3 rounds to 20, so it is inside; 20.5 would print as 21 (excluded)
    const iv = effectiveInterval(claim({ low: 20, high: 20, qualifier: "nearly", raw: "20%", hedge: "nearly" }));
    expectInterval(iv, { low: 19, high: 20.5, highOpen: true });
    expect(contains(iv, 20.3)).toBe(true);
    expect(contains(iv, 20.5)).toBe(false);
    expect(iv.rule).toMatch(/or up to 0\.5 beyond it \(rounding\)/);
  });
  it("over with a low bound: the bound moves out by p with rounding, [x − p, +∞)", () => {
    // "over 10%": p = 0.5 -> [9.5, +∞); with slack the strict end becomes closed at x − p
    expectInterval(effectiveInterval(claim({ low: 10, qualifier: "over", raw: "over 10%", hedge: "over" })), { low: 9.5, high: INF, highOpen: true });
    // "$1B+": p = 0.5 bn -> [0.5, +∞)
    expectInterval(effectiveInterval(claim({ low: 1, qualifier: "over", raw: "$1B+", unit: "USD_bn", hedge: "+" })), { low: 0.5, high: INF, highOpen: true });
  });
  it("over as printed: (x, +∞) for strict hedges, [x, +∞) for '+'", () => {
    expectInterval(nominalInterval(claim({ low: 10, qualifier: "over", raw: "over 10%", hedge: "over" })), { low: 10, high: INF, lowOpen: true, highOpen: true });
    expectInterval(nominalInterval(claim({ low: 1, qualifier: "over", raw: "$1B+", unit: "USD_bn", hedge: "+" })), { low: 1, high: INF, highOpen: true });
  });
  it('over on a fall: "fell more than 8%" stored high −8 is (−∞, −8) as printed, (−∞, −7.5] with rounding', () => {
    // p of "8" = 0.5 -> −8 + 0.5 = −7.5
    expectInterval(nominalInterval(claim({ high: -8, qualifier: "over", raw: "8%", hedge: "more than" })), { low: -INF, high: -8, lowOpen: true, highOpen: true });
    expectInterval(effectiveInterval(claim({ high: -8, qualifier: "over", raw: "8%", hedge: "more than" })), { low: -INF, high: -7.5, lowOpen: true });
  });
  it("under: (−∞, x) for 'below'/'sub-', (−∞, x] for 'as high as' as printed; x + p with rounding", () => {
    expectInterval(nominalInterval(claim({ high: 60000, qualifier: "under", raw: "sub-$60K", unit: "USD", hedge: "sub-" })), { low: -INF, high: 60000, lowOpen: true, highOpen: true });
    expectInterval(nominalInterval(claim({ high: 185, qualifier: "under", raw: "$185 billion", unit: "USD_bn", hedge: "as high as" })), { low: -INF, high: 185, lowOpen: true });
    // "sub-$60K": p = 500 -> (−∞, 60500]; "$185 billion": p = 0.5 -> (−∞, 185.5]
    expectInterval(effectiveInterval(claim({ high: 60000, qualifier: "under", raw: "sub-$60K", unit: "USD", hedge: "sub-" })), { low: -INF, high: 60500, lowOpen: true });
    expectInterval(effectiveInterval(claim({ high: 185, qualifier: "under", raw: "$185 billion", unit: "USD_bn", hedge: "as high as" })), { low: -INF, high: 185.5, lowOpen: true });
  });
  it("a word figure with over reads inclusively and gets no rounding slack: 'trillions' lost is ≤ −2", () => {
    // no digits in "trillions" -> no printed precision -> the bound does not move
    expectInterval(effectiveInterval(claim({ high: -2, qualifier: "over", raw: "trillions", unit: "USD_tn" })), { low: -INF, high: -2, lowOpen: true });
    expectInterval(effectiveInterval(claim({ low: 100000, qualifier: "over", raw: "hundreds of thousands", unit: "people", hedge: "hundreds of" })), { low: 100000, high: INF, highOpen: true });
  });
  it("range: the printed ends widened by their precision", () => {
    // $60,000–$62,000: "60,000" and "62,000" are both good to 500 (two significant digits) -> [59500, 62500)
    expectInterval(effectiveInterval(claim({ low: 60000, high: 62000, qualifier: "range", raw: "$60,000–$62,000", unit: "USD" })), { low: 59500, high: 62500, highOpen: true });
    // $60,000–$62,500: the finer end ("62,500": 50) sets p for both -> [59950, 62550)
    expectInterval(effectiveInterval(claim({ low: 60000, high: 62500, qualifier: "range", raw: "$60,000–$62,500", unit: "USD" })), { low: 59950, high: 62550, highOpen: true });
    // 4–6% fall: (−6.5, −3.5]
    expectInterval(effectiveInterval(claim({ low: -6, high: -4, qualifier: "range", raw: "4–6%" })), { low: -6.5, high: -3.5, lowOpen: true });
  });
  it("range with '~': each end widened like approx", () => {
    // ~$2.3–$2.4T: p = 0.05; 2% of 2.3 = 0.046, of 2.4 = 0.048 -> max = 0.05 each -> [2.25, 2.45]
    expectInterval(effectiveInterval(claim({ low: 2.3, high: 2.4, qualifier: "range", raw: "~$2.3–$2.4T", unit: "USD_tn", hedge: "~" })), { low: 2.25, high: 2.45 });
  });
  it("range with a leading 'over': strict at the printed near end as printed; with rounding the near end moves out by p (rule 3)", () => {
    // over $1.8 billion to $3.2 billion: p = 0.05; as printed (1.8, 3.2]; with rounding [1.8 − 0.05, 3.2 + 0.05) = [1.75, 3.25)
    expectInterval(effectiveInterval(claim({ low: 1.8, high: 3.2, qualifier: "range", raw: "over $1.8 billion to $3.2 billion", unit: "USD_bn", hedge: "over" })), { low: 1.75, high: 3.25, highOpen: true });
    expectInterval(nominalInterval(claim({ low: 1.8, high: 3.2, qualifier: "range", raw: "over $1.8 billion to $3.2 billion", unit: "USD_bn", hedge: "over" })), { low: 1.8, high: 3.2, lowOpen: true });
    // Over $1–1.8 trillion lost: p = 0.05 (the finer end); the near end −1 moves to −0.95: (−1.85, −0.95]
    expectInterval(effectiveInterval(claim({ low: -1.8, high: -1, qualifier: "range", raw: "Over $1–1.8 trillion", unit: "USD_tn", hedge: "Over" })), { low: -1.85, high: -0.95, lowOpen: true });
  });
  it("range with a trailing '+': the far end is open (a fall of 5–15%+ is (−∞, −4.5])", () => {
    expectInterval(effectiveInterval(claim({ low: -15, high: -5, qualifier: "range", raw: "5–15%+", hedge: "+" })), { low: -INF, high: -4.5, lowOpen: true });
    // ~$600–$650B+: 600 − max(0.5, 12) = 588 -> [588, +∞)
    expectInterval(effectiveInterval(claim({ low: 600, high: 650, qualifier: "range", raw: "~$600–$650B+", unit: "USD_bn", hedge: "~ +" })), { low: 588, high: INF, highOpen: true });
  });
  it("garbled: read per its hedge and flagged", () => {
    const iv = effectiveInterval(claim({ high: -8, qualifier: "garbled", raw: "100% during the day. 8%", hedge: "more than" }));
    expect(iv.garbled).toBe(true);
    // read like "more than 8%" on a fall: the "8" prints −8, p = 0.5 -> (−∞, −7.5]
    expectInterval(iv, { low: -INF, high: -7.5, lowOpen: true });
    expect(iv.rule).toMatch(/^garbled/);
  });
  it("a figure with no bound at all is a RangeError", () => {
    expect(() => effectiveInterval(claim({ raw: "x" }))).toThrow(/both empty/);
  });
  it("isStrictHedge() tells 'more than' from '+'", () => {
    expect(isStrictHedge("Over; +")).toBe(true);
    expect(isStrictHedge("hundreds of")).toBe(false);
    expect(isStrictHedge("sub-")).toBe(true);
  });
});

describe("nominalInterval and printedInterval", () => {
  it("nominal exact and approx figures are their printed value", () => {
    expect(nominalInterval(claim({ low: -52, high: -52, raw: "–52%" }))).toMatchObject({ low: -52, high: -52 });
    expect(nominalInterval(claim({ low: 69000, high: 69000, qualifier: "approx", raw: "~$69K", unit: "USD", hedge: "~" }))).toMatchObject({ low: 69000, high: 69000 });
  });
  it("nominal ranges keep their hedge rules but no slack", () => {
    const iv = nominalInterval(claim({ low: -15, high: -5, qualifier: "range", raw: "5–15%+", hedge: "+" }));
    expectInterval(iv, { low: -INF, high: -5, lowOpen: true });
  });
  it("nominal nearly keeps its band, without the rounding beyond x", () => {
    // "nearly half" is a word figure: p = 10% of 50 = 5, n = max(5, 2.5) = 5 -> (−50, −45]
    expectInterval(nominalInterval(claim({ low: -50, high: -50, qualifier: "nearly", raw: "nearly half", hedge: "nearly" })), { low: -50, high: -45, lowOpen: true });
    // "nearly 20%": p = 0.5, n = max(0.5, 1) = 1 -> (−20, −19]
    expectInterval(nominalInterval(claim({ low: -20, high: -20, qualifier: "nearly", raw: "20%", hedge: "nearly" })), { low: -20, high: -19, lowOpen: true });
  });
  it("printedInterval() ignores over/under: 'exceeded US$2.5 billion' prints 2.5 ± 0.05", () => {
    expectInterval(printedInterval(claim({ low: 2.5, qualifier: "over", raw: "US$2.5 billion", unit: "USD_bn", hedge: "exceeded" })), { low: 2.45, high: 2.55, highOpen: true });
    // approximately 2,481.2 billion: ±max(0.05, 49.624) -> [−2530.824, −2431.576]
    expectInterval(printedInterval(claim({ low: -2481.2, high: -2481.2, qualifier: "approx", raw: "2,481.2 billion", unit: "CNY_bn", hedge: "approximately" })), { low: -2530.824, high: -2431.576 });
    expect(printedInterval(claim({ high: -357, qualifier: "over", raw: "357 billion", unit: "USD_bn", hedge: "more than" }), false)).toEqual({ low: -357, high: -357 });
  });
});
