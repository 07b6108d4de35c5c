/**
 * The extractor's pieces (src/extract/), each against values worked out by hand from the
 * ledger's rules (data/README.md, "From a printed figure to an interval"): what a printed number
 * is, how a hedge and a direction turn it into low/high, which numbers are not figures, and what
 * the review-side helpers produce.
 */
import { describe, expect, it } from "vitest";
import { extractCandidates, numberField } from "../../src/extract/candidates";
import { chromeSpans } from "../../src/extract/chrome";
import { skipReason } from "../../src/extract/classify";
import { resolveDate } from "../../src/extract/dates";
import { directionOf } from "../../src/extract/direction";
import { guessMetric, guessSubject } from "../../src/extract/guess";
import { readFigures } from "../../src/extract/hedges";
import { claimSpan, measureArticle, sameValue } from "../../src/extract/measure";
import { scaffoldNotebook } from "../../src/extract/notebook";
import { uniqueQuote } from "../../src/extract/quote";
import { recogniseNumbers, recogniseTokens } from "../../src/extract/recognise";
import { plainFigure } from "../../src/extract/review";
import { readdress } from "../../src/extract/accept";
import { splitSections } from "../../src/extract/sections";
import { readWordFigures } from "../../src/extract/words";
import { countOccurrences } from "../../src/data/ledger";
import type { Claim } from "../../src/data/types";

/** The figures of a short text as [raw, low, high, unit, qualifier], by the tokens engine (no library needed). */
function read(text: string): (string | number | null)[][] {
  return readFigures(text, recogniseTokens(text)).map((f) => [f.raw, f.low, f.high, f.unit, f.qualifier]);
}

describe("recognising numbers", () => {
  it("reads the scale word, percent sign and currency printed next to a number", () => {
    // "$1.8 trillion": 1.8 with scale 1e12 in USD; "36%": a percentage without currency
    expect(recogniseTokens("lost $1.8 trillion and 36%").map((m) => [m.text, m.value, m.scale, m.currency, m.percent])).toEqual([
      ["$1.8 trillion", 1.8, 1e12, "USD", false],
      ["36%", 36, 1, null, true],
    ]);
  });

  it("flags digits run into words as glued, but not a multiple written 20x", () => {
    expect(recogniseTokens("the lowest level59800Dollar").map((m) => [m.value, m.currency, m.glued])).toEqual([[59800, "USD", true]]);
    expect(recogniseTokens("users use 20x leverage")[0].glued).toBe(false);
  });

  it("the library reads numbers written in words and currency names after the number", () => {
    const ms = recogniseNumbers("seven associations lost 357 billion U.S. dollars");
    expect(ms.map((m) => [m.value, m.word, m.scale, m.currency])).toEqual([
      [7, true, 1, null],
      [357, false, 1e9, "USD"],
    ]);
  });

  it("with the library, the digit runs it skips are still found (run into letters, T for trillion)", () => {
    // "overtake8%fell" has no word boundary around 8; "$4.4T": the library knows no T
    expect(recogniseNumbers("drop overtake8%fell from ~$4.4T").map((m) => m.value)).toEqual([8, 4.4]);
    expect(recogniseNumbers("drop overtake8%fell from ~$4.4T", "recognizers-only").map((m) => m.value)).not.toContain(4.4);
  });
});

