import { describe, expect, it } from "vitest";
import { interval, representative } from "../../src/domain/intervals";
import { independentSpread } from "../../src/domain/sources";
import { loadLedger } from "../../src/data/ledger";
import {
  CONFLICT_VERDICTS,
  buildConflicts,
  commonUnit,
  consensusOf,
  countConflictVerdicts,
  explainPair,
  figureIn,
  isGroupable,
  judgeSameQuantity,
  DIFFERENT_DAYS_NOTE,
  datesMeet,
  largestAgreeingSet,
  orderedLevels,
  reconcileFamily,
  reconcileGroup,
  sameQuantityGroups,
  type FamilySpec,
} from "../../src/domain/reconcile";
import type { IndependentRow } from "../../src/data/independent-file";
import type { Claim } from "../../src/data/types";

const INF = Infinity;
let line = 2;
function mk(id: string, c: Partial<Claim>): Claim {
  return {
    id,
    article: id.split("-")[0],
    section: "s",
    quote: `quote of ${id}`,
    subject: "BTC",
    metric: "low",
    window: "intraday",
    low: null,
    high: null,
    unit: "USD",
    qualifier: "exact",
    as_of: "2026-02-06",
    raw: "",
    hedge: "",
    note: "",
    line: line++,
    ...c,
  };
}

