/**
 * A source figure against a claim (src/domain/sources.ts): which sources measure the claim's
 * quantity at all (subject, metric, instrument, window, unit, dates), how directly (relevance:
 * the same window word and the same period), how their intervals compare, and the known outliers.
 */
import { describe, expect, it } from "vitest";
import { asOfOverlaps, claimInstrument, compareReadings, isKnownOutlier, isWithin, relevance, SPOT_SUBJECTS, unnamedDay, whyNotComparable } from "../../src/domain/sources";
import { loadAnalysis } from "../../src/domain/analysis";

describe("asOfOverlaps: timing from dates, not from date strings", () => {
  it('"2026-02" and "2026-02-06" overlap: the month holds the day', () => {
    expect(asOfOverlaps("2026-02", "2026-02-06")).toBe(true);
    expect(asOfOverlaps("2026-02-06", "2026-02")).toBe(true);
  });
  it("a span overlaps a day inside it, not a day after it", () => {
    expect(asOfOverlaps("2026-02-05/2026-02-06", "2026-02-06")).toBe(true);
    expect(asOfOverlaps("2026-02-02/2026-02-05", "2026-02-06")).toBe(false);
  });
  it("an invalid as_of is a RangeError", () => {
    expect(() => asOfOverlaps("Feb 6", "2026-02-06")).toThrow(RangeError);
  });
});

describe("claimInstrument: what a commodity claim is about", () => {
  it("a commodity quote without a futures word is spot", () => {
    expect(SPOT_SUBJECTS).toContain("silver");
    expect(claimInstrument({ subject: "silver", quote: "with silver plunging nearly 20% on Thursday" })).toBe("spot");
  });
  it("futures, COMEX or a contract in the quote make it futures", () => {
    expect(claimInstrument({ subject: "silver", quote: "COMEX silver fell 10%" })).toBe("futures");
    expect(claimInstrument({ subject: "gold", quote: "the April contract settled lower" })).toBe("futures");
  });
  it("a share, an index or a coin has no instrument", () => {
    expect(claimInstrument({ subject: "BTC", quote: "Bitcoin fell to $60,000" })).toBe("");
    expect(claimInstrument({ subject: "silver" })).toBe("spot");
  });
});

describe("whyNotComparable: instrument before numbers", () => {
  const spot = { subject: "silver", metric: "pct_change", window: "session", unit: "pct", as_of: "2026-02-05", quote: "silver plunging nearly 20% on Thursday" };
  it("a COMEX futures settlement is context for a spot silver claim", () => {
    expect(whyNotComparable(spot, { ...spot, instrument: "futures" })).toBe("another instrument (futures, the claim spot)");
  });
  it("a spot source, or one that does not say, measures the spot claim", () => {
    expect(whyNotComparable(spot, { ...spot, instrument: "spot" })).toBe("");
    expect(whyNotComparable(spot, { ...spot, instrument: "" })).toBe("");
  });
  it("a futures claim is measured by a futures source, not a spot one", () => {
    const fut = { ...spot, quote: "COMEX silver futures fell 10%" };
    expect(whyNotComparable(fut, { ...spot, instrument: "futures" })).toBe("");
    expect(whyNotComparable(fut, { ...spot, instrument: "spot" })).toBe("another instrument (spot, the claim futures)");
  });
  it("an instrument on a source never matters for a claim without one (a coin on an exchange)", () => {
    const btc = { subject: "BTC", metric: "low", window: "intraday", unit: "USD", as_of: "2026-02-06", quote: "Bitcoin fell to $60,000" };
    expect(whyNotComparable(btc, { ...btc, instrument: "exchange" })).toBe("");
  });
});

describe("relevance: the most direct sources decide", () => {
  const nov = { metric: "etf_net_outflow", window: "nov_2025", as_of: "2025-11" };
  it("month-to-date does not decide a month: the same window word but not the same period scores 1, the whole month 2", () => {
    expect(relevance(nov, { window: "nov_2025", as_of: "2025-11-01/2025-11-24" })).toBe(1);
    expect(relevance(nov, { window: "nov_2025", as_of: "2025-11" })).toBe(2);
    // the same dates written as a span are the same period
    expect(relevance(nov, { window: "nov_2025", as_of: "2025-11-01/2025-11-30" })).toBe(2);
  });
  it("a level read on a day inside the claim's dates is the same period", () => {
    const low = { metric: "low", window: "episode", as_of: "2026-02-05/2026-02-06" };
    expect(relevance(low, { window: "intraday", as_of: "2026-02-06" })).toBe(1); // another window word
    expect(relevance(low, { window: "episode", as_of: "2026-02-06" })).toBe(2);
    expect(relevance(low, { window: "episode", as_of: "2026-02-04/2026-02-06" })).toBe(1); // starts before the claim
  });
  it("an after-hours move for an after-hours claim outranks a session move", () => {
    const ah = { metric: "pct_change", window: "after_hours", as_of: "2026-02-05" };
    expect(relevance(ah, { window: "after_hours", as_of: "2026-02-05" })).toBeGreaterThan(relevance(ah, { window: "session", as_of: "2026-02-05" }));
  });
});