describe("reading hedges, ranges and directions", () => {
  it("a fall printed as a range is negative with the larger fall as low", () => {
    // down 4–6%: the week's change lies in [-6, -4]
    expect(read("down 4–6% weekly")).toEqual([["4–6%", -6, -4, "pct", "range"]]);
  });

  it("'more than' on a fall leaves low empty (high = −x); on a rise leaves high empty", () => {
    expect(read("Ethereum fell by more than 11% in a day")).toEqual([["more than 11%", null, -11, "pct", "over"]]);
    expect(read("capex would surge by over 50%")).toEqual([["over 50%", 50, null, "pct", "over"]]);
  });

  it("'sub-', 'below' and 'as high as' are under: high = x for a level", () => {
    expect(read("briefly sub-$60K on the day")).toEqual([["sub-$60K", null, 60000, "USD", "under"]]);
    expect(read("may be as high as $185 billion")).toEqual([["as high as $185 billion", null, 185, "USD_bn", "under"]]);
  });

  it("a trailing + is 'at least'; a leading + is the sign", () => {
    // "+1,200+ points": a rise of at least 1,200 points
    expect(read("Dow +1,200+ points to new highs")).toEqual([["+1,200+", 1200, null, "points", "over"]]);
  });

  it("a range shares its scale and currency: $70–$80K is 70,000 to 80,000 USD", () => {
    expect(read("BTC could retest $70–$80K")).toEqual([["$70–$80K", 70000, 80000, "USD", "range"]]);
    expect(read("Over $1–1.8 trillion in market cap destroyed")).toEqual([["Over $1–1.8 trillion", -1.8, -1, "USD_tn", "range"]]);
  });

  it("a move and a level are not a range: 'fell 4.8% to $60,033' is two figures", () => {
    expect(read("falling as much as 4.8% to $60,033")).toEqual([
      ["4.8%", -4.8, -4.8, "pct", "exact"],
      ["$60,033", 60033, 60033, "USD", "exact"],
    ]);
  });

  it("~ and 'about' are approx; 'nearly' keeps the printed point", () => {
    expect(read("losing ~$800B in the past month")).toEqual([["~$800B", -800, -800, "USD_bn", "approx"]]);
    expect(read("silver plunging nearly 20% on Thursday")).toEqual([["nearly 20%", -20, -20, "pct", "nearly"]]);
  });

  it("an amount liquidated stays positive whatever the verb; a restatement in brackets takes the sign before it", () => {
    expect(directionOf("and 17.3 billion was wiped out in liquidations", 4, 16, "money")).toBe(1);
    // evaporated by more than 357bn USD (≈ 2,481.2bn yuan): both losses
    expect(read("the market value evaporated by more than 357 billion U.S. dollars (approximately 2,481.2 billion yuan)")).toEqual([
      ["more than 357 billion U.S. dollars", null, -357, "USD_bn", "over"],
      ["approximately 2,481.2 billion yuan", -2481.2, -2481.2, "CNY_bn", "approx"],
    ]);
  });

  it("machine-translation garbles are proposed and flagged, with the reading the ledger gives them", () => {
    // "overtake" is 超过 (more than): a fall of more than 8%
    expect(read("intraday drop overtake8%fell below")).toEqual([["overtake8%", null, -8, "pct", "garbled"]]);
    // "fell more than 100% during the day. 8%": reading B, more than 8%, one figure over both
    expect(read("Bitcoin fell more than 100% during the day. 8%, falling")).toEqual([["more than 100% during the day. 8%", null, -8, "pct", "garbled"]]);
    // ". 7%": the verb is before the stray full stop
    expect(read("with a flash crash after the market closed. 7%, and then")).toEqual([["7%", -7, -7, "pct", "garbled"]]);
  });
});

describe("word figures", () => {
  it("reads plural scale words as at least 2, halving as −50%, doubling as +100%", () => {
    expect(readWordFigures("Trillions of dollars in market capitalization have been erased").map((f) => [f.raw, f.low, f.high, f.unit])).toEqual([["Trillions", null, -2, "USD_tn"]]);
    expect(readWordFigures("market value has fallen by nearly half").map((f) => [f.low, f.qualifier])).toEqual([[-50, "nearly"]]);
    expect(readWordFigures("doubling from $91 billion").map((f) => [f.low, f.unit])).toEqual([[100, "pct"]]);
    expect(readWordFigures("hundreds of thousands of people fled").map((f) => [f.low, f.high, f.unit])).toEqual([[100000, null, "people"]]);
  });

  it("'half' without a fall is not a figure", () => {
    expect(readWordFigures("in the second half of 2025")).toEqual([]);
  });
});