describe("small helpers", () => {
  it("representative() is the midpoint, or the finite end of a ray, or null", () => {
    expect(representative(interval(60000, 62000))).toBe(61000);
    expect(representative(interval(-INF, -8, true, true))).toBe(-8);
    expect(representative(interval(-INF, INF))).toBeNull();
  });
  it("consensusOf() is the median of representatives, spread their range", () => {
    // reps 126000, 126223, 126000, 126000 -> sorted 126000 ×3, 126223: median 126000; spread 223
    expect(consensusOf([interval(126000, 126000), interval(126223, 126223), interval(126000, 126000), interval(126000, 126000)])).toEqual({ consensus: 126000, spread: 223 });
    // reps 60500 and 61000 -> median (60500 + 61000)/2 = 60750; spread 500
    expect(consensusOf([interval(60000, 61000), interval(60000, 62000)])).toEqual({ consensus: 60750, spread: 500 });
    expect(consensusOf([interval(-INF, INF)])).toEqual({ consensus: null, spread: null });
  });
  it("largestAgreeingSet() is the max point coverage, open ends excluded", () => {
    const items = [
      { id: "a", iv: interval(0, 2) },
      { id: "b", iv: interval(2, 4, true) }, // (2, 4] does not meet a at 2
      { id: "c", iv: interval(1, 3) },
      { id: "d", iv: interval(3.5, INF) },
    ];
    // at 1.5: a, c; at 2.5: b, c; at 3.75: b, d -> all pairs; leftmost wins: a, c
    expect(largestAgreeingSet(items)).toEqual(["a", "c"]);
    expect(largestAgreeingSet([{ id: "x", iv: interval(-INF, 5, true, true) }, { id: "y", iv: interval(-INF, 7, true, true) }])).toEqual(["x", "y"]);
  });
  it("commonUnit() picks the most used unit, ties to the first", () => {
    expect(commonUnit(["USD_bn", "USD_tn", "USD_tn"])).toBe("USD_tn");
    expect(commonUnit(["pct", "x"])).toBe("pct");
  });
  it("explainPair(): same quote -> scope, dates that do not overlap -> timing, else contradiction", () => {
    const a = { quote: "q", article: "a", section: "s", window: "session", as_of: "2026-02-06" };
    expect(explainPair(a, { ...a })).toBe("scope");
    expect(explainPair(a, { ...a, quote: "other" })).toBe("scope"); // same section and date of one article
    expect(explainPair(a, { ...a, quote: "r", article: "b", as_of: "2026-02-08" })).toBe("timing");
    expect(explainPair(a, { ...a, quote: "r", article: "b" })).toBe("contradiction");
  });
  it('"2026-02" and "2026-02-06" overlap: a contradiction, not timing', () => {
    // a month runs 1–28 Feb 2026 and holds the 6th: different date strings, overlapping dates
    const a = { quote: "q", article: "a", section: "s", window: "month", as_of: "2026-02" };
    expect(explainPair(a, { ...a, quote: "r", article: "b", as_of: "2026-02-06" })).toBe("contradiction");
    // a span that holds the other date is no timing difference either (both whole-episode figures)
    const e = { ...a, window: "episode", as_of: "2026-02-05/2026-02-06" };
    expect(explainPair(e, { ...e, quote: "r", article: "b", as_of: "2026-02-06" })).toBe("contradiction");
  });
  it("a one-day figure dated by a span of days is timing: it may be another day of the span", () => {
    // "1.8% and 2.5%" on some session of 2–6 Feb vs "+2.2%" on the session of 6 Feb: the spans overlap,
    // but the first is one unnamed session among five
    const a = { quote: "q", article: "a", section: "s", window: "session", as_of: "2026-02-02/2026-02-06" };
    const b = { quote: "r", article: "b", section: "t", window: "session", as_of: "2026-02-06" };
    expect(explainPair(a, b)).toBe("timing");
    expect(explainPair(b, a)).toBe("timing");
    // the same span for a multi-day window (a week) is one period: a contradiction
    expect(explainPair({ ...a, window: "week" }, { ...b, window: "week", as_of: "2026-02-02/2026-02-06" })).toBe("contradiction");
  });
  it("orderedLevels() tightens each level to fit the order, or names the pair that cannot be ordered", () => {
    // [1, ∞), (2.5, ∞), (1.8, 3.25): level 2 ≥ 2.5 forces level 3 into (2.5, 3.25), which caps level 2 and 1 at 3.25
    const fit = orderedLevels([interval(1, INF), interval(2.5, INF, true), interval(1.8, 3.25, true, true)]);
    expect(fit.feasible).toBe(true);
    expect(fit.levels).toEqual([interval(1, 3.25, false, true), interval(2.5, 3.25, true, true), interval(2.5, 3.25, true, true)]);
    expect(orderedLevels([interval(5, 6), interval(1, 2)])).toMatchObject({ feasible: false, conflict: [0, 1] });
    // touching at an open end is not enough: (−∞, 2) then [2, 3] is fine, but [2, 3] then (−∞, 2) is not
    expect(orderedLevels([interval(2, 3), interval(-INF, 2, true, true)]).feasible).toBe(false);
  });
  it("isGroupable() leaves out scenarios and coexisting levels", () => {
    expect(isGroupable({ metric: "low", window: "intraday" })).toBe(true);
    expect(isGroupable({ metric: "probability", window: "scenario" })).toBe(false);
    expect(isGroupable({ metric: "support_level", window: "point" })).toBe(false);
  });
  it("figureIn() converts a figure to the group's unit", () => {
    // ~$800B: p = 5 ("80|0"); 800 ± max(5, 16) = [784, 816] bn -> [0.784, 0.816] tn, negative
    const f = figureIn(mk("x-1", { subject: "crypto_market", metric: "market_cap_change", low: -800, high: -800, unit: "USD_bn", qualifier: "approx", raw: "~$800B", hedge: "~" }), "USD_tn");
    expect(f.nominal.low).toBeCloseTo(-0.8, 12);
    expect(f.effective.low).toBeCloseTo(-0.816, 12);
    expect(f.effective.high).toBeCloseTo(-0.784, 12);
  });
});