describe("compareReadings: every relation on hand-worked intervals", () => {
  // claim "$60,000" = [59500, 60500), printed 60000
  const claim = { effective: { low: 59500, high: 60500, highOpen: true }, nominal: { low: 60000, high: 60000 } };
  const point = (low: number, high: number, v: number) => ({ effective: { low, high, highOpen: true as const }, nominal: { low: v, high: v }, pointFigure: true });
  it("refines: a narrower figure inside the claim ($60,008.52)", () => {
    expect(compareReadings(point(60008.515, 60008.525, 60008.52), claim)).toBe("refines");
  });
  it("confirms: the printed figures agree and the source is not narrower (about $60,000 = [58800, 61200])", () => {
    expect(compareReadings({ effective: { low: 58800, high: 61200 }, nominal: { low: 60000, high: 60000 }, pointFigure: true }, claim)).toBe("confirms");
  });
  it("confirms_within_rounding: only the rounding meets ($60,500 = [60450, 60550))", () => {
    // [60450, 60550) meets [59500, 60500) on [60450, 60500); printed 60500 ≠ 60000; not inside
    expect(compareReadings(point(60450, 60550, 60500), claim)).toBe("confirms_within_rounding");
  });
  it("consistent: an open or ranged figure that overlaps without lying inside (over $59,000)", () => {
    expect(compareReadings({ effective: { low: 58500, high: Infinity, highOpen: true }, nominal: { low: 59000, high: Infinity, lowOpen: true, highOpen: true }, pointFigure: false }, claim)).toBe("consistent");
  });
  it("disagrees: no common value even with rounding ($61,200 = [61150, 61250))", () => {
    expect(compareReadings(point(61150, 61250, 61200), claim)).toBe("disagrees");
  });
  it("isWithin respects open ends", () => {
    expect(isWithin({ low: 1, high: 2 }, { low: 1, high: 2, highOpen: true })).toBe(false);
    expect(isWithin({ low: 1, high: 2, highOpen: true }, { low: 1, high: 2, highOpen: true })).toBe(true);
  });
});

describe("isKnownOutlier", () => {
  it("is true only for a note that starts with 'known outlier' (any case, leading spaces trimmed)", () => {
    expect(isKnownOutlier({ note: "known outlier, kept on purpose: every other source puts the ATH higher" })).toBe(true);
    expect(isKnownOutlier({ note: "  Known outlier: a stale figure" })).toBe(true);
    expect(isKnownOutlier({ note: "not a known outlier" })).toBe(false);
    expect(isKnownOutlier({ note: "" })).toBe(false);
  });
});

