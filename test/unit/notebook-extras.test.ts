import { describe, expect, it } from "vitest";
import { groupedBarChart } from "../../src/charts";
import { loadLedger } from "../../src/data/ledger";
import { withBand } from "../../src/charts";
import { chartLabels, sourceAsClaim } from "../../src/views/chart-rows";
import { isGarbledFigure, noteReadings, readingRows, readingsTable } from "../../src/views/readings";
import { sectionExcerpt } from "../../src/views/sections";

describe("noteReadings(claim)", () => {
  it("returns each lettered reading of a garbled figure, label with its parenthesis, text to the end of its sentence", () => {
    const note =
      "garble. Reading A (literal): fell more than 100% during the day (impossible). Reading B (intended, cf. 'overtake8%' in the lead; 跌超8%): fell more than 8% intraday. low/high encode reading B; as of 17:00 (Beijing) Friday";
    expect(noteReadings({ quote: "q", note })).toEqual([
      { label: "Reading A (literal)", text: "fell more than 100% during the day (impossible)" },
      { label: "Reading B (intended, cf. 'overtake8%' in the lead; 跌超8%)", text: "fell more than 8% intraday" },
    ]);
  });

  it("reads 'printed words' = meaning as 'as printed' and 'read as', and 'could also mean' as a third reading", () => {
    const note = "'Previously ... once' = intraday slide of the Feb 5-6 rout (TradingKey: 'nearly 20%' on Thursday, which conflicts); could also mean the 2026-01-30 crash";
    expect(noteReadings({ quote: "q", note })).toEqual([
      { label: "as printed", text: "Previously ... once" },
      { label: "read as", text: "intraday slide of the Feb 5-6 rout (TradingKey: 'nearly 20%' on Thursday, which conflicts)" },
      { label: "or", text: "the 2026-01-30 crash" },
    ]);
  });

  it("pairs a single 'reading:' with the quote as printed", () => {
    expect(noteReadings({ quote: "with a flash crash after the market closed. 7%", note: "garbled sentence break; reading: fell as much as 7% in after-hours trading" })).toEqual([
      { label: "as printed", text: "with a flash crash after the market closed. 7%" },
      { label: "read as", text: "fell as much as 7% in after-hours trading" },
    ]);
  });

  it("returns [] for a note that gives no reading", () => {
    expect(noteReadings({ quote: "q", note: "" })).toEqual([]);
    expect(noteReadings({ quote: "q", note: "word figure: halved = -50% from the Oct-2025 peak" })).toEqual([]);
  });
});

describe("isGarbledFigure(claim)", () => {
  it("is true for the garbled qualifier and for notes that say garbled or machine translation", () => {
    expect(isGarbledFigure({ qualifier: "garbled", quote: "q", note: "" })).toBe(true);
    expect(isGarbledFigure({ qualifier: "exact", quote: "q", note: "garbled sentence break" })).toBe(true);
    expect(isGarbledFigure({ qualifier: "over", quote: "q", note: "'overtake' = machine translation of 超过 (more than)" })).toBe(true);
  });

  it("is true for a note that gives a second reading", () => {
    expect(isGarbledFigure({ qualifier: "over", quote: "q", note: "'Previously ... once' = the Feb 5-6 rout; could also mean the 2026-01-30 crash" })).toBe(true);
  });

  it("is true for a note that reads a word run of the quote, false when the words are not in the quote", () => {
    expect(isGarbledFigure({ qualifier: "exact", quote: "has reached the lowest level59800Dollar", note: "'lowest level59800Dollar' = low of US$59,800" })).toBe(true);
    expect(isGarbledFigure({ qualifier: "exact", quote: "fell 5%", note: "'once plummeted' = intraday trough" })).toBe(false);
  });

  it("finds the five machine-translation artefacts of the Nakamoto article in the ledger", () => {
    const ids = loadLedger()
      .claims.filter((c) => c.article === "nakamoto-570k-liquidated" && isGarbledFigure(c))
      .map((c) => c.id);
    // 004 'overtake8%', 006 'level59800Dollar', 013 'more than 100% ... 8%', 023 'Previously ... once', 037 'closed. 7%'
    expect(ids).toEqual(["nakamoto-004", "nakamoto-006", "nakamoto-013", "nakamoto-023", "nakamoto-037"]);
  });
});