describe("judgeSameQuantity: every verdict", () => {
  const fig = (c: Claim) => figureIn(c, c.unit);
  it("agree: the printed figures share a value", () => {
    const j = judgeSameQuantity([fig(mk("a-1", { low: 60000, high: 61000, qualifier: "range", raw: "$60,000–$61,000" })), fig(mk("b-1", { low: 60000, high: 62000, qualifier: "range", raw: "$60,000–$62,000" }))], "USD");
    expect(j.verdict).toBe("agree");
    expect(j.reason).toMatch(/all 2 figures share \[60000, 61000\] USD/);
  });
  it("agree_within_rounding: only the rounded figures share a value ($126K vs $126,223)", () => {
    // [125500, 126500) ∩ [126222.5, 126223.5) = [126222.5, 126223.5)
    const j = judgeSameQuantity([fig(mk("a-1", { metric: "peak", low: 126000, high: 126000, raw: "$126K" })), fig(mk("b-1", { metric: "peak", low: 126223, high: 126223, raw: "$126,223" }))], "USD");
    expect(j.verdict).toBe("agree_within_rounding");
    expect(j.reason).toMatch(/fit \[126222\.5, 126223\.5\) USD/);
  });
  it("agree_within_rounding: $60,000 and 59800 on the same day ($60,000 is good to $500)", () => {
    // "$60,000" = [59500, 60500) (like "$60K"); "59800" = [59750, 59850) ("598|00" -> ±50); common [59750, 59850)
    const j = judgeSameQuantity([fig(mk("a-1", { low: 60000, high: 60000, raw: "$60,000" })), fig(mk("b-1", { low: 59800, high: 59800, raw: "59800" }))], "USD");
    expect(j.verdict).toBe("agree_within_rounding");
    expect(j.reason).toMatch(/all fit \[59750, 59850\) USD once their rounding and hedges are allowed/);
  });
  it("contradiction: two sources, same date, a material gap ($60,000 vs $58,000)", () => {
    // [59500, 60500) vs [57500, 58500): 59500 − 58500 = 1000 apart, 1000 / 60000 = 1.7% > 0.5%;
    // each covers one point set, the leftmost (b-1) is kept
    const j = judgeSameQuantity([fig(mk("a-1", { low: 60000, high: 60000, raw: "$60,000" })), fig(mk("b-1", { low: 58000, high: 58000, raw: "$58,000" }))], "USD");
    expect(j.verdict).toBe("contradiction");
    expect(j.reason).toMatch(/a-1 "\$60,000" \(2026-02-06\) = \[59500, 60500\) and b-1 "\$58,000" \(2026-02-06\) = \[57500, 58500\) are 1000 USD \(1\.7%\) apart for overlapping dates; largest agreeing set: b-1 \(1 of 2\)/);
  });
  it("a gap under 0.5% of the figure is agree_within_rounding, not a contradiction", () => {
    // "$60,000" [59500, 60500) vs "$59,300" [59250, 59350): 59500 − 59350 = 150; 150 / 60000 = 0.25% ≤ 0.5%
    const j = judgeSameQuantity([fig(mk("a-1", { low: 60000, high: 60000, raw: "$60,000" })), fig(mk("b-1", { low: 59300, high: 59300, raw: "$59,300" }))], "USD");
    expect(j.verdict).toBe("agree_within_rounding");
    expect(j.reason).toMatch(/^the figures differ by an immaterial amount, under 0\.5% of the figures: .* are 150 USD \(0\.25%\) apart$/);
  });
  it("a dissent within the spread of the other reports is agree_within_rounding, not a contradiction", () => {
    // "$60,000" [59500, 60500) vs "$59,150" [59145, 59155) ("59,15|0" -> ±5): 59500 − 59155 = 345 apart,
    // 345 / 60000 = 0.575% > 0.5%: material on its own...
    const figs = [fig(mk("a-1", { low: 60000, high: 60000, raw: "$60,000" })), fig(mk("b-1", { low: 59150, high: 59150, raw: "$59,150" }))];
    expect(judgeSameQuantity(figs, "USD").verdict).toBe("contradiction");
    expect(judgeSameQuantity(figs, "USD", 300).verdict).toBe("contradiction"); // 345 > 300
    // ...but not when independent reports of the low differ by 400 among themselves
    const j = judgeSameQuantity(figs, "USD", 400);
    expect(j.verdict).toBe("agree_within_rounding");
    expect(j.reason).toMatch(/immaterial amount, within the 400 USD by which independent reports of it differ, or under 0\.5%: .* are 345 USD/);
  });
  it("timing_mismatch: the disagreeing figures are dated differently", () => {
    // –52% on Feb 5–6 vs –45% on Feb 8: (−52.5, −51.5] vs (−45.5, −44.5], 6 apart
    const j = judgeSameQuantity(
      [
        fig(mk("a-1", { metric: "drawdown", low: -52, high: -52, unit: "pct", raw: "–52%", as_of: "2026-02-05/2026-02-06" })),
        fig(mk("a-2", { metric: "drawdown", low: -45, high: -45, unit: "pct", raw: "–45%", as_of: "2026-02-08", section: "t" })),
      ],
      "pct",
    );
    expect(j.verdict).toBe("timing_mismatch");
    // 51.5 − 45.5 = 6; 6 / 52 = 11.5% -> "12%"
    expect(j.reason).toMatch(/are 6 pct \(12%\) apart; largest agreeing set/);
  });
  it("scope_mismatch: one sentence gives two stages (1–2% sells become 10%+ drops)", () => {
    const q = "thin books mean 1–2% sells become 10%+ drops";
    const j = judgeSameQuantity(
      [
        fig(mk("a-1", { metric: "pct_change", low: -2, high: -1, unit: "pct", qualifier: "range", raw: "1–2%", quote: q })),
        fig(mk("a-2", { metric: "pct_change", low: null, high: -10, unit: "pct", qualifier: "over", raw: "10%+", hedge: "+", quote: q })),
      ],
      "pct",
    );
    expect(j.verdict).toBe("scope_mismatch");
    expect(j.reason).toMatch(/one passage/);
  });
  it("a contradiction outweighs a timing difference in the same group", () => {
    // $60,000 vs $58,000 on the 6th: 1000 apart (1.7%), a contradiction; $65,000 on the 7th: timing
    const j = judgeSameQuantity(
      [
        fig(mk("a-1", { low: 60000, high: 60000, raw: "$60,000" })),
        fig(mk("b-1", { low: 58000, high: 58000, raw: "$58,000" })),
        fig(mk("c-1", { low: 65000, high: 65000, raw: "$65,000", as_of: "2026-02-07" })),
      ],
      "USD",
    );
    expect(j.verdict).toBe("contradiction");
  });
});