describe("unnamedDay: a one-day figure dated by more than two days names no day", () => {
  it("a session figure dated by a week (2–6 Feb: four days apart) names no day; two adjacent dates are one event across time zones", () => {
    expect(unnamedDay({ window: "session", as_of: "2026-02-02/2026-02-06" })).toBe(true);
    expect(unnamedDay({ window: "intraday", as_of: "2026-02-05/2026-02-06" })).toBe(false);
    expect(unnamedDay({ window: "session", as_of: "2026-02-05" })).toBe(false);
  });
  it("a report of one day cannot test 'several sessions' of a week", () => {
    const claim = { subject: "nasdaq_composite", metric: "pct_change", window: "session", unit: "pct", as_of: "2026-02-02/2026-02-06" };
    const source = { subject: "nasdaq_composite", metric: "pct_change", window: "session", unit: "pct", as_of: "2026-02-05" };
    expect(whyNotComparable(claim, source)).toMatch(/^one day of the claim's span \(2026-02-05\)/);
    // a level over the same span is still one quantity: the week's low
    expect(whyNotComparable({ ...claim, metric: "low", unit: "index_pts" }, { ...source, metric: "low", unit: "index_pts" })).toBe("");
  });
  it("on the ledger: Gate's 'several consecutive sessions between 1.8% and 2.5%' is not disputed by the 1.59% of 5 Feb", () => {
    const r = loadAnalysis().independent.find((x) => x.claim === "cycle-004")!;
    expect(r.verdict).toBe("unverified");
    expect(r.rating).toBe("unverifiable");
  });
});

describe("another measure that fits a disputed figure: same or one-day windows only", () => {
  it("Nakamoto's 'exceeded US$3 billion' in January is not 'right for another measure' because a three-month total exceeds it", () => {
    // SoSoValue's about $1.6 billion for January is the deciding report; the Nov–Jan total of about $6.18 billion is a
    // longer period. That one aggregator's figure (one origin, relayed by TheNewsCrypto) is the only dissent, so rule 8
    // rates the dispute "cannot be verified", not "inaccurate"
    const r = loadAnalysis().independent.find((x) => x.claim === "nakamoto-027")!;
    expect(r.verdict).toBe("disputed");
    expect(r.other_measure).toBeNull();
    expect(r.rating).toBe("unverifiable");
    expect(r.explanation).toMatch(/That is a single source's figure, and no other independent report settles it/);
  });
  it("Gate's Amazon '–10–12% single session' fits the after-hours fall of 5 Feb (another window, one day too)", () => {
    // disputed by TS2 Tech's −5.6% for the 6 Feb session (r102); Kaohoon's −10% after hours on 5 Feb (r095) fits it.
    // Only one source disputes it, so rule 8 rates it "cannot be verified", not misleading
    const r = loadAnalysis().independent.find((x) => x.claim === "crushes-050")!;
    expect(r.verdict).toBe("disputed");
    // AP (r097, a wire: after hours −11%) before Kaohoon (r095, an aggregator: −10%), both of 5 Feb
    expect(r.other_measure).toBe("r097");
    expect(r.rating).toBe("unverifiable");
  });
});

describe("a figure a source prints only in words is rated and explained as printed (r165, r166)", () => {
  const a = loadAnalysis();
  const get = (id: string) => a.independent.find((x) => x.claim === id)!;

  it("TradingKey's 'doubling' against Karachi Chronicle's 'roughly double': both +100%, accurate", () => {
    // "doubling" = [90, 110) (a word figure good to 10%); "roughly double" = [90, 110], 100 as printed: confirmed
    expect(get("tradingkey-019")).toMatchObject({ verdict: "confirmed", best_source: "r165", rating: "accurate" });
    expect(get("tradingkey-019").explanation).toBe("TradingKey says “doubling”; Karachi Chronicle reports “roughly double” (2026).");
  });

  it("Nakamoto's 'almost double' meets 'roughly double' only once their 'almost' and 'roughly' are allowed: accurate, rounded", () => {
    // "almost double" as printed = [90, 100): 100 is not in it; with rounding [90, 110) holds it
    expect(get("nakamoto-036")).toMatchObject({ verdict: "confirmed_within_rounding", best_source: "r165", rating: "accurate_rounded" });
    expect(get("nakamoto-036").explanation).toBe("Nakamoto says “almost double”; Karachi Chronicle reports “roughly double” (2026), which agrees once both figures' rounding, the “almost” and the “roughly” are allowed.");
  });

  it("Nakamoto's 'since March 2020' against AP's (via Ground News) 'since March 2020': accurate", () => {
    expect(get("nakamoto-044")).toMatchObject({ verdict: "confirmed", best_source: "r166", rating: "accurate" });
    // the span is quoted with the record it dates: r128's "its steepest one‑day drop since March 2020"
    expect(get("nakamoto-044").explanation).toBe("Nakamoto says “since March 2020”; Ground News aggregation reports “its steepest one‑day drop since March 2020” (in the session, 29 Jan 2026).");
  });

  it("no explanation restates a word figure or a since-span as a number the source never printed", () => {
    // before: "Business Standard reports 16 months", "Wyoming Star News reports 17 years"; the quotes print
    // "since October 2024" and "since 2009"
    expect(get("gmteight-011").explanation).toBe("GMT Eight says “16-month”; Business Standard reports “its lowest level since October 2024” (6 Feb 2026).");
    expect(get("gmteight-010").explanation).toBe("GMT Eight says “17-year”; Wyoming Star News reports “the worst January for planned cuts since 2009” (January 2026).");
    for (const id of ["tradingkey-019", "nakamoto-036", "nakamoto-044"]) expect(get(id).explanation, id).not.toMatch(/100%|70 months|a rise of/);
  });
});