describe("readingRows(rows) and readingsTable(rows)", () => {
  it("gives one row per reading of each garbled figure, in input order, and none for a plain figure", () => {
    const rows = [
      { id: "a-1", raw: "5%", quote: "fell 5%", qualifier: "exact", note: "intraday" },
      { id: "a-2", raw: "7%", quote: "a crash. 7%", qualifier: "exact", note: "garbled sentence break; reading: fell 7% after hours" },
      { id: "a-3", raw: "8%", quote: "q", qualifier: "garbled", note: "Reading A (literal): fell 100%. Reading B (intended): fell 8%" },
    ];
    expect(readingRows(rows)).toEqual([
      { id: "a-2", raw: "7%", reading: "as printed", text: "a crash. 7%" },
      { id: "a-2", raw: "7%", reading: "read as", text: "fell 7% after hours" },
      { id: "a-3", raw: "8%", reading: "Reading A (literal)", text: "fell 100%" },
      { id: "a-3", raw: "8%", reading: "Reading B (intended)", text: "fell 8%" },
    ]);
  });

  it("gives no row for a garbled figure whose note gives no reading, and reads missing text as empty", () => {
    expect(readingRows([{ id: "a-1", raw: "9%", quote: "q", qualifier: "garbled", note: "machine translation" }])).toEqual([]);
    expect(readingRows([{ id: "a-1", raw: null, quote: "q", qualifier: "garbled", note: "garbled; reading: fell 9%" }])).toEqual([
      { id: "a-1", raw: "", reading: "as printed", text: "q" },
      { id: "a-1", raw: "", reading: "read as", text: "fell 9%" },
    ]);
  });

  it("reads a DataFrame-shaped input (columns and row-major values) like records", () => {
    const frame = { columns: ["id", "raw", "quote", "qualifier", "note"], values: [["a-2", "7%", "closed. 7%", "exact", "garbled; reading: fell 7%"]] };
    expect(readingRows(frame).map((r) => r.reading)).toEqual(["as printed", "read as"]);
  });

  it("finds both readings of each of the Nakamoto article's five artefacts in the ledger", () => {
    const rows = readingRows(loadLedger().claims.filter((c) => c.article === "nakamoto-570k-liquidated"));
    // 004, 006 and 037 have two readings ("as printed", "read as"); 013 has Reading A and B;
    // 023 has three ("as printed", "read as", "or"): 2 + 2 + 2 + 2 + 3 = 11 rows
    expect(rows.map((r) => r.id)).toEqual([
      "nakamoto-004", "nakamoto-004", "nakamoto-006", "nakamoto-006", "nakamoto-013", "nakamoto-013",
      "nakamoto-023", "nakamoto-023", "nakamoto-023", "nakamoto-037", "nakamoto-037",
    ]);
    expect(rows.filter((r) => r.id === "nakamoto-013").map((r) => r.reading)).toEqual(["Reading A (literal)", expect.stringMatching(/^Reading B \(intended/)]);
  });

  it("readingsTable has a reader's columns raw, reading and text (no id), one row per reading (empty with no garbled figure)", () => {
    const t = readingsTable([{ id: "a-2", raw: "7%", quote: "closed. 7%", qualifier: "exact", note: "garbled; reading: fell 7%" }]);
    expect(t.columns).toEqual(["raw", "reading", "text"]);
    expect(t.shape).toEqual([2, 3]);
    expect(readingsTable([]).shape[0]).toBe(0);
  });
});

describe("sourceAsClaim(row, group)", () => {
  const row = { id: "r011", subject: "BTC", metric: "low", window: "intraday", low: 60008.52, high: 60008.52, unit: "USD", as_of: "2026-02-06", quote: "q", outlet: "Reuters", tier: "wire" as const };

  it("keeps the id, interval, unit and date, groups under one legend name and prints the figure in words", () => {
    const c = sourceAsClaim(row);
    expect(c).toMatchObject({ id: "r011", article: "independent reporting", low: 60008.52, high: 60008.52, unit: "USD", as_of: "2026-02-06", raw: "$60,008.52", outlet: "Reuters", tier: "wire" });
    expect(sourceAsClaim(row, "wires").article).toBe("wires");
  });

  it("prints ranges and open ends in words, never as ≤ / ≥", () => {
    expect(sourceAsClaim({ ...row, low: 175, high: 185 }).raw).toBe("$175–$185");
    // "plunging more than 5 percent" is stored as high -5, low open: a fall of at least 5%
    expect(sourceAsClaim({ ...row, low: null, high: -5, unit: "pct" }).raw).toBe("a fall of at least 5%");
    expect(sourceAsClaim({ ...row, low: 3, high: null, unit: "USD_bn" }).raw).toBe("at least $3B");
  });
});

describe("chartLabels(rows, options)", () => {
  it("labels article figures by article and sources by outlet (cut to width) and tier", () => {
    const labels = chartLabels(
      [
        { id: "a-1", raw: "$60,000", article: "tradingkey-ai-bubble", as_of: "2026-02-06" },
        { id: "r011", raw: "60,008.52", article: "independent reporting", as_of: "2026-02-06", outlet: "The News (Pakistan), rewriting Reuters", tier: "wire" },
      ],
      { width: 12 },
    );
    expect(labels).toEqual({ "a-1": "$60,000 — TradingKey", r011: "60,008.52 — The News (P… (wire)" });
  });

  it("names articles by the given names, keeping ids it does not know", () => {
    const rows = [
      { id: "a-1", raw: "5%", article: "gmteight-2t-wiped", as_of: "2026-02-06" },
      { id: "b-1", raw: "6%", article: "other", as_of: "2026-02-06" },
    ];
    expect(chartLabels(rows, { names: { "gmteight-2t-wiped": "GMT" } })).toEqual({ "a-1": "5% — GMT", "b-1": "6% — other" });
  });

  it("appends the date when asked", () => {
    expect(chartLabels([{ id: "r1", raw: "-4.77", article: "x", as_of: "2026-02-06", outlet: "Yonhap", tier: "wire" }], { date: true })).toEqual({ r1: "-4.77 — Yonhap (wire) · 6 Feb 2026" });
  });
});

describe("sectionExcerpt(text, section, maxChars)", () => {
  const text = "Lead. The CME Group raised margins. Longs fled. Looking back, Bitcoin fell.";

  it("returns the whole section, whitespace collapsed, when it fits", () => {
    expect(sectionExcerpt("a\n\n b  c", { start: 0, end: 9 })).toBe("a b c");
  });

  it("cuts after the last full sentence that fits", () => {
    // the section is "The CME Group raised margins. Longs fled." (offsets 6..47); 35 chars fit only the first sentence
    expect(sectionExcerpt(text, { start: 6, end: 47 }, 35)).toBe("The CME Group raised margins.");
  });

  it("cuts at a word with an ellipsis when no sentence fits", () => {
    expect(sectionExcerpt(text, { start: 6, end: 47 }, 12)).toBe("The CME…");
  });

  it("reads the real section spans of the ledger", () => {
    const ledger = loadLedger();
    const s = ledger.sections.find((x) => x.article === "tradingkey-ai-bubble" && x.section === "silver-margin-liquidations")!;
    const a = ledger.articles.find((x) => x.id === "tradingkey-ai-bubble")!;
    const first =
      "The CME Group raised margin requirements for silver, which triggered leveraged liquidations due to its high-leverage nature, leading to panic selling and a stampede among long positions.";
    expect(sectionExcerpt(a.text, s, first.length + 20)).toBe(first);
    expect(sectionExcerpt(a.text, s, 1000).startsWith("The CME Group raised margin requirements for silver")).toBe(true);
  });
});

describe("withBand(fig, band)", () => {
  const fig = groupedBarChart([{ category: "20x", series: "computed", value: -5 }], { id: "lev", title: "Leverage" });

  it("adds a shaded rectangle on the value axis and its escaped label, leaving the figure unchanged", () => {
    const before = JSON.stringify(fig);
    const out = withBand(fig, { low: -5, high: -2, label: "article: <2%-5%>" });
    expect(JSON.stringify(fig)).toBe(before);
    const shapes = out.layout.shapes as Record<string, unknown>[];
    expect(shapes[shapes.length - 1]).toMatchObject({ type: "rect", xref: "paper", yref: "y", y0: -5, y1: -2 });
    const notes = out.layout.annotations as Record<string, unknown>[];
    expect(notes[notes.length - 1]!.text).toBe("article: &lt;2%-5%&gt;");
  });

  it("spans the x axis when asked", () => {
    const shapes = withBand(fig, { low: 1, high: 2, label: "b", axis: "x" }).layout.shapes as Record<string, unknown>[];
    expect(shapes[shapes.length - 1]).toMatchObject({ xref: "x", yref: "paper", x0: 1, x1: 2 });
  });

  it("throws for a band that is not finite low ≤ high", () => {
    expect(() => withBand(fig, { low: 3, high: 2, label: "b" })).toThrow(/^invalid band: 3 to 2/);
    expect(() => withBand(fig, { low: NaN, high: 2, label: "b" })).toThrow(/invalid band/);
  });
});