describe("rule 5 for agreement: only figures whose dates overlap confirm each other", () => {
  const fig = (c: Claim) => figureIn(c, c.unit);
  const price = (id: string, v: number, raw: string, as_of: string) => fig(mk(id, { metric: "price", window: "point", low: v, high: v, raw, as_of }));
  it("datesMeet: some pair of dates overlaps (a month holds its days; 7 and 8 Feb do not meet)", () => {
    expect(datesMeet([{ as_of: "2026-02-07" }, { as_of: "2026-02-08" }])).toBe(false);
    expect(datesMeet([{ as_of: "2026-02" }, { as_of: "2026-02-06" }])).toBe(true);
    expect(datesMeet([{ as_of: "2026-02-07" }, { as_of: "2026-02-08" }, { as_of: "2026-02-08" }])).toBe(true);
  });
  it("the same printed price on 7 and 8 Feb is a timing mismatch, not agreement", () => {
    // $69,000 and $69,000 share 69000 as printed, but 7 Feb and 8 Feb do not overlap: nothing is tested
    const j = judgeSameQuantity([price("a-1", 69000, "$69,000", "2026-02-07"), price("b-1", 69000, "$69,000", "2026-02-08")], "USD");
    expect(j.verdict).toBe("timing_mismatch");
    expect(j.reason).toMatch(/^the figures share 69000 USD, but no two of the 2 figures refer to overlapping dates, so they do not test each other: a-1 "\$69,000" \(2026-02-07\), b-1/);
  });
  it("figures that fit once rounded, on different days, are a timing mismatch", () => {
    // "$60K" = [59500, 60500) and "$60,200" = [60150, 60250) (good to the hundred) meet in [60150, 60250) only once
    // rounded (60000 ≠ 60200 as printed): same day, agree_within_rounding; 7 vs 8 Feb: timing
    const sameDay = judgeSameQuantity([price("a-1", 60000, "$60K", "2026-02-07"), price("b-1", 60200, "$60,200", "2026-02-07")], "USD");
    expect(sameDay.verdict).toBe("agree_within_rounding");
    const j = judgeSameQuantity([price("a-1", 60000, "$60K", "2026-02-07"), price("b-1", 60200, "$60,200", "2026-02-08")], "USD");
    expect(j.verdict).toBe("timing_mismatch");
    expect(j.reason).toMatch(/^the figures fit \[60150, 60250\) USD once their rounding and hedges are allowed, but no two/);
  });
  it("an immaterial gap between different days is a timing mismatch too", () => {
    // "$60,000" [59500, 60500) vs "$59,300" [59250, 59350): 150 apart, 0.25% < 0.5%: immaterial on one day, untested across two
    const j = judgeSameQuantity([price("a-1", 60000, "$60,000", "2026-02-07"), price("b-1", 59300, "$59,300", "2026-02-08")], "USD");
    expect(j.verdict).toBe("timing_mismatch");
    expect(j.reason).toMatch(/^the figures differ by an immaterial amount .* are 150 USD \(0\.25%\) apart\), but no two of the 2 figures/);
  });
  it("one same-day pair that agrees, and no pair that contradicts, makes the group agree, noting the other days", () => {
    // 8 Feb: $69,000 and $69,000 test each other and agree; 7 Feb's $69,000 shares the value but tests nothing
    const j = judgeSameQuantity([price("a-1", 69000, "$69,000", "2026-02-07"), price("b-1", 69000, "$69,000", "2026-02-08"), price("c-1", 69000, "$69,000", "2026-02-08")], "USD");
    expect(j.verdict).toBe("agree");
    expect(j.reason.endsWith(`; ${DIFFERENT_DAYS_NOTE}`)).toBe(true);
    // all of one day: no note
    const one = judgeSameQuantity([price("b-1", 69000, "$69,000", "2026-02-08"), price("c-1", 69000, "$69,000", "2026-02-08")], "USD");
    expect(one.verdict).toBe("agree");
    expect(one.reason).not.toContain(DIFFERENT_DAYS_NOTE);
  });
  it("a month and one of its days overlap, so they test each other", () => {
    const j = judgeSameQuantity([fig(mk("a-1", { metric: "peak", window: "point", low: 126000, high: 126000, raw: "$126,000", as_of: "2025-10" })), fig(mk("b-1", { metric: "peak", window: "point", low: 126000, high: 126000, raw: "$126,000", as_of: "2025-10-06" }))], "USD");
    expect(j.verdict).toBe("agree");
  });
  it("figures that differ on different days stay a timing mismatch, and a same-day contradiction still wins", () => {
    // $60,000 (7 Feb) vs $65,000 (8 Feb): [59500, 60500) vs [64500, 65500), 4000 apart, no overlapping dates
    expect(judgeSameQuantity([price("a-1", 60000, "$60,000", "2026-02-07"), price("b-1", 65000, "$65,000", "2026-02-08")], "USD").verdict).toBe("timing_mismatch");
    // add $58,000 on 7 Feb: [57500, 58500) is 1000 below [59500, 60500) on the same day (1.7% > 0.5%)
    expect(judgeSameQuantity([price("a-1", 60000, "$60,000", "2026-02-07"), price("b-1", 65000, "$65,000", "2026-02-08"), price("c-1", 58000, "$58,000", "2026-02-07")], "USD").verdict).toBe("contradiction");
  });
});

