/**
 * Ratings and plain-language explanations (src/domain/explain.ts, ratings.ts, wording.ts): every
 * machine verdict of every kind gets its rating on the reader's scale and one or two sentences
 * that say what the article says, what the record shows and why the rating, with no interval
 * notation, claim ids or unit ids. Expected sentences are built by hand from the templates of
 * explain.ts and the number words of wording.ts (4 significant digits, "−" for minus, "6 Feb 2026").
 */
import { describe, expect, it } from "vitest";
import { articleName, possessive, rateCheck, rateConflict, rateIndependent, withoutIds, type ExplainContext } from "../../src/domain/explain";
import { isRating, ratingLabel, RATINGS, type Rating } from "../../src/domain/ratings";
import { loadAnalysis } from "../../src/domain/analysis";
import { allowanceWords, hedgeWords } from "../../src/domain/explain-common";
import type { CheckVerdict } from "../../src/domain/checks";
import type { Conflict, ConflictMember } from "../../src/domain/reconcile";
import type { IndependentResult, SourceComparison } from "../../src/domain/independent";
import type { IndependentRow } from "../../src/data/independent-file";
import type { Qualifier } from "../../src/data/types";

/**
 * What an explanation must never contain: interval notation ("[59500, 60500)", "(−∞, 60000)", any
 * square bracket or ∞), claim ids ("tradingkey-008"), unit ids ("pct", "USD_bn", "CNY_per_USD",
 * "index_pts") or machine words. A date in parentheses ("(6 Feb 2026)") or a share ("(1.5%)") is fine.
 */