describe("numbers that are not figures", () => {
  const m = (text: string, digits: string) => {
    const start = text.indexOf(digits);
    return { start, end: start + digits.length, text: digits, value: Number(digits.replace(/,/g, "")), decimals: 0, scale: 1, percent: false, currency: null, word: false, ordinal: false, glued: false, source: "tokens" as const };
  };
  it("a year, a name, a clock time and a time window each have their reason", () => {
    expect(skipReason("since 2022 crashes", m("since 2022 crashes", "2022"), [], [])).toBe("a year");
    expect(skipReason("the Nasdaq 100 Index has risen", m("the Nasdaq 100 Index has risen", "100"), [], [])).toBe("part of a name");
    expect(skipReason("As of 17:00, Bitcoin", m("As of 17:00, Bitcoin", "17"), [], [])).toBe("a clock time");
    expect(skipReason("within 24 hours, more", m("within 24 hours, more", "24"), [], [])).toBe("a time window, not a figure");
  });

  it("'Down 20–35%' is a figure, not a name", () => {
    const t = "Altcoins: Down 20–35%+ in sessions";
    expect(skipReason(t, m(t, "20"), [], [])).toBe("");
  });

  it("page chrome: ticker strips, counters, view counts and phone numbers", () => {
    const page = "Body.\nBTC3,68%\nReply0\n0/400\nNakamoto 43411人围观\nWeChat/Tel: 18576718939";
    expect(chromeSpans(page).map((c) => c.reason)).toEqual([
      "page chrome: ticker strip",
      "page chrome: comment or reaction counter",
      "page chrome: comment box character counter",
      "page chrome: view count",
      "page chrome: contact number",
    ]);
  });
});

describe("dates, quotes and sections", () => {
  it("a date without a year takes the latest reading on or before the publication day", () => {
    const values = [
      { timex: "XXXX-02-06", type: "date", value: "2026-02-06" },
      { timex: "XXXX-02-06", type: "date", value: "2027-02-06" },
    ];
    expect(resolveDate(values, "2026-02-07")).toBe("2026-02-06");
    expect(resolveDate(values, "")).toBe("");
  });

  it("a quote is widened until it occurs exactly once", () => {
    const text = "Up 5% on Monday. Up 5% on Monday, then more.";
    const q = uniqueQuote(text, 20, 22);
    expect(countOccurrences(text, q.quote)).toBe(1);
    expect(q.quote).toContain("5%");
  });

  it("headings open sections; the first line is the lead; without headings, runs of paragraphs", () => {
    const withHeads = "My Title Here\nFirst Part Heading\nBody one.\nSecond Part Heading:\nBody two.";
    expect(splitSections(withHeads, "a").map((s) => [s.section, s.level, s.kind])).toEqual([
      ["lead", 1, "lead"],
      ["first-part-heading", 1, "heading"],
      ["second-part-heading", 2, "heading"],
    ]);
    const para = "P".repeat(650);
    const noHeads = `Title line.\n${para} one.\nSecond paragraph here.\n${para} three.\nFourth one.`;
    // lead (title + first paragraph reach 600 characters), then a run from the second paragraph
    expect(splitSections(noHeads, "b").map((s) => s.kind)).toEqual(["lead", "theme", "theme"]);
  });

  it("a line printed twice (a comment thread's 'Happy New Year!') opens no section: its start would not be unique", () => {
    const page = "My Title Here\nFirst Part Heading\nBody one.\nSecond Part Heading\nBody two.\nHappy New Year Everyone\nReply0\nHappy New Year Everyone\nReply0";
    expect(splitSections(page, "c").map((s) => s.section)).toEqual(["lead", "first-part-heading", "second-part-heading"]);
  });
});

describe("guesses", () => {
  it("the subject is the nearest name before the figure, a longer name winning over the name inside it", () => {
    expect(guessSubject("U.S. spot Bitcoin ETF outflows exceeded US$3 billion", 40, 52)).toBe("spot_btc_etfs");
    expect(guessSubject("XRP fell by more than 8%, and BNB fell", 22, 24)).toBe("XRP");
  });
  it("a move verb right before a percentage makes it the subject's move, whatever the words after say caused it", () => {
    // "tanked ~10–12% after unveiling $200B capex" is Amazon's share price, not its capex; "capex to surge by over 50%" stays capex
    const text = "Amazon tanked ~10–12% after unveiling $200B 2026 capex. Amazon expects capex to surge by over 50% this year.";
    const rows = extractCandidates(text, { id: "t", published: "2026-02-07", engine: "tokens" }).candidates.map((c) => [c.row.raw, c.row.metric]);
    expect(rows).toContainEqual(["~10–12%", "pct_change"]);
    expect(rows).toContainEqual(["over 50%", "capex_change"]);
  });
  it("the metric comes from the words near the figure and its unit", () => {
    expect(guessMetric("~45–50% drawdown from 2025 peak", { unit: "pct", low: -50, high: -45 })).toBe("drawdown");
    expect(guessMetric("Base Case (60–70% Probability", { unit: "pct", low: 60, high: 70 })).toBe("probability");
    expect(guessMetric("capital expenditures for the quarter reached US$37.5 billion", { unit: "USD_bn", low: 37.5, high: 37.5 })).toBe("capex");
  });
});