describe("sameQuantityGroups (danfojs groupby over claimsFrame)", () => {
  const claims = [
    mk("a-1", { low: 60000, high: 60000, raw: "$60,000" }),
    mk("b-1", { low: 59800, high: 59800, raw: "59800" }),
    mk("a-2", { subject: "crypto_market", metric: "liquidations", window: "24h", low: 2.5, high: null, unit: "USD_bn", qualifier: "over", raw: "US$2.5 billion", hedge: "exceeded" }),
    mk("a-3", { subject: "crypto_market", metric: "liquidations", window: "24h", low: 17.3, high: 17.3, unit: "CNY_bn", raw: "17.3 billion" }),
    mk("a-4", { subject: "crypto_market", metric: "liquidations", window: "24h", low: 17.3, high: 17.3, unit: "CNY_bn", raw: "RMB 17.3 billion" }),
    mk("c-1", { metric: "support_level", window: "point", low: 65000, high: 67000, qualifier: "range", raw: "$65–$67K" }),
    mk("c-2", { metric: "support_level", window: "point", low: 68000, high: 70000, qualifier: "range", raw: "$68K–$70K" }),
    mk("c-3", { subject: "risk_assets", metric: "probability", window: "scenario", low: 60, high: 70, unit: "pct", qualifier: "range", raw: "60–70%" }),
    mk("c-4", { subject: "risk_assets", metric: "probability", window: "scenario", low: 30, high: 40, unit: "pct", qualifier: "range", raw: "30–40%" }),
    mk("d-1", { subject: "ETH", metric: "pct_change", window: "ytd", low: -36, high: -36, unit: "pct", raw: "36%" }),
  ];
  it("groups by subject, metric and window, splits currencies, drops singletons and ungrouped rows", () => {
    const groups = sameQuantityGroups(claims);
    // BTC/low/intraday (a-1, b-1); crypto_market/liquidations/24h in CNY (a-3, a-4); the USD one alone is dropped
    expect(groups.map((g) => g.map((c) => c.id))).toEqual([
      ["a-1", "b-1"],
      ["a-3", "a-4"],
    ]);
  });
  it("reconcileGroup() puts the intervals side by side with intersection, consensus, spread and agreeing set", () => {
    const c = reconcileGroup(sameQuantityGroups(claims)[0]);
    expect(c).toMatchObject({
      id: "BTC.low.intraday",
      kind: "group",
      unit: "USD",
      claims: ["a-1", "b-1"],
      intersection: { low: 59750, high: 59850 }, // [59500, 60500) ∩ [59750, 59850)
      consensus: 59900, // median of 60000 and 59800
      spread: 200,
      verdict: "agree_within_rounding",
    });
    expect(c.members[0]).toEqual({ claim: "a-1", article: "a", subject: "BTC", window: "intraday", as_of: "2026-02-06", raw: "$60,000", qualifier: "exact", low: 59500, high: 60500, lowOpen: false, highOpen: true });
  });
});

