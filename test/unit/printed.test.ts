/**
 * Issue 16, item 1: a stored bound must be a figure its text prints (src/printed.ts). Every
 * expected value below is read off the text by hand.
 */
import { describe, expect, it } from "vitest";
import { matchesInWords, matchesPrintedFigure, printedMismatch, sincePhrase, sinceSpan, spelledNumbers, wordFigureValues, wordFiguresIn, wordReading } from "../../src/domain/printed";

describe("matchesPrintedFigure: digits, read as the hedge rules read them", () => {
  it.each([
    // [value, raw, unit, matches]
    [60000, "$60,000", "USD", true],
    [59000, "$60,000", "USD", false], // the example
    [126000, "~$126K", "USD", true], // K scales the digits
    [126, "~$126K", "USD", false], // the suffix is not optional
    [1.8, "over $1.8 billion to $3.2 billion", "USD_bn", true],
    [3.2, "over $1.8 billion to $3.2 billion", "USD_bn", true],
    [3.3, "over $1.8 billion to $3.2 billion", "USD_bn", false],
    [1800, "over $1.8 billion to $3.2 billion", "USD_bn", false], // 1800 billion is not printed
    [70000, "$70–$80K", "USD", true], // the bare 70 borrows the K of its range partner
    [-52, "–52%", "pct", true], // a fall is stored negative; the sign is not printed
    [0.73, "0.73", "ratio", true],
    [0.72, "0.73", "ratio", false],
  ])("%d in %j (%s): %s", (value, raw, unit, matches) => {
    expect(matchesPrintedFigure(value, raw, unit, "2026-02-06")).toBe(matches);
  });
});

describe("spelledNumbers: numbers written in words", () => {
  it.each([
    ["seven associations", [7]],
    ["Worst three-day rout", [3]],
    ["its third consecutive session", [3]],
    ["for its second day of decline", [2]],
    ["twenty-five sessions", [25]],
    ["or five-point-26 percent", [5.26]], // KBS's radio style: 5.26
    ["four-thousand-949-point-67", [4949.67]], // 4 × 1000 + 949 + 0.67
    ["up four-point-four percent", [4.4]],
    ["274-point-69 points", [274.69]], // digits around "point" join too
    ["two hundred thousand people", [200000]], // (2 × 100) × 1000
    ["a point of view", []], // "point" alone is no number
    ["$2.65 billion and 19%", []], // digits alone are the digit rule's
  ])("%j -> %j", (text, expected) => {
    expect(spelledNumbers(text)).toEqual(expected);
  });
});

describe("wordFigureValues: the word-figure list", () => {
  it.each([
    ["with trillions in market value erased", "USD_tn", [2e12]],
    ["drained billions in liquidity", "USD_bn", [2e9]],
    ["hundreds of thousands of people fled", "people", [1e5]],
    // used up by the longer phrase: not also "millions" = 2 million
    ["hundreds of millions of New Taiwan dollars", "TWD_mn", [1e8]],
    ["halved from its peak", "pct", [50]],
    ["cut in half", "pct", [50]],
    ["almost double", "pct", [100]],
    ["doubling from $91B", "x", [2]],
    ["Several sessions", "sessions", [3]],
    ["multiples of normal levels", "x", [2]],
    ["multiple times", "count", [2]],
    // half of a number of people means nothing: no value
    ["half of the traders", "people", []],
    // "twice" is double: +100% or 2x; "tripled" +200% or 3x; a count of times is not a multiple
    ["spent twice as much", "pct", [100]],
    ["revenue tripled", "x", [3]],
    ["threefold rise", "pct", [200]],
    ["the Fed cut twice", "count", []],
  ])("%j in %s -> %j", (text, unit, expected) => {
    expect(wordFigureValues(text, unit)).toEqual(expected);
  });
});

describe("sinceSpan: 'since <date>' as a span to the figure's date", () => {
  it.each([
    // Sep 2020 -> Dec 2025: 5 years and 3 months = 63
    ["lowest level since September 2020", "2025-12", "months", 63],
    // Mar 2020 -> Jan 2026 (the day is ignored): 6 × 12 − 2 = 70
    ["the largest single-day decline since March 2020", "2026-01-29", "months", 70],
    // the end of a range is the figure's date: Jan 2025 -> Feb 2026 = 13
    ["since Jan. 2025", "2026-01-30/2026-02-06", "months", 13],
    ["worst January since 2009", "2026-01", "years", 17],
    // months need the as_of month
    ["since 2009", "2026", "months", null],
    ["since 2009", "2026-01", "sessions", null],
    ["no date here", "2026-01", "years", null],
  ])("%j as of %s in %s -> %s", (text, asOf, unit, expected) => {
    expect(sinceSpan(text, asOf, unit)).toBe(expected);
  });
});

describe("wordFiguresIn, sincePhrase and wordReading: where the words are, for quoting them", () => {
  it("gives the words as printed and where they start", () => {
    // "roughly " is 8 characters: "double" starts at 8
    expect(wordFiguresIn("roughly double the $91.4 billion", "pct")).toEqual([{ text: "double", index: 8, value: 100 }]);
    expect(wordFiguresIn("Doubling from $91 billion", "x")).toEqual([{ text: "Doubling", index: 0, value: 2 }]);
  });

  it("reads 'since <Month> <year>' to the month of the figure's date, the end of a range", () => {
    // "its steepest one-day drop " is 26 characters; Mar 2020 -> Jan 2026 = 6 × 12 + 1 − 3 = 70
    expect(sincePhrase("its steepest one-day drop since March 2020, wiping", "2026-01-29", "months")).toEqual({ text: "since March 2020", index: 26, value: 70 });
    // in years the months do not count: 2026 − 2020 = 6
    expect(sincePhrase("since March 2020", "2026-01-29", "years")).toEqual({ text: "since March 2020", index: 0, value: 6 });
    expect(sincePhrase("since March 2020", "2026", "months")).toBeNull();
  });

  it("finds the word figure or span equal to the value, and nothing for another value", () => {
    expect(wordReading(-100, "almost double", "pct", "2026")).toEqual({ text: "double", index: 7, value: 100 });
    expect(wordReading(70, "since March 2020", "months", "2026-01-29")).toEqual({ text: "since March 2020", index: 0, value: 70 });
    expect(wordReading(69, "since March 2020", "months", "2026-01-29")).toBeNull();
    expect(wordReading(110, "roughly double", "pct", "2026")).toBeNull();
  });
});

describe("matchesInWords", () => {
  it("reads the value in the unit's scale: 100 TWD_mn is one hundred million", () => {
    expect(matchesInWords(100, "hundreds of millions", "TWD_mn", "2025-10")).toBe(true);
    expect(matchesInWords(2, "hundreds of millions", "TWD_mn", "2025-10")).toBe(false);
  });

  it("takes either sign (falls are stored negative)", () => {
    expect(matchesInWords(-2, "trillions", "USD_tn", "2026-02")).toBe(true);
    expect(matchesInWords(-2.5, "trillions", "USD_tn", "2026-02")).toBe(false);
  });
});

describe("printedMismatch", () => {
  it("is the problem part of `file:line: field problem`", () => {
    expect(printedMismatch("59000", "$60,000")).toBe('59000 does not match the printed "$60,000"');
    // a quote holding quotation marks stays readable and on one line
    expect(printedMismatch("5", 'he said "five"')).toBe('5 does not match the printed "he said \\"five\\""');
  });
});