describe("candidate rows", () => {
  it("every number of the text is in a candidate quote or an exclusion context", () => {
    const text = "Crypto Falls Hard Today\nOn February 6, 2026, Bitcoin fell 8% to $60,100 while the S&P 500 slid 1.2%.\nReply0";
    const ex = extractCandidates(text, { id: "t", published: "2026-02-07" });
    // figures: 8% (−8), $60,100, 1.2% (−1.2); not figures: the date, "500" of S&P 500, the counter
    expect(ex.candidates.map((c) => [c.row.raw, c.row.low, c.row.high, c.row.unit])).toEqual([
      ["8%", "-8", "-8", "pct"],
      ["$60,100", "60100", "60100", "USD"],
      ["1.2%", "-1.2", "-1.2", "pct"],
    ]);
    expect(ex.candidates[0].row.as_of).toBe("2026-02-06");
    const covering = [...ex.candidates.map((c) => c.row.quote), ...ex.exclusions.map((e) => e.context)];
    for (const digits of ["6", "2026", "500", "0"]) expect(covering.some((q) => q.includes(digits)), digits).toBe(true);
    expect(ex.exclusions.map((e) => e.reason)).toContain("page chrome: comment or reaction counter");
  });

  it("numbers are written plainly: no exponent, no trailing float noise", () => {
    expect(numberField(0.1 + 0.2)).toBe("0.3");
    expect(numberField(1e-7)).toBe("0.0000001");
  });
});

describe("measuring against the ledger", () => {
  const text = "Bitcoin fell 5% and gold rose 2% in 2026.";
  const claim = (id: string, quote: string, raw: string, low: number, high: number): Claim => ({
    id, article: "a", section: "lead", quote, subject: "BTC", metric: "pct_change", window: "session", low, high, unit: "pct", qualifier: "exact", as_of: "2026-02-06", raw, hedge: "", note: "", line: 2,
  });
  const cand = (raw: string, low: string, high: string) => {
    const start = text.indexOf(raw);
    return { row: { id: "x", article: "a", section: "lead", quote: raw, subject: "", metric: "", window: "", low, high, unit: "pct", qualifier: "exact", as_of: "", raw, hedge: "", note: "" }, start, end: start + raw.length, garbled: "" };
  };

  it("same value means same bounds after unit conversion, empty where the ledger's is empty", () => {
    expect(sameValue({ low: "-1000", high: "-1000", unit: "USD_bn" }, { low: -1, high: -1, unit: "USD_tn" })).toBe(true);
    expect(sameValue({ low: "", high: "-8", unit: "pct" }, { low: -8, high: -8, unit: "pct" })).toBe(false);
    expect(sameValue({ low: "5", high: "5", unit: "" }, { low: 5, high: 5, unit: "pct" })).toBe(false);
  });

  it("recall counts ledger claims found at the same place with the same value; precision counts real figures", () => {
    const claims = [claim("a-1", "Bitcoin fell 5%", "5%", -5, -5), claim("a-2", "gold rose 2%", "2%", 2, 2)];
    const exclusions = [{ article: "a", context: "in 2026", reason: "year naming a period", line: 2 }];
    // candidates: 5% right (found), 2% with the wrong sign (real, not found), 2026 (real: a year exclusion)
    const m = measureArticle({ id: "a", text }, [cand("5%", "-5", "-5"), cand("2%", "-2", "-2"), cand("2026", "2026", "2026")], claims, exclusions);
    // recall 1 of 2 = 0.5; precision 3 of 3 = 1
    expect([m.found, m.claims, m.recall, m.real, m.candidates, m.precision]).toEqual([1, 2, 0.5, 3, 3, 1]);
    expect(m.missed).toEqual(["a-2"]);
    expect(claimSpan(text, claims[1])).toEqual([text.indexOf("2%"), text.indexOf("2%") + 2]);
  });

  it("a candidate on page chrome is not a real figure", () => {
    const page = "Views 43411 today. Bitcoin fell 5%.";
    const start = page.indexOf("43411");
    const chrome = { row: { ...cand("5%", "-5", "-5").row, raw: "43411" }, start, end: start + 5, garbled: "" };
    const m = measureArticle({ id: "a", text: page }, [chrome], [], [{ article: "a", context: "Views 43411 today", reason: "byline view count", line: 2 }]);
    expect([m.real, m.candidates]).toEqual([0, 1]);
  });
});