describe("materiality from independent reports (independentSpread)", () => {
  const a1 = mk("a-1", { low: 60000, high: 60000, raw: "$60,000" });
  const b1 = mk("b-1", { low: 59150, high: 59150, raw: "$59,150" });
  const row = (id: string, v: number, claims: string[], over: Partial<IndependentRow> = {}): IndependentRow => ({
    id, subject: "BTC", metric: "low", window: "intraday", low: v, high: v, unit: "USD", as_of: "2026-02-06", quote: `a low of $${v.toLocaleString("en-US")}`,
    url: "https://example.test/x", outlet: "Test", published: "", tier: "wire", claims, stance: "corroborates", note: "", instrument: "", origin: id, line: 2, ...over,
  });
  const rows = [
    row("r001", 59900, ["a-1"]),
    row("r002", 60300, ["b-1"]),
    row("r003", 50000, ["a-1"], { note: "known outlier, kept on purpose" }), // never counts
    row("r004", 70000, ["a-1"], { as_of: "2026-02-07" }), // another date: not the same quantity
    row("r005", 40000, ["z-1"]), // linked to neither claim
  ];
  it("is the spread of the comparable, linked, non-outlier reports: 60,300 − 59,900 = 400", () => {
    expect(independentSpread([a1, b1], rows, "USD")).toBe(400);
  });
  it("is 0 with fewer than two such reports", () => {
    expect(independentSpread([a1, b1], rows.slice(0, 1), "USD")).toBe(0);
    expect(independentSpread([a1, b1], [], "USD")).toBe(0);
  });
  it("a gap within that spread makes a group agree within rounding: 345 ≤ 400 (without the reports, a contradiction)", () => {
    // [59500, 60500) vs [59145, 59155): 345 apart, 0.575% of 60,000
    expect(reconcileGroup([a1, b1]).verdict).toBe("contradiction");
    const c = reconcileGroup([a1, b1], rows);
    expect(c.verdict).toBe("agree_within_rounding");
    expect(c.reason).toMatch(/within the 400 USD by which independent reports of it differ/);
  });
});