const MACHINE_TEXT = /\[|\]|∞|\([−-]?\d[\d.]*, [+−-]?[\d∞]|\b[a-z]+-\d{3}\b|\bpct\b|\bpct_points\b|\b[A-Z]{3}_(?:mn|bn|tn|per_[A-Z]{3})\b|\b(?:CNY|USD|TWD) per (?:CNY|USD|TWD)\b|\bindex_pts\b|\b(?:lowOpen|highOpen|null|undefined|NaN|Infinity)\b/;

type ClaimEntry = ExplainContext["byId"] extends ReadonlyMap<string, infer V> ? V : never;
const claimOf = (id: string, article: string, raw: string, over: Partial<{ qualifier: Qualifier; as_of: string; hedge: string; quote: string }> = {}): [string, ClaimEntry] =>
  [id, { id, article, raw, quote: `… ${raw} …`, qualifier: "exact", as_of: "2026-02-06", hedge: "", ...over }];

const ctx: ExplainContext = {
  articles: [
    { id: "gate", outlet: "Gate Square (gate.com)" },
    { id: "tk", outlet: "TradingKey" },
    { id: "nq", outlet: "New Quotes (machine translation)" },
  ],
  byId: new Map([
    claimOf("gate-001", "gate", "–52%", { as_of: "2026-02-05/2026-02-06" }),
    claimOf("gate-002", "gate", "–45%", { as_of: "2026-02-08" }),
    claimOf("gate-003", "gate", "sub-$60K", { qualifier: "under", hedge: "sub-" }),
    claimOf("gate-004", "gate", "$60,000–$61,000", { qualifier: "range" }),
    claimOf("tk-001", "tk", "$60,000"),
    claimOf("tk-003", "tk", "56,000"),
    claimOf("tk-004", "tk", "20%", { qualifier: "nearly", hedge: "nearly", as_of: "2026-02-05" }),
    claimOf("nq-001", "nq", "59800"),
    claimOf("nq-002", "nq", "100% during the day. 8%", { qualifier: "garbled", hedge: "more than" }),
    claimOf("nq-003", "nq", "570,000", { qualifier: "over", hedge: "more than" }),
    claimOf("nq-004", "nq", "10"),
  ]),
  rows: [
    row("r011", "BTC", "low", "intraday", 60008.52, "The News (Pakistan), rewriting Reuters", "hitting a low of $60,008.52 earlier today"),
    row("r019", "BTC", "low", "intraday", 60900, "Business Standard", "plunging to $60,900"),
    row("r036", "fear_greed_index", "index_level", "point", 9, "CoinMarketBuzz", "registers Extreme Fear at 9/100"),
    row("r077", "silver", "pct_change", "session", -26, "TexMetals", "crashing 26% in a single session", "2026-02-05"),
    row("r078", "silver", "pct_change", "intraday", -20, "Mint (Livemint)", "COMEX silver prices tumbled 20%", "2026-02-05"),
  ],
  origins: [{ origin: "coinglass", name: "CoinGlass liquidation data" }],
};

function row(id: string, subject: string, metric: string, window: string, v: number, outlet: string, quote: string, as_of = "2026-02-06"): IndependentRow {
  const unit = metric === "pct_change" ? "pct" : metric === "index_level" ? "score" : "USD";
  return { id, subject, metric, window, low: v, high: v, unit, as_of, quote, url: "https://example.test", outlet, published: "", tier: "wire", claims: [], stance: "corroborates", note: "", instrument: "", origin: id, line: 2 };
}

describe("the rating scale", () => {
  it("has five ratings, best first, each with a reader's label", () => {
    expect(RATINGS).toEqual(["accurate", "accurate_rounded", "misleading", "inaccurate", "unverifiable"]);
    expect(RATINGS.map(ratingLabel)).toEqual(["Accurate", "Accurate, rounded", "Misleading: another measure or date", "Inaccurate", "Cannot be verified"]);
    expect(isRating("accurate_rounded")).toBe(true);
    expect(isRating("disputed")).toBe(false);
  });
});

describe("names and ids in explanations", () => {
  it("articleName() is the outlet up to its first parenthesis, or the id when unknown", () => {
    expect(articleName(ctx, "nq")).toBe("New Quotes");
    expect(articleName(ctx, "zz")).toBe("zz");
  });
  it("possessive() adds 's, or only ' after an s", () => {
    expect(possessive("TradingKey")).toBe("TradingKey's");
    expect(possessive("New Quotes")).toBe("New Quotes'");
  });
  it("withoutIds() replaces every known claim id by its figure as printed, and leaves unknown ones", () => {
    // ids become the figures as printed and ISO dates dates in words
    expect(withoutIds("gate-002 is dated 2026-02-08 but the level tk-001 is dated 2026-02-06", ctx)).toBe("“–45%” is dated 8 Feb 2026 but the level “$60,000” is dated 6 Feb 2026");
    expect(withoutIds("see zz-999", ctx)).toBe("see zz-999");
  });
});

type CheckInput = Pick<CheckVerdict, "id" | "verdict" | "reason" | "statement" | "claims" | "claimed" | "reference" | "computed" | "gap"> & { working?: string };
const check = (c: Partial<CheckInput>): CheckInput => ({ id: "a-check", verdict: "consistent", reason: "", statement: "", claims: [], claimed: null, reference: null, computed: { low: 0, high: 0, unit: "pct" }, gap: 0, ...c });

describe("rateCheck: a rating and an explanation for each outcome of the article's own arithmetic", () => {
  it("consistent -> accurate", () => {
    // plainAmount(−52.38095, "pct"): 2 whole digits, 2 decimals -> "−52.38%"
    const v = rateCheck(check({ claims: ["tk-001", "gate-001"], claimed: { low: -52.5, high: -51.5, unit: "pct" }, computed: { low: -52.38095, high: -52.38095, unit: "pct" } }), ctx);
    expect(v.rating).toBe("accurate");
    // tk-001 (TradingKey) and gate-001 (Gate Square): two articles agreeing, which says nothing about the record
    expect(v.explanation).toBe("The figures give −52.38%, which matches Gate Square's “–52%”. The two articles agree with each other; each figure is checked against the record separately.");
  });
  it("a result exactly at a strict bound ('sub-$60K' against $60,000) agrees only once rounded: accurate, rounded", () => {
    // "sub-$60K" as printed is (−∞, 60000): $60,000 itself is excluded; with rounding (−∞, 60500] holds it
    const at = (hedge: string): ExplainContext => ({
      ...ctx,
      byId: new Map([...ctx.byId, claimOf("gate-003", "gate", "sub-$60K", { qualifier: "under", hedge })]),
      checks: [{ id: "a-check", inputs: ["tk-001"], result: "gate-003" }],
    });
    const v = { ...check({ claims: ["tk-001", "gate-003"], claimed: { low: null, high: 60500, unit: "USD" }, computed: { low: 60000, high: 60000, unit: "USD" } }), claimedAsPrinted: { low: null, high: 60000, unit: "USD" } };
    expect(rateCheck(v, at("sub-")).rating).toBe("accurate_rounded");
    // "up to $60K" includes its bound: accurate as printed
    expect(rateCheck(v, at("up to")).rating).toBe("accurate");
  });
  it("rule 8: a failing check whose target is one aggregator's figure (ref=) cannot be verified; a wire's is inaccurate", () => {
    // the article's two lows sum to 120,000 against a reference of 60,900: inconsistent either way
    const withRef = (tier: IndependentRow["tier"]): ExplainContext => ({
      ...ctx,
      rows: ctx.rows!.map((r) => (r.id === "r019" ? { ...r, tier } : r)),
      checks: [{ id: "a-check", inputs: ["tk-001", "nq-001"], result: null, params: { ref: "r019" } }],
    });
    const failing = check({ verdict: "inconsistent", claims: ["tk-001", "nq-001"], reference: { low: 60900, high: 60900, unit: "USD" }, computed: { low: 119800, high: 119800, unit: "USD" }, gap: 58900, working: "$60,000 + 59,800 = $119,800." });
    const lone = rateCheck(failing, withRef("aggregator"));
    expect(lone.rating).toBe("unverifiable");
    expect(lone.explanation).toBe("$60,000 + 59,800 = $119,800, against Business Standard's “$60,900” for the same period: a single aggregator's figure, enough to question TradingKey's figures but not to call them wrong.");
    expect(rateCheck(failing, withRef("wire")).rating).toBe("inaccurate");
  });
  it("a result that is only a bound around the figure cannot confirm it: the figures do not conflict", () => {
    // more than 24.4% (low at −100%, a whole fall) around "27%" [−27.5, −26.5]
    const v = rateCheck(check({ claims: ["tk-001", "gate-001"], claimed: { low: -27.5, high: -26.5, unit: "pct" }, computed: { low: -100, high: -24.4, unit: "pct" }, working: "A fall of more than 10% and a fall of 16% compounded make a fall of more than 24.4%." }), ctx);
    expect(v.rating).toBe("unverifiable");
    expect(v.explanation).toBe("A fall of more than 10% and a fall of 16% compounded make a fall of more than 24.4%, which leaves room for Gate Square's “–52%”: only a bound, so the figures do not conflict but cannot confirm it.");
  });
  it("a fixed target is named for what it is: an expected value, an outside estimate (expected=), the 100% probabilities add up to", () => {
    const v = rateCheck(check({ reference: { low: 100, high: 100, unit: "pct" }, computed: { low: 90, high: 110, unit: "pct" } }), ctx);
    expect(v.explanation).toBe("The figures give 90% to 110%, which matches the expected 100%.");
    const outside: ExplainContext = { ...ctx, checks: [{ id: "a-check", inputs: [], result: null, params: { expected: "0.21..0.26" } }] };
    const fx = rateCheck(check({ reference: { low: 0.21, high: 0.26, unit: "CNY_per_TWD" }, computed: { low: 0.23, high: 0.23, unit: "CNY_per_TWD" } }), outside);
    // a rate range names its currencies once, in words
    expect(fx.explanation).toBe("The figures give 0.23 yuan per Taiwan dollar, which matches an outside estimate of 0.21 to 0.26 yuan per Taiwan dollar.");
    const sum = rateCheck({ ...check({ reference: { low: 100, high: 100, unit: "pct" }, computed: { low: 90, high: 110, unit: "pct" } }), kind: "probabilities_sum" }, ctx);
    expect(sum.explanation).toBe("The figures give 90% to 110%, which matches the 100% that probabilities must add up to.");
  });
  it("consistent_within_rounding -> accurate_rounded, with the check's own working line", () => {
    // "over 46,000" is an input: more than 56,600 lies outside “56,000” (55,500–56,500), so the inputs' rounding counts too
    const over: ExplainContext = { ...ctx, byId: new Map([...ctx.byId, claimOf("x-001", "tk", "46,000", { qualifier: "over", hedge: "over" })]) };
    const v = rateCheck(check({ verdict: "consistent_within_rounding", working: "over 46,000 bought plus 10,600 sold is over 56,600.", claims: ["x-001", "x-002", "tk-003"], claimed: { low: 55500, high: 56500, unit: "coins" }, computed: { low: 56600, high: null, unit: "coins" }, gap: 100 }), over);
    expect(v.rating).toBe("accurate_rounded");
    expect(v.explanation).toBe("Over 46,000 bought plus 10,600 sold is over 56,600; TradingKey's “56,000” agrees with that once every figure's rounding and the “over” are allowed.");
    // a result of 56,200 lies within “56,000” read with its rounding (55,500–56,500): its own rounding is all it takes
    const own = rateCheck(check({ verdict: "consistent_within_rounding", working: "46,000 bought plus 10,200 sold is 56,200.", claims: ["x-001", "x-002", "tk-003"], claimed: { low: 55500, high: 56500, unit: "coins" }, computed: { low: 56200, high: 56200, unit: "coins" }, gap: 0 }), over);
    expect(own.explanation).toBe("46,000 bought plus 10,200 sold is 56,200; TradingKey's “56,000” agrees with that once its rounding is allowed.");
  });
  it("inconsistent -> inaccurate, with the gap and its share of the claimed figure", () => {
    // gap 500 against the claimed midpoint 56,000: 500 / 56000 = 0.89%
    const v = rateCheck(check({ verdict: "inconsistent", claims: ["x-001", "tk-003"], claimed: { low: 55500, high: 56500, unit: "coins" }, computed: { low: 57000, high: 57000, unit: "coins" }, gap: 500 }), ctx);
    expect(v.rating).toBe("inaccurate");
    expect(v.explanation).toBe("The figures give 57,000 bitcoin, not TradingKey's “56,000”: off by 500 bitcoin (0.89%) even allowing for both figures' rounding.");
  });
  it("scope_mismatch -> cannot be verified: a figure of another day 'refers to another day', named with figures instead of ids", () => {
    const reason = "the claimed (-45.5, -44.5] pct and the computed [-53.52, -51.24] pct measure different things (gate-002 is dated 2026-02-08 but the level tk-001 is dated 2026-02-06); they are 5.735 pct apart";
    const v = rateCheck(check({ verdict: "scope_mismatch", reason, claims: ["tk-001", "gate-002"], claimed: { low: -45.5, high: -44.5, unit: "pct" }, gap: 5.735 }), ctx);
    expect(v.rating).toBe("unverifiable");
    // computed as printed is {0, 0} in this fixture: "the figures give 0%"
    expect(v.explanation).toBe("The figures give 0%, but Gate Square's “–45%” refers to another day, so the two cannot be compared: “–45%” is dated 8 Feb 2026 but the level “$60,000” is dated 6 Feb 2026.");
  });
  it("scope_mismatch: another period 'covers another period'; a figure dated only by its month 'gives no day'; another quantity 'measures something else'", () => {
    const mismatch = (issues: string, claims: string[]) =>
      rateCheck(check({ verdict: "scope_mismatch", reason: `the claimed [1, 2] pct and the computed [3, 4] pct measure different things (${issues}); they are 1 pct apart`, claims, claimed: { low: 1, high: 2, unit: "pct" }, gap: 1 }), ctx).explanation;
    expect(mismatch("the parts run from 2025-11-01 to 2025-12-31, but tk-003 covers 2025-11-01 to 2026-01-10", ["tk-001", "tk-003"])).toBe(
      "The figures give 0%, but TradingKey's “56,000” covers another period, so the two cannot be compared: the parts run from 1 Nov 2025 to 31 Dec 2025, but “56,000” covers 1 Nov 2025 to 10 Jan 2026.",
    );
    const monthly: ExplainContext = { ...ctx, byId: new Map([...ctx.byId, claimOf("gate-009", "gate", "~0.73–0.91", { as_of: "2026-02", qualifier: "range" })]) };
    const noDay = rateCheck(check({ verdict: "scope_mismatch", reason: "the claimed [0.73, 0.91] ratio and the computed [-0.68, 0.72] ratio measure different things (gate-009 is dated 2026-02, not between the readings of 2026-02-03 and 2026-02-17); they are 0.01 ratio apart", claims: ["gate-009"], claimed: { low: 0.73, high: 0.91, unit: "ratio" }, gap: 0.01 }), monthly);
    expect(noDay.explanation).toBe("The figures give 0%, but Gate Square's “~0.73–0.91” gives no day, only February 2026: the two cannot be compared.");
    expect(mismatch("tk-001 is a drawdown (measured from a high or low inside its window), not a change over the whole window", ["tk-001", "gate-002"])).toBe(
      "The figures give 0%, but Gate Square's “–45%” measures something else, so the two cannot be compared: “$60,000” is a drawdown (measured from a high or low inside its window), not a change over the whole window.",
    );
  });
  it("a restatement says where each figure stands: the summary's figure restates the body's", () => {
    const placed: ExplainContext = {
      ...ctx,
      byId: new Map([...ctx.byId, claimOf("tk-010", "tk", "$60,000", { qualifier: "under", hedge: "below", quote: "crashed below $60,000" })].map(([id, c]) => [id, { ...c, section: id === "tk-010" ? "summary" : "bitcoin" }])),
      sections: [
        { article: "tk", section: "summary", heading: "Summary paragraph", kind: "lead" },
        { article: "tk", section: "bitcoin", heading: "Bitcoin's crash", kind: "theme" },
      ],
      checks: [{ id: "a-check", inputs: ["tk-001"], result: "tk-010", params: {}, kind: "restatement" }],
    };
    const v = rateCheck(check({ claims: ["tk-001", "tk-010"], claimed: { low: 59500, high: 60000, unit: "USD" }, computed: { low: 60000, high: 60000, unit: "USD" }, working: "$60,000, restated as under $60,000" }), placed);
    expect(v.rating).toBe("accurate");
    expect(v.explanation).toBe("In TradingKey, the summary's “below $60,000” restates the body's “$60,000”.");
  });
  it("a weekday dated by an outside report says so, with no possessive before its described figure", () => {
    const dating: ExplainContext = { ...ctx, checks: [{ id: "a-check", inputs: ["tk-004"], result: null, params: { weekday: "Thursday", date: "r077" } }] };
    const v = rateCheck({ ...check({ claims: ["tk-004"], reference: { low: 0, high: 0, unit: "count" }, computed: { low: 0, high: 0, unit: "count" }, working: "5 Feb 2026 was a Thursday" }), sources: ["r077"] }, dating);
    expect(v.explanation).toBe("5 Feb 2026 was a Thursday, as TradingKey says; TexMetals dates the fall of 26% to that day.");
  });
  it("ambiguous -> unverifiable, with the garbled figure shown as printed", () => {
    const v = rateCheck(check({ verdict: "ambiguous", reason: "uses the garbled figure nq-002, whose reading is uncertain", claims: ["tk-001", "nq-002"], claimed: { low: null, high: -7.5, unit: "pct" }, gap: null }), ctx);
    expect(v.rating).toBe("unverifiable");
    expect(v.explanation).toBe("The figures cannot be checked: New Quotes' “more than 100% during the day. 8%” is garbled by the machine translation and has more than one reading.");
  });
});

const member = (claim: string, article: string, raw: string, as_of = "2026-02-06"): ConflictMember => ({ claim, article, subject: "BTC", window: "intraday", as_of, raw, qualifier: "exact", low: null, high: null, lowOpen: false, highOpen: false });
const conflict = (verdict: Conflict["verdict"], reason: string, members: ConflictMember[], unit = "USD") => ({ verdict, reason, members, unit });

describe("rateConflict: a rating and an explanation for each reconciliation verdict", () => {
  const two = [member("tk-001", "tk", "$60,000"), member("nq-001", "nq", "59800")];
  it("agree -> accurate", () => {
    const c = rateConflict(conflict("agree", "all 2 figures share ...", two), ctx);
    expect(c.rating).toBe("accurate");
    expect(c.explanation).toBe("“$60,000” (TradingKey, 6 Feb 2026) and “59800” (New Quotes, 6 Feb 2026) agree with each other as printed (each figure is checked against the record separately).");
  });
  it("agree_within_rounding -> accurate_rounded", () => {
    const c = rateConflict(conflict("agree_within_rounding", "the printed figures differ but all fit [59750, 59850) USD once their rounding and hedges are allowed", two), ctx);
    expect(c.rating).toBe("accurate_rounded");
    expect(c.explanation).toBe("“$60,000” (TradingKey, 6 Feb 2026) and “59800” (New Quotes, 6 Feb 2026) agree with each other once both figures' rounding is allowed.");
  });
  it("an immaterial gap -> accurate_rounded, with the gap in words", () => {
    // "150 USD (0.25%)" -> "$150 (0.25%)"
    const reason = 'the figures differ by an immaterial amount, under 0.5% of the figures: a-1 "$60,000" (2026-02-06) = [59500, 60500) and b-1 "$59,300" (2026-02-06) = [59250, 59350) are 150 USD (0.25%) apart';
    const c = rateConflict(conflict("agree_within_rounding", reason, two), ctx);
    expect(c.rating).toBe("accurate_rounded");
    // 0.25% is under half a percent
    expect(c.explanation).toBe("“$60,000” (TradingKey, 6 Feb 2026) and “59800” (New Quotes, 6 Feb 2026) differ by $150 (0.25%), less than half a percent: too small to matter.");
    // 1,000 of 60,000 is 1.7%: immaterial only because outside reports differ by as much
    const wide = 'the figures differ by an immaterial amount, within the 2000 USD by which independent reports of it differ, or under 0.5%: a-1 "$60,000" (2026-02-06) = [59500, 60500) and b-1 "$58,000" (2026-02-06) = [57500, 58500) are 1000 USD (1.7%) apart';
    expect(rateConflict(conflict("agree_within_rounding", wide, two), ctx).explanation).toBe("“$60,000” (TradingKey, 6 Feb 2026) and “59800” (New Quotes, 6 Feb 2026) differ by $1,000 (1.7%), but outside reports of the same figure differ from one another by as much, so the gap does not matter.");
  });
  it("timing_mismatch -> cannot be verified: figures of different days do not test each other, and both can be right", () => {
    const c = rateConflict(conflict("timing_mismatch", "no single value fits all 2, but ...", [member("gate-001", "gate", "–52%", "2026-02-05/2026-02-06"), member("gate-002", "gate", "–45%", "2026-02-08")], "pct"), ctx);
    expect(c.rating).toBe("unverifiable");
    expect(c.explanation).toBe("“–52%” (Gate Square, 5–6 Feb 2026) and “–45%” (Gate Square, 8 Feb 2026) refer to different days, and the quantity may have moved in between: they do not test each other, and both can be right.");
  });
  it("timing_mismatch of figures that agree across days -> cannot be verified: their agreement confirms nothing", () => {
    // claims not in the context: each member is shown as printed
    const reason = 'the figures share -52 pct, but no two of the 2 figures refer to overlapping dates, so they do not test each other: gate-101 "–52%" (2026-02-05/2026-02-06), gate-102 "–52%" (2026-02-08)';
    const c = rateConflict(conflict("timing_mismatch", reason, [member("gate-101", "gate", "–52%", "2026-02-05/2026-02-06"), member("gate-102", "gate", "–52%", "2026-02-08")], "pct"), ctx);
    expect(c.rating).toBe("unverifiable");
    expect(c.explanation).toBe("“–52%” (Gate Square, 5–6 Feb 2026) and “–52%” (Gate Square, 8 Feb 2026) agree, but they refer to different days, so they do not test each other: their agreement confirms neither.");
  });
  it("agreement among figures of several days says only those of the same day confirm each other", () => {
    const c = rateConflict(conflict("agree", "all 2 figures share ...; figures of different days among them agree without testing each other", two), ctx);
    expect(c.explanation).toBe("“$60,000” (TradingKey, 6 Feb 2026) and “59800” (New Quotes, 6 Feb 2026) agree with each other as printed (each figure is checked against the record separately); only those of the same day confirm each other.");
  });
  it("scope_mismatch -> cannot be verified: different scopes or stages do not test each other", () => {
    const c = rateConflict(conflict("scope_mismatch", "the disagreeing figures come from one passage ...", two), ctx);
    expect(c.rating).toBe("unverifiable");
    expect(c.explanation).toMatch(/measure different scopes or stages: they do not test each other, and all can be true together\.$/);
  });
  it("contradiction -> inaccurate, with the gap in words", () => {
    // "1000 USD (1.7%)" -> "$1,000 (1.7%)"
    const reason = 'a-1 "$60,000" (2026-02-06) = [59500, 60500) and b-1 "$58,000" (2026-02-06) = [57500, 58500) are 1000 USD (1.7%) apart for overlapping dates; largest agreeing set: b-1 (1 of 2)';
    const c = rateConflict(conflict("contradiction", reason, two), ctx);
    expect(c.rating).toBe("inaccurate");
    expect(c.explanation).toBe("“$60,000” (TradingKey, 6 Feb 2026) and “59800” (New Quotes, 6 Feb 2026) give the same quantity for overlapping dates and cannot all be right: they are $1,000 (1.7%) apart.");
  });
  it("names four members and counts the rest, with one 'and'", () => {
    const six = ["tk-001", "nq-001", "gate-003", "gate-004", "tk-003", "nq-004"].map((id) => member(id, ctx.byId.get(id)!.article, ctx.byId.get(id)!.raw));
    expect(rateConflict(conflict("agree", "", six), ctx).explanation).toMatch(/^“\$60,000” \(TradingKey, 6 Feb 2026\), “59800” \(New Quotes, 6 Feb 2026\), “sub-\$60K” \(Gate Square, 6 Feb 2026\), “\$60,000–\$61,000” \(Gate Square, 6 Feb 2026\) and 2 more agree with each other as printed \(each figure is checked against the record separately\)\.$/);
  });
});

type IndependentInput = Pick<IndependentResult, "claim" | "verdict" | "reason" | "best_source" | "sources" | "gap" | "relative_gap" | "other_measure"> & Partial<Pick<IndependentResult, "inside_printed">>;
const source = (id: string, relation: SourceComparison["relation"], over: Partial<SourceComparison> = {}): SourceComparison => ({ id, tier: "wire", outlet: "x", stance: "corroborates", origin: id, relation, relevance: 2, interval: "", why: "", ...over });
const result = (r: Partial<IndependentInput>): IndependentInput => ({ claim: "tk-001", verdict: "unverified", reason: "", best_source: null, sources: [], gap: null, relative_gap: null, other_measure: null, ...r });

describe("rateIndependent: a rating and an explanation for each verdict against independent reporting", () => {
  it("unverified with no report -> unverifiable", () => {
    const r = rateIndependent(result({}), ctx);
    expect(r.rating).toBe("unverifiable");
    expect(r.explanation).toBe("No independent report of this figure was found.");
  });
  it("unverified with only context reports -> unverifiable, saying they measure other things", () => {
    const r = rateIndependent(result({ sources: [source("r078", "context", { why: "another window (intraday, the claim session)" })] }), ctx);
    expect(r.explanation).toBe("TradingKey says “$60,000”; the reports found measure other things (another window, date, instrument or measure), so none can confirm or dispute it.");
  });
  it("a restatement of the claim's own origin -> unverifiable, naming the origin", () => {
    const r = rateIndependent(result({ claim: "nq-003", sources: [source("r030", "same_origin", { origin: "coinglass" })] }), ctx);
    expect(r.rating).toBe("unverifiable");
    expect(r.explanation).toBe("New Quotes says “more than 570,000”; the only other reports of it restate its own source, CoinGlass liquidation data, so no independent record confirms it.");
  });
  it("a garbled claim -> unverifiable, whatever the sources say", () => {
    const r = rateIndependent(result({ claim: "nq-002", verdict: "confirmed", best_source: "r011", sources: [source("r011", "confirms")], gap: 0, relative_gap: 0 }), ctx);
    expect(r.rating).toBe("unverifiable");
    expect(r.explanation).toBe("New Quotes says “more than 100% during the day. 8%”, but the machine translation garbles the figure, so it has more than one reading and cannot be checked.");
  });
  it("confirmed -> accurate", () => {
    const r = rateIndependent(result({ claim: "tk-001", verdict: "confirmed", best_source: "r011", sources: [source("r011", "confirms")], gap: 0, relative_gap: 0 }), ctx);
    expect(r.rating).toBe("accurate");
    expect(r.explanation).toBe("TradingKey says “$60,000”; The News reports “$60,008.52” (intraday, 6 Feb 2026).");
  });
  it("refined inside a printed range -> accurate", () => {
    // $60,008.52 lies inside $60,000–$61,000 as printed: inside_printed
    const r = rateIndependent(result({ claim: "gate-004", verdict: "refined", best_source: "r011", sources: [source("r011", "refines")], gap: 0, relative_gap: 0, inside_printed: true }), ctx);
    expect(r.rating).toBe("accurate");
    expect(r.explanation).toBe("Gate Square says “$60,000–$61,000”; The News reports “$60,008.52” (intraday, 6 Feb 2026), which lies within the article's figure.");
  });
  it("refined inside a rounded figure -> accurate_rounded: the precise figure the article rounds", () => {
    const r = rateIndependent(result({ claim: "tk-001", verdict: "refined", best_source: "r011", sources: [source("r011", "refines")], gap: 8.52, relative_gap: 0.000142 }), ctx);
    expect(r.rating).toBe("accurate_rounded");
    expect(r.explanation).toBe("TradingKey says “$60,000”; The News reports “$60,008.52” (intraday, 6 Feb 2026), the precise figure the article rounds.");
  });
  it("confirmed_within_rounding -> accurate_rounded", () => {
    const r = rateIndependent(result({ claim: "tk-001", verdict: "confirmed_within_rounding", best_source: "r011", sources: [source("r011", "confirms_within_rounding")], gap: 8.52, relative_gap: 0.000142 }), ctx);
    expect(r.rating).toBe("accurate_rounded");
    expect(r.explanation).toBe("TradingKey says “$60,000”; The News reports “$60,008.52” (intraday, 6 Feb 2026), which agrees once both figures' rounding is allowed.");
  });
  it("a close report says which margin makes it immaterial: under 0.5%, or the spread of the other reports", () => {
    // 0.35% apart: the 0.5% threshold; 10% apart (the index's 10 against 9): the spread of the other providers
    const under = rateIndependent(result({ claim: "tk-001", verdict: "confirmed_within_rounding", best_source: "r011", sources: [source("r011", "close")], gap: 208.52, relative_gap: 0.0034869 }), ctx);
    expect(under.explanation).toMatch(/0\.35% apart: less than half a percent, too small to matter\.$/);
  });
  it("a close (immaterial) report -> accurate_rounded, with the gap as a share", () => {
    // 1 / 10 = 10%
    const r = rateIndependent(result({ claim: "nq-004", verdict: "confirmed_within_rounding", best_source: "r036", sources: [source("r036", "close")], gap: 1, relative_gap: 0.1 }), ctx);
    expect(r.rating).toBe("accurate_rounded");
    expect(r.explanation).toBe("New Quotes says “10”; CoinMarketBuzz reports “9” (6 Feb 2026), 10% apart, but other reports of it differ from one another by as much, so the gap does not matter.");
  });
  it("a report just past a round figure's bound says which side, in words: 'just above it (by $8.52)', 'the round figure itself, not more'", () => {
    // "sub-$60K" against $60,008.52: 8.52 / 60,000 = 0.0142% -> "0.014%"
    const above = rateIndependent(result({ claim: "gate-003", verdict: "refined", best_source: "r011", sources: [source("r011", "refines")], gap: 8.52, relative_gap: 0.000142 }), ctx);
    expect(above.rating).toBe("accurate_rounded");
    // this claim carries no unit, so the gap is its share; with a unit it is the amount (crushes-019 on the ledger: "by $8.52")
    expect(above.explanation).toBe("Gate Square says “sub-$60K”; The News reports “$60,008.52” (intraday, 6 Feb 2026), just above it (by 0.014%), close enough for a round figure.");
    const at: ExplainContext = { ...ctx, rows: [...ctx.rows!, { ...row("r090", "crypto_traders", "liquidated_traders", "24h", 570000, "Bitget News", "570,000 traders liquidated"), unit: "people" }] };
    const exact = rateIndependent(result({ claim: "nq-003", verdict: "refined", best_source: "r090", sources: [source("r090", "refines")], gap: 0, relative_gap: 0 }), at);
    expect(exact.explanation).toBe("New Quotes says “more than 570,000”; Bitget News reports “570,000” (over 24 hours, 6 Feb 2026): the round figure itself, not more, close enough.");
  });
  it("reports of one figure are said once, and a figure at the end of their range is named as such", () => {
    const range = (id: string, outlet: string) => ({ ...row(id, "alphabet", "capex", "fy2026", 175, outlet, "$175 billion to $185 billion"), high: 185, unit: "USD_bn", as_of: "2026" });
    const three: ExplainContext = {
      ...ctx,
      byId: new Map([...ctx.byId, ["ge-008", { ...claimOf("ge-008", "tk", "$185 billion")[1], low: 185, high: 185 }]]),
      rows: [...ctx.rows!, range("r101", "Wyoming Star News"), range("r102", "PPC Land"), range("r103", "Karachi Chronicle")],
    };
    const fits = ["r101", "r102", "r103"].map((id) => source(id, "consistent"));
    const top = rateIndependent(result({ claim: "ge-008", sources: fits }), three);
    expect(top.rating).toBe("unverifiable");
    expect(top.explanation).toBe("TradingKey says “$185 billion”, the top of the range of $175 billion to $185 billion that Wyoming Star News and 2 other outlets report (2026): it fits, but the reports do not pin it down.");
    // a figure inside the range: the reports said once, without "the top of"
    const inside: ExplainContext = { ...three, byId: new Map([...three.byId, ["ge-008", { ...three.byId.get("ge-008")!, raw: "$180 billion", low: 180, high: 180 }]]) };
    expect(rateIndependent(result({ claim: "ge-008", sources: fits }), inside).explanation).toBe("TradingKey says “$180 billion”; Wyoming Star News and 2 other outlets report $175 billion to $185 billion (2026), which fits it without pinning it down.");
  });
  it("disputed -> inaccurate, with the source and the gap as a share", () => {
    // 900 / 60000 = 1.5%
    const r = rateIndependent(result({ claim: "gate-003", verdict: "disputed", best_source: "r019", sources: [source("r019", "disagrees")], gap: 900, relative_gap: 0.015 }), ctx);
    expect(r.rating).toBe("inaccurate");
    expect(r.explanation).toBe("Gate Square says “sub-$60K”, but Business Standard reports “$60,900” (intraday, 6 Feb 2026), 1.5% apart. No independent report supports the article's figure.");
  });
  it("inaccurate names the other reports that disagree, wire and primary first, at most two", () => {
    // r019 decides; r011 (wire) and r036 (aggregator) also disagree: both named after it, the wire first
    const three = [source("r019", "disagrees", { tier: "aggregator", origin: "a" }), source("r036", "disagrees", { tier: "aggregator", origin: "b" }), source("r011", "disagrees", { tier: "wire", origin: "c" })];
    const r = rateIndependent(result({ claim: "gate-003", verdict: "disputed", best_source: "r019", sources: three, gap: 900, relative_gap: 0.015 }), ctx);
    expect(r.rating).toBe("inaccurate");
    expect(r.explanation).toBe("Gate Square says “sub-$60K”, but Business Standard reports “$60,900” (intraday, 6 Feb 2026), 1.5% apart; The News reports “$60,008.52” (intraday, 6 Feb 2026) and CoinMarketBuzz reports “9” (6 Feb 2026). No independent report supports the article's figure.");
  });
  it("disputed by one aggregator's figure alone -> unverifiable (rule 8): enough to question, not to correct", () => {
    // the same 1.5% gap as above, but the one dissenting report is an aggregator's
    const r = rateIndependent(result({ claim: "gate-003", verdict: "disputed", best_source: "r019", sources: [source("r019", "disagrees", { tier: "aggregator" })], gap: 900, relative_gap: 0.015 }), ctx);
    expect(r.rating).toBe("unverifiable");
    expect(r.explanation).toBe("Gate Square says “sub-$60K”, but Business Standard reports “$60,900” (intraday, 6 Feb 2026), 1.5% apart. That is a single source's figure, and no other independent report settles it: enough to question the article's figure, not to call it wrong.");
  });
  it("disputed by aggregators of two independent origins -> inaccurate (rule 8); two restatements of one origin are one", () => {
    const two = [source("r019", "disagrees", { tier: "aggregator", origin: "tracker-a" }), source("r011", "disagrees", { tier: "aggregator", origin: "tracker-b" })];
    expect(rateIndependent(result({ claim: "gate-003", verdict: "disputed", best_source: "r019", sources: two, gap: 900, relative_gap: 0.015 }), ctx).rating).toBe("inaccurate");
    const oneOrigin = two.map((x) => ({ ...x, origin: "tracker-a" }));
    expect(rateIndependent(result({ claim: "gate-003", verdict: "disputed", best_source: "r019", sources: oneOrigin, gap: 900, relative_gap: 0.015 }), ctx).rating).toBe("unverifiable");
  });
  it("a source's range of falls reads from the smaller fall to the larger", () => {
    // a row stored as −31.4..−28 (spot −28%, futures −31.4%) reads "a fall of 28% to 31.4%"
    const wide: ExplainContext = { ...ctx, rows: [...ctx.rows!, { ...ctx.rows!.find((x) => x.id === "r078")!, id: "r074", outlet: "The Nation", low: -31.4, high: -28 }] };
    const r = rateIndependent(result({ claim: "tk-004", verdict: "disputed", best_source: "r077", sources: [source("r077", "disagrees"), source("r074", "context")], gap: 6, relative_gap: 0.3, other_measure: "r074" }), wide);
    expect(r.explanation).toContain("The Nation reports a fall of 28% to 31.4%");
  });
  it("disputed, but the figure fits another measure -> misleading, naming both", () => {
    // TradingKey's "nearly 20%" (a session fall) against a 26% session fall, while a COMEX futures
    // report of the intraday move says 20%: 6 / 20 = 30% apart
    const r = rateIndependent(result({ claim: "tk-004", verdict: "disputed", best_source: "r077", sources: [source("r077", "disagrees"), source("r078", "context", { why: "another instrument (futures, the claim spot)" })], gap: 6, relative_gap: 0.3, other_measure: "r078" }), ctx);
    expect(r.rating).toBe("misleading");
    expect(r.explanation).toBe("TradingKey says “nearly 20%”, but TexMetals reports a fall of 26% (in the session, 5 Feb 2026), 30% apart. The article's number fits another measure or date: Mint reports a fall of 20% (intraday, 5 Feb 2026).");
  });
});

describe("allowanceWords: what reading a figure as round or approximate allows for, in plain words", () => {
  it("names a figure's own hedge word, and only its rounding when it has none", () => {
    expect(allowanceWords([{ hedge: "more than" }], "allowing")).toBe("allowing for its rounding and its “more than”");
    expect(allowanceWords([{ hedge: "" }])).toBe("once its rounding is allowed");
    // "between" only joins a range's ends; "Over; +" is two words, lower-cased
    expect(allowanceWords([{ hedge: "between" }])).toBe("once its rounding is allowed");
    expect(hedgeWords("Over; +")).toEqual(["over", "+"]);
  });
  it("says the words of several figures once, and reads many different words as a whole", () => {
    expect(allowanceWords([{ hedge: "nearly" }, { hedge: "nearly" }])).toBe("once both figures' rounding and the “nearly” are allowed");
    expect(allowanceWords([{ hedge: "~" }, { hedge: "near" }, {}])).toBe("once every figure's rounding, the “~” and the “near” are allowed");
    expect(allowanceWords([{ hedge: "~" }, { hedge: "sub-" }, { hedge: "below" }])).toBe("once each is read as the round or approximate figure it is");
    expect(allowanceWords([{ hedge: "~" }, { hedge: "sub-" }, { hedge: "below" }], "allowing")).toBe("reading each as the round or approximate figure it is");
  });
  it("gives a word the sentence does not show with the name of whose it is", () => {
    expect(allowanceWords([{ hedge: "almost" }, { hedge: "near", owner: "CryptoVot" }])).toBe("once both figures' rounding, the “almost” and CryptoVot's “near” are allowed");
  });
});

describe("every explanation of loadAnalysis()", () => {
  const a = loadAnalysis();
  const all = [
    ...a.verdicts.map((v) => ({ id: v.id, verdict: v.verdict, rating: v.rating, explanation: v.explanation })),
    ...a.conflicts.map((c) => ({ id: c.id, verdict: c.verdict, rating: c.rating, explanation: c.explanation })),
    ...a.independent.map((r) => ({ id: r.claim, verdict: r.verdict, rating: r.rating, explanation: r.explanation })),
  ];

  it("contains none of the wording the editor's review struck out (section 5)", () => {
    // a possessive before a described figure, a minus after "minus", signed money, unit codes, "printed again",
    // a rank said as two signed numbers, the jargon of bounds and materiality, and "hedge" (a figure's
    // "about" or "more than" is named: "once its rounding and its “about” are allowed")
    const STRUCK = /(?:'s?|s') an? (?:rise|fall|loss|drop) of|minus −|−\$|\b[A-Z]{3} per [A-Z]{3}\b|printed again|−\d[\d.]*% against −\d|the article's bound|material difference|among themselves|at most\b|moving steadily|the reference\b|\bhedge/i;
    const offending = all.filter((x) => STRUCK.test(x.explanation)).map((x) => `${x.id}: ${x.explanation}`);
    expect(offending).toEqual([]);
    for (const bad of ["Credit News Insider's a rise of 2.2%", "Reuters via CNA's a fall of 18%", "46,000 coins minus −10,600 coins", "−$357B as a fall", "0.21 CNY per TWD", "$60,000 printed again as", "−36% against −27%: the lowest", "the highest in 17 years at most", "once its rounding and hedges are allowed", "read as the rounded or hedged figure it is"]) expect(STRUCK.test(bad), bad).toBe(true);
  });
  it("writes amounts of money as a sentence does, outside the articles' own quoted figures", () => {
    // "$175 billion to $185 billion", not the tables' "$175B–$185B"; a quoted figure (“~$55B”) stays as printed
    const TABLE_STYLE = /\$[\d.,]+[MBT]\b|\$[\d.,]+[MBT]?–\$/;
    const offending = all.filter((x) => TABLE_STYLE.test(x.explanation.replace(/“[^”]*”/g, ""))).map((x) => `${x.id}: ${x.explanation}`);
    expect(offending).toEqual([]);
    for (const bad of ["$119.5B to $175B–$185B is a rise", "a loss of $2T–$2.1T", "$60,000–$62,000 is"]) expect(TABLE_STYLE.test(bad), bad).toBe(true);
    expect(TABLE_STYLE.test("“~$55B” in Gate's Crushes post".replace(/“[^”]*”/g, ""))).toBe(false);
  });
  it("rates an agreement that confirms nothing for what it is: an edge, a rough result, a one-sided figure only grazed", () => {
    const rating = (id: string) => a.verdicts.find((x) => x.id === id)!.rating;
    // the ranges touch at $2 trillion only; the result's rounding spans 33–58% and $2.3–4.4 trillion;
    // "55%+" is reached only by the top 0.3 points of 46.4–54.8%, against one aggregator's $119.5B
    expect(["crypto-cap-loss-cycle", "crypto-cap-pct-gmteight", "crypto-cap-peak-from-cycle", "alphabet-capex-over-estimates"].map(rating)).toEqual(["accurate_rounded", "unverifiable", "unverifiable", "unverifiable"]);
    // a point figure inside the result stays accurate: "$2 Trillion" against a loss of $2.0–2.1 trillion
    expect(rating("crypto-cap-loss-gmteight")).toBe("accurate");
  });
  it("never stacks possessives: “–45%” in Gate's Crushes post, not Gate's Crushes post's “–45%”", () => {
    const all = [...a.verdicts, ...a.conflicts, ...a.independent].map((x) => x.explanation);
    expect(all.filter((t) => /\b\w+'s \w+ \w+'s\b/.test(t))).toEqual([]);
    expect(a.verdicts.find((v) => v.id === "btc-drawdown-gate-current")!.explanation).toMatch(/“–45%” in Gate's Crushes post agrees/);
  });
  it("names what a bare number is a figure of, never a lone “10”", () => {
    const of = (id: string) => a.independent.find((r) => r.claim === id)!.explanation;
    // nakamoto-011: "The Fear & Greed Index has reached 10" (subject fear_greed_index, worded by data/vocabulary.csv)
    expect(of("nakamoto-011")).toMatch(/^Nakamoto says “10” for the crypto Fear & Greed Index; /);
    // a figure with its unit printed needs nothing more: "$60,000–$62,000"
    expect(of("cycle-012")).toMatch(/^Gate's Risk-off post says “\$60,000–\$62,000”; /);
  });
  it("says which side of the article's figure a disputing amount lies", () => {
    // (7 − 3.79) / 7 = 0.4586: Bitcoin eNews' full-month $3.79 billion is 46% below Nakamoto's $7 billion
    expect(a.independent.find((r) => r.claim === "nakamoto-028")!.explanation).toMatch(/“\$3\.79 billion” \(November 2025\), 46% below the article's figure; /);
  });
  it("counts the title's word figure as the CoinGlass tally it restates (rule 6)", () => {
    expect(a.independent.find((r) => r.claim === "nakamoto-001")!.rating).toBe("unverifiable");
  });
  it("says the struck-out sentences the plain way (expected text by hand from the ledger's figures)", () => {
    const text = (id: string) => [...a.verdicts, ...a.independent.map((r) => ({ ...r, id: r.claim }))].find((x) => x.id === id)!.explanation;
    // 5 Feb 2026 was a Thursday; Reuters via CNA (r081) gives silver's fall "as much as 18%" that day
    expect(text("cal-silver-thursday")).toBe("5 Feb 2026 was a Thursday, as TradingKey says; Reuters via CNA dates the fall of 18% to that day.");
    // over 46,000 bought − (−10,600 sold) = over 56,600
    expect(text("etf-demand-gap")).toMatch(/^Inflows of more than 46,000 coins and outflows of 10,600 coins are more than 56,600 coins apart; /);
    // ~$4.4T (October) to $2.3–2.4T (8 Feb): 2.3 − 4.4 = −2.1, 2.4 − 4.4 = −2.0
    expect(text("crypto-cap-loss-gmteight")).toBe("From about $4.4 trillion to between $2.3 trillion and $2.4 trillion is a loss of $2 trillion to $2.1 trillion, which matches GMT Eight's “$2 Trillion”. The two articles agree with each other; each figure is checked against the record separately.");
    // 2.3 − 4.4 = −2.1 and 2.4 − 4.4 = −2.0: the printed "$1.2 trillion and $2 trillion" (−2 to −1.2) meets it only at −2
    expect(text("crypto-cap-loss-cycle")).toBe("From about $4.4 trillion to between $2.3 trillion and $2.4 trillion is a loss of $2 trillion to $2.1 trillion: “$1.2 trillion and $2 trillion” in Gate's Risk-off post meets that only at the edge of its range. The two articles agree with each other; each figure is checked against the record separately.");
    // "$2 Trillion" is $1.5–2.5T and "~$4.4T" $4.312–4.488T: 1.5 / 4.488 = 33.4% and 2.5 / 4.312 = 58.0%, a range wider than a quarter of its middle
    expect(text("crypto-cap-pct-gmteight")).toBe("A loss of $2 trillion is 45.5% of about $4.4 trillion. The rounding of the figures it is built from allows anything from a fall of 33% to 58%, too wide to confirm or refute “–~48%” in Gate's Crushes post.");
    // 175 / 119.5 − 1 = 46.4% and 185 / 119.5 − 1 = 54.8%: "55%+" (54.5% with its hedge) is reached by 0.3 of the 8.4 points
    expect(text("alphabet-capex-over-estimates")).toBe("$119.5 billion to between $175 billion and $185 billion is a rise of 46.4% to 54.8%: only the edge of that range reaches “55%+” in Gate's Crushes post. The outside figure it rests on is a single aggregator's (Cointeeth news flash), enough to question the figure but not to call it misleading.");
    // 23 / 100 = 0.23 yuan per Taiwan dollar, against 0.21–0.26
    expect(text("fx-cny-twd-jay-chou")).toBe("23 million yuan for NT$100 million is 0.23 yuan per Taiwan dollar, which matches an outside estimate of 0.21 to 0.26 yuan per Taiwan dollar.");
    // Ether −36% YTD, Bitcoin −27% YTD
    expect(text("ether-worse-than-bitcoin-ytd")).toBe("Ether fell 36%, more than Bitcoin's 27%, as GMT Eight says.");
    // "below $60,000" as printed excludes the body's $60,000: a restatement once rounding is allowed (accurate, rounded)
    expect(text("tradingkey-summary-btc-low")).toBe("In TradingKey, the summary's “below $60,000” restates the body's “$60,000” once both figures' rounding and the “below” are allowed.");
    expect(text("nakamoto-lead-vs-heading-half")).toBe("In Nakamoto, the heading's “cut in half” restates the lead's “nearly half”.");
    // Gate's 5–7 Feb rebound against its 8 Feb level; Gate's February correlation against CoinDesk's dated readings
    expect(text("btc-rebound-gate-levels")).toMatch(/, but “over 10%” in Gate's Risk-off post refers to another day, so the two cannot be compared: /);
    expect(text("corr-gate-vs-coindesk-series")).toBe("CoinDesk's series read −0.68 on 3 Feb 2026 and 0.72 on 17 Feb 2026 (between them, −0.68 to 0.72 if it moved steadily), but “~0.73–0.91” in Gate's Crushes post gives no day, only February 2026: the two cannot be compared.");
    // a forecast and a worked example are not facts a report could confirm
    expect(text("crushes-057")).toBe("A forecast or a level to watch, not a fact any report could confirm.");
    expect(text("nakamoto-048")).toBe("A worked example, not a fact any report could confirm.");
    // AP's "by nearly 60%" keeps its "nearly"
    expect(text("gmteight-007")).toMatch(/Associated Press reports a rise of nearly 60% /);
    // $60,008.52 − $60,000 = $8.52
    expect(text("crushes-019")).toMatch(/, just above it \(by \$8\.52\), close enough for a round figure\.$/);
    expect(text("nakamoto-041")).toBe("Nakamoto says “more than 10%”; Newser reports a fall of 10% (in the session, 29 Jan 2026): the round figure itself, not more, close enough.");
  });
  it("contains no interval notation, claim ids or unit ids", () => {
    const offending = all.filter((x) => MACHINE_TEXT.test(x.explanation)).map((x) => `${x.id}: ${x.explanation}`);
    expect(offending).toEqual([]);
  });
  it("the pattern does catch machine text (so the test above can fail)", () => {
    for (const bad of ["is [59500, 60500) USD", "(−∞, 60000)", "(-52.5, -51.5]", "tradingkey-008 says", "5 pct", "3 USD_bn", "7 CNY_per_USD", "0.21 CNY per TWD", "a NaN"]) expect(MACHINE_TEXT.test(bad), bad).toBe(true);
    for (const fine of ["TradingKey's “$60,000” (6 Feb 2026)", "off by $8,778 (11%)", "1.5% apart", "(1 Jan to 6 Feb 2026)"]) expect(MACHINE_TEXT.test(fine), fine).toBe(false);
  });
  it("is one or two plain sentences: starts with a capital, a quote mark or a figure, ends with a full stop", () => {
    for (const x of all) {
      // a sentence may open with a figure ("$91B to $185B is a rise of 103%, …")
      expect(x.explanation, x.id).toMatch(/^[A-Z“$0-9−]/);
      expect(x.explanation, x.id).toMatch(/\.$/);
      expect(x.explanation.split(/(?<=\.) (?=[A-Z])/).length, x.id).toBeLessThanOrEqual(2);
    }
  });
  it("every rating is on the scale, and every value of the scale is used", () => {
    for (const x of all) expect(isRating(x.rating), x.id).toBe(true);
    expect(new Set(all.map((x) => x.rating))).toEqual(new Set<Rating>(RATINGS));
  });
  it("ratings follow the machine verdicts", () => {
    const allowed: Record<string, Rating[]> = {
      // accurate, rounded when only the claim's rounding covers the result ("almost double" for +103%); unverifiable when
      // the result is only a bound around the figure (boundOnly)
      consistent: ["accurate", "accurate_rounded", "unverifiable"],
      consistent_within_rounding: ["accurate_rounded", "unverifiable"],
      // misleading when an alternative= reading of the sentence holds; unverifiable when the target is one aggregator's figure (rule 8)
      inconsistent: ["inaccurate", "misleading", "unverifiable"],
      scope_mismatch: ["unverifiable"], // figures that measure different things do not test each other
      ambiguous: ["unverifiable"],
      agree: ["accurate", "unverifiable"], // unverifiable when a member is garbled
      agree_within_rounding: ["accurate_rounded"],
      timing_mismatch: ["unverifiable"],
      contradiction: ["inaccurate"],
      confirmed: ["accurate", "unverifiable"], // unverifiable only for a garbled claim
      refined: ["accurate", "accurate_rounded", "unverifiable"],
      confirmed_within_rounding: ["accurate_rounded", "unverifiable"],
      disputed: ["inaccurate", "misleading", "unverifiable"],
      unverified: ["unverifiable"],
    };
    for (const x of all) expect(allowed[x.verdict], `${x.id} ${x.verdict}`).toContain(x.rating);
  });
  it("a result only the claim's rounding covers is accurate, rounded: 'almost double' (printed 90–100%) for +103%", () => {
    // $91B -> $185B: 185 / 91 − 1 = 1.0330 = +103.3%; "almost double" as printed is [90, 100), with rounding up to 110
    const v = a.verdicts.find((x) => x.id === "alphabet-capex-almost-double")!;
    expect(v.verdict).toBe("consistent");
    expect(v.claimedAsPrinted).toMatchObject({ low: 90, high: 100 });
    expect(v.rating).toBe("accurate_rounded");
  });
  it("asserts=at_most: the explanation says the move sweeps the position out, not that 1% 'matches' 2%-5%", () => {
    const v = a.verdicts.find((x) => x.id === "leverage-100x-wipeout")!;
    expect(v.rating).toBe("accurate");
    expect(v.explanation).toMatch(/a fall of 1% wipes out the margin, so a move of Nakamoto's “2%-5%” sweeps such a position out, as the sentence says\.$/);
  });
  it("a reconciliation with a garbled member cannot be verified, whatever its numbers", () => {
    const c = a.conflicts.find((x) => x.id === "BTC.pct_change.intraday")!;
    expect(c.rating).toBe("unverifiable");
    expect(c.explanation).toMatch(/is garbled by the machine translation and has more than one reading\.$/);
  });
  it("alternative=: a failing reading of a sentence whose other reading holds is misleading, not inaccurate", () => {
    // GMT Eight's headline "17-Year Peak in U.S. Layoffs": Challenger's October 2025 (153,074 cuts) beat
    // January 2026 (108,435), so as a record among all months it is at most a 3-month high; as a record
    // among Januaries it holds, back to January 2009's 241,749 (17 years)
    const all = a.verdicts.find((v) => v.id === "layoffs-17-year-peak-all-months")!;
    const january = a.verdicts.find((v) => v.id === "layoffs-17-year-peak-january")!;
    expect(all.verdict).toBe("inconsistent");
    expect(january.rating).toBe("accurate");
    expect(all.rating).toBe("misleading");
    expect(all.explanation).toMatch(/^As written, GMT Eight's “17-Year” does not hold: the last figure higher than 108,435 in January 2026 is 153,074 in October 2025, 3 months earlier; it holds for another reading: the last January figure higher than 108,435 in January 2026 is 241,749 in January 2009/);
  });
  it("a disputed claim whose figure fits another measure is misleading when the dissent is corroborated, else cannot be verified (rule 8)", () => {
    const fits = a.independent.filter((r) => r.verdict === "disputed" && r.other_measure !== null);
    // Gate's "–10–12% single session" for Amazon: only TS2 Tech gives the session's −5.6%; the after-hours −10% fits
    expect(fits.map((r) => r.claim)).toContain("crushes-050");
    for (const r of fits) {
      if (r.rating === "misleading") expect(r.explanation, r.claim).toMatch(/The article's number fits another measure or date: /);
      else {
        expect(r.rating, r.claim).toBe("unverifiable");
        expect(r.explanation, r.claim).toMatch(/A single source disputes the article's figure, too little to call it misleading/);
      }
    }
    expect(a.independent.find((r) => r.claim === "crushes-050")!.rating).toBe("unverifiable");
  });
  it("a claim dated by a span that names no day is not tested by one day's report: Nakamoto's 'Previously … once' silver fall", () => {
    // "Previously, spot silver once plummeted by more than 20%": 30 Jan (28–31%) and 5 Feb (18%) both qualify
    const r = a.independent.find((x) => x.claim === "nakamoto-023")!;
    expect(r.rating).toBe("unverifiable");
    expect(r.explanation).toBe("Nakamoto says “more than 20%” but names no day; the reports found each give one day or measure another thing, so none can confirm or dispute it.");
  });
});