describe("review helpers", () => {
  it("plain words for a figure's bounds", () => {
    expect(plainFigure({ low: "-12", high: "-10", unit: "pct", qualifier: "range", hedge: "~" })).toBe("about −12% to −10%");
    expect(plainFigure({ low: "", high: "-8", unit: "pct", qualifier: "over", hedge: "more than" })).toBe("below −8%");
    expect(plainFigure({ low: "126000", high: "126000", unit: "USD", qualifier: "exact", hedge: "" })).toBe("$126,000");
  });

  it("accept names the line of the review file a ledger problem comes from", () => {
    expect(readdress("data/claims.csv:190: subject is empty (required)", "data/claims.csv", new Map([[190, 3]]), "data/candidates/x.csv")).toBe("data/candidates/x.csv:3: subject is empty (required)");
    // a line of the ledger that is not a review row keeps its own address
    expect(readdress("data/claims.csv:17: low is bad", "data/claims.csv", new Map([[190, 3]]), "data/candidates/x.csv")).toBe("data/claims.csv:17: low is bad");
  });

  it("the scaffolded notebook is in the notebooks' style: one call per short cell (at most 15 lines of 120 characters, no non-null assertion), no digits in its prose", () => {
    const sections = [
      { section: "lead", heading: "A headline with <b>markup</b> & $ signs", level: 1 },
      { section: "a-rather-long-section-identifier-made-from-a-heading", heading: "Sub part:", level: 2 },
    ];
    const nb = JSON.parse(scaffoldNotebook({ id: "some-article", title: "T" }, sections, "08")) as { cells: { cell_type: string; source: string[] }[] };
    // title and purpose, the context; then per section: heading, quote, figures, known, summary (with a line before each table)
    const section = ["markdown", "code", "markdown", "code", "markdown", "code", "code"];
    expect(nb.cells.map((c) => c.cell_type)).toEqual(["markdown", "code", ...section, ...section]);
    for (const c of nb.cells.filter((x) => x.cell_type === "code")) {
      const src = c.source.join("");
      expect(src.split("\n").length).toBeLessThanOrEqual(15);
      for (const line of src.split("\n")) expect(line.length).toBeLessThanOrEqual(120);
      expect(src).not.toMatch(/\w!(?=[.;,)\s])/);
    }
    // the new style: one import line from dist/notebook, the article context, and one call per cell
    expect(nb.cells[1].source.join("")).toBe('import { article } from "../dist/notebook";\nconst ctx = article("some-article");\nctx.intro()');
    expect(nb.cells.slice(2, 9).filter((c) => c.cell_type === "code").map((c) => c.source.join(""))).toEqual([
      'ctx.quote("lead")', 'ctx.table("lead")', 'ctx.known("lead")', 'ctx.summary("lead")',
    ]);
    expect(nb.cells[2].source[0]).toBe("## A headline with &lt;b&gt;markup&lt;/b&gt; & \\$ signs\n");
    expect(nb.cells[9].source[0]).toBe("### Sub part:\n");
    // prose numbers must be computed (test/unit/prose.test.ts): no markdown prose prints a digit
    const prose = nb.cells.filter((c) => c.cell_type === "markdown").map((c) => c.source.join("").split("\n").filter((l) => !l.startsWith("#")).join("\n"));
    for (const p of prose) expect(p).not.toMatch(/\d/);
  });
});