describe("families across windows and scopes", () => {
  const liquidations: FamilySpec = {
    name: "liq",
    title: "Liquidations",
    relation: "ordered",
    levels: [
      [{ subject: "BTC", metric: "liquidations", windows: ["24h"] }],
      [{ subject: "crypto_market", metric: "liquidations", windows: ["24h"] }],
      [{ subject: "crypto_market", metric: "liquidations", windows: ["3d"] }],
    ],
    why: "nested",
  };
  const btc = mk("a-1", { metric: "liquidations", window: "24h", low: 1, high: null, unit: "USD_bn", qualifier: "over", raw: "$1B+", hedge: "+" });
  const all24 = mk("b-1", { subject: "crypto_market", metric: "liquidations", window: "24h", low: 2.5, high: null, unit: "USD_bn", qualifier: "over", raw: "US$2.5 billion", hedge: "exceeded" });
  const all3d = mk("c-1", { subject: "crypto_market", metric: "liquidations", window: "3d", low: 1.8, high: 3.2, unit: "USD_bn", qualifier: "range", raw: "over $1.8 billion to $3.2 billion", hedge: "over" });
  const cny = mk("b-2", { subject: "crypto_market", metric: "liquidations", window: "24h", low: 17.3, high: 17.3, unit: "CNY_bn", raw: "17.3 billion" });

  it("an ordered family that can all be true is a scope_mismatch with the fitting ranges", () => {
    const f = reconcileFamily(liquidations, [btc, all24, all3d, cny])!;
    expect(f).toMatchObject({ id: "family.liq", kind: "family", subject: "BTC|crypto_market", window: "24h|3d", unit: "USD_bn", verdict: "scope_mismatch" });
    // with rounding "$1B+" is [0.5, ∞) and "exceeded US$2.5 billion" [2.45, ∞) (2.5 less 0.05);
    // all-crypto 24h ≥ 2.45 forces the 3-day total (1.8, 3.25) into [2.45, 3.25), which caps the others at 3.25
    expect(f.reason).toMatch(/a-1 "\$1B\+" \(2026-02-06\) within \[0\.5, 3\.25\) USD_bn; b-1 "US\$2\.5 billion" \(2026-02-06\) within \[2\.45, 3\.25\) USD_bn; c-1 .* within \[2\.45, 3\.25\) USD_bn/);
    expect(f.reason).toMatch(/left out as not comparable in USD_bn: b-2 \(CNY_bn\)/);
  });
  it("an ordered family that cannot be ordered is a contradiction naming the levels", () => {
    // all-crypto 24h over 4 (≥ 3.5 with rounding: "4" is good to 0.5) cannot be at most a 3-day total of (1.8, 3.25)
    const big = { ...all24, low: 4, raw: "US$4 billion" };
    const f = reconcileFamily(liquidations, [btc, big, all3d])!;
    expect(f.verdict).toBe("contradiction");
    expect(f.reason).toMatch(/b-1 "US\$4 billion" \(2026-02-06\) \(\[3\.5, \+∞\) USD_bn\) cannot be at most c-1/);
  });
  it("a 'same' family is judged like a group across windows", () => {
    const spec: FamilySpec = { name: "trough", title: "The trough", relation: "same", levels: [[{ subject: "BTC", metric: "low", windows: ["intraday", "episode"] }]], why: "one trough" };
    const f = reconcileFamily(spec, [
      mk("a-1", { window: "episode", low: 60000, high: 62000, qualifier: "range", raw: "$60,000–$62,000", as_of: "2026-02-05/2026-02-06" }),
      mk("b-1", { low: null, high: 61000, qualifier: "under", raw: "below $61,000", hedge: "below", as_of: "2026-02-05" }),
    ])!;
    expect(f.verdict).toBe("agree");
    expect(f.reason).toMatch(/share \[60000, 61000\) USD.*— one trough$/);
  });
  it("a family with fewer than two comparable figures is left out", () => {
    expect(reconcileFamily(liquidations, [btc])).toBeNull();
  });
});

describe("buildConflicts on the ledger", () => {
  const ledger = loadLedger();
  const conflicts = buildConflicts(ledger);
  const byId = new Map(conflicts.map((c) => [c.id, c]));

  it("is sorted by id, deterministic and JSON-safe", () => {
    const ids = conflicts.map((c) => c.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    const json = JSON.stringify(conflicts);
    expect(json).not.toMatch(/Infinity|NaN/);
    expect(JSON.stringify(buildConflicts(ledger))).toBe(json);
  });
  it("every conflict has a known verdict, at least two claims and a reason", () => {
    for (const c of conflicts) {
      expect(CONFLICT_VERDICTS).toContain(c.verdict);
      expect(c.claims.length).toBeGreaterThanOrEqual(2);
      expect(c.reason.length).toBeGreaterThan(20);
    }
    const counts = countConflictVerdicts(conflicts);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(conflicts.length);
  });
  it("BTC's Feb 6 low: TradingKey's $60,000 and Nakamoto's 59800 agree within rounding", () => {
    // "$60,000" [59500, 60500); "59800" [59750, 59850); "sub-$60K" and "below $60,000" (−∞, 60500];
    // "below $61,000" (−∞, 61500]; "approximately $60,000" [58800, 61200]: all meet in [59750, 59850)
    const c = byId.get("BTC.low.intraday")!;
    expect(c).toMatchObject({ verdict: "agree_within_rounding", intersection: { low: 59750, high: 59850 } });
    expect(c.claims).toEqual(expect.arrayContaining(["tradingkey-008", "nakamoto-006"]));
  });
  it("the Nasdaq's session moves are a timing mismatch: '1.8% and 2.5%' is some session of 2–6 Feb", () => {
    // "+2.2%" on the 6th = [2.15, 2.25); "1.8% and 2.5%" (falls, 2–6 Feb) = (−2.55, −1.75]: 2.15 + 1.75 = 3.9 apart,
    // but the fall is dated by a span of sessions, so it may be another day than the 6th
    const c = byId.get("nasdaq_composite.pct_change.session")!;
    expect(c.verdict).toBe("timing_mismatch");
    expect(c.reason).toMatch(/crushes-005 "\+2\.2%" \(2026-02-06\) = \[2\.15, 2\.25\) and cycle-004 "1\.8% and 2\.5%" \(2026-02-02\/2026-02-06\) = \(-2\.55, -1\.75\] are 3\.9 pct/);
  });
  it("Bitcoin's year-to-date loss: ~28% (8 Feb) and 27% (to 6 Feb) agree once rounded but refer to different days: timing", () => {
    // before rule 5 applied to agreement this group was agree_within_rounding
    const c = byId.get("BTC.pct_change.ytd")!;
    expect(c.verdict).toBe("timing_mismatch");
    expect(c.reason).toMatch(/no two of the 2 figures refer to overlapping dates/);
  });
  it("KOSPI's 5% agrees across TradingKey and GMT Eight", () => {
    expect(byId.get("kospi.pct_change.intraday")).toMatchObject({ verdict: "agree", consensus: -5, spread: 0 });
  });
  it("BTC's peak: $126K, ~$126K, near $126,000 and $126,223 agree within rounding", () => {
    // exact $126K = [125500, 126500) holds 126223
    expect(byId.get("BTC.peak.point")).toMatchObject({ verdict: "agree_within_rounding", intersection: { low: 126222.5, high: 126223.5 } });
  });
  it("the liquidations family can all be true", () => {
    expect(byId.get("family.liquidations")?.verdict).toBe("scope_mismatch");
  });
  it("scenario probabilities and support levels are never grouped", () => {
    expect(conflicts.some((c) => c.metric === "probability" || c.metric === "support_level")).toBe(false);
  });
});
