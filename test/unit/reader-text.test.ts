/**
 * Reader-facing text is plain English: what a reader sees in the committed notebooks' outputs
 * (Markdown and HTML outputs without their tags; a chart's trace names, text, hover text,
 * annotations, titles and tick text, not its data arrays) holds no claim id, independent-figure
 * id, reconciliation, family, theme, check, article, section or chart id, no `pct`, no unit id, no
 * snake_case key, no interval notation and no " -> " arrow (test/support/reader-text.ts says exactly what is
 * matched). The same holds for what the standalone chart file and a page of your own add around a
 * chart and a table. A failure names the notebook, the cell, where in it, the kind and the match.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { NOTEBOOKS_DIR } from "../../src/data/paths";
import { intervalChart, byDateChart, groupedBarChart } from "../../src/charts";
import { chartPageHtml, galleryHtml } from "../../src/report/export";
import { pageHtml } from "../../src/report/page";
import { frameHtml } from "../../src/render/frame";
import { quoteMarkdown } from "../../src/render/markdown";
import { FIGURE_TABLE_COLUMNS, figureRecords, type FigureRecord } from "../../src/views/figures";
import { conflictCharts } from "../../src/views/conflicts";
import { figureText, htmlText, markdownText, notebookText, readerProblems, type Visible } from "../support/reader-text";

/** Rows of the figures table as a frame (what figures() gives a notebook). */
const frame = (rs: readonly FigureRecord[]) => ({ columns: [...FIGURE_TABLE_COLUMNS], values: rs.map((r) => FIGURE_TABLE_COLUMNS.map((c) => r[c])) });
const seen = (text: string, where = "test"): Visible[] => [{ where, text }];
const kinds = (text: string) => readerProblems(seen(text)).map((p) => `${p.kind}: ${p.match}`);

describe("the scan of what a reader sees", () => {
  it("finds each kind of machine text as the notebooks printed it before (the issue's examples)", () => {
    expect(kinds("> with silver plunging nearly 20% on Thursday — `tradingkey-001`")).toEqual(["claim id: tradingkey-001"]);
    expect(kinds("<b>20%</b> · TradingKey (tradingkey-001)<br>“quote”<br>-20 pct · as of 2026-02-05")).toEqual(["claim id: tradingkey-001", "unit pct: pct"]);
    expect(kinds("16% · Oninvest (r073)")).toEqual(["independent id: r073"]);
    expect(kinds("family.silver-rout  5  Cannot be verified")).toEqual(["reconciliation id: family.silver-rout"]);
    expect(kinds("BTC.low.intraday and alphabet.pct_change.after_hours")).toEqual([
      "reconciliation id: BTC.low.intraday",
      "reconciliation id: alphabet.pct_change.after_hours",
      "snake_case key: pct_change",
      "snake_case key: after_hours",
    ]);
    expect(kinds("btc-halved-tradingkey: accurate")).toEqual(["check id: btc-halved-tradingkey"]);
    expect(kinds("id raw as_of rating")).toEqual(["snake_case key: as_of"]);
    expect(kinds("200 USD_bn and 4.4 USD_tn, 60,008 USD")).toEqual(["unit id: USD_bn", "unit id: USD_tn", "unit id: 8 USD"]);
    expect(kinds("after_hours, accurate_rounded, etf_net_flow_coins, fear_greed_index")).toHaveLength(4);
    expect(kinds("within [-2.5, 1] or (60,000, 61,000] and ≤ -5 pct, up to ∞")).toEqual([
      "unit pct: pct",
      "interval notation: [-2.5, 1]",
      "interval notation: (60,000, 61,000]",
      "interval notation: ≤ -5",
      "interval notation: ∞",
    ]);
    expect(kinds("Gate's ~$4.4T -> ~$2.3–$2.4T vs GMT Eight's")).toEqual(["arrow:  -> "]);
    expect(kinds("gate-selloff-crushes, section tech-sector-carnage, theme bitcoin-levels, chart nb03-silver-fall")).toEqual([
      "theme id: bitcoin-levels",
      "article id: gate-selloff-crushes",
      "section id: tech-sector-carnage",
      "chart id: nb03-silver-fall",
    ]);
  });

  it("leaves plain English alone: figures, dates, names and words with hyphens", () => {
    const prose =
      "Bitcoin fell 5.6% to $60,008.52 on 6 Feb 2026 (intraday), a fall of more than 10%; US$3 billion, RMB 17.3 billion, " +
      "the S&P 500, a 24-hour window, the capex plans, the 17-year peak, USD/CNY at 6.92 (about 7.0), Nikkei 225 (3 sessions).";
    expect(kinds(prose)).toEqual([]);
  });

  it("reads only what a chart shows: not its data arrays, hidden category values or meta", () => {
    const fig = {
      data: [{ type: "scatter", name: "one trading day", x: [-20], y: ["tradingkey-001"], hovertext: ["<b>20%</b> · TradingKey<br>−20% · 5 Feb 2026"], customdata: ["r073"] }],
      layout: {
        title: { text: "<b>Silver</b>" },
        meta: { chart: { id: "nb03-silver-fall" } },
        yaxis: { type: "category", tickvals: ["tradingkey-001"], categoryarray: ["tradingkey-001"], ticktext: ["20% — TradingKey"] },
        xaxis: { title: { text: "percent" } },
      },
    };
    expect(readerProblems(figureText(fig))).toEqual([]);
    // a category axis without tick text shows its categories; a hover or a legend name shows itself
    const bare = { data: [{ name: "after_hours", y: ["r073"], hovertext: ["-20 pct"] }], layout: { yaxis: { type: "category" } } };
    expect(readerProblems(figureText(bare)).map((p) => `${p.where}: ${p.match}`)).toEqual([
      "chart yaxis categories: r073",
      "chart trace 1 name: after_hours",
      "chart trace 1 hover: pct",
    ]);
  });

  it("reads HTML and Markdown as shown: tags, scripts and escapes are not text", () => {
    expect(htmlText('<td title="as_of">6 Feb 2026</td><script>var r073 = 1;</script>')).toBe(" 6 Feb 2026  ");
    expect(markdownText("\\$60,000 &amp; <b>x</b>")).toBe("$60,000 &  x ");
  });
});

/** The notebooks committed to git's index, read from notebooks/. */
const notebooks = fs.readdirSync(NOTEBOOKS_DIR).filter((f) => f.endsWith(".ipynb")).sort();

describe("what a reader sees in each committed notebook's outputs is plain English", () => {
  it("there are notebooks, with outputs, to check", () => {
    const outputs = notebooks.flatMap((f) => notebookText(JSON.parse(fs.readFileSync(path.join(NOTEBOOKS_DIR, f), "utf8")), f));
    expect(notebooks.length).toBeGreaterThanOrEqual(9);
    expect(outputs.length).toBeGreaterThan(1000);
  });

  it.each(notebooks)("%s", (name) => {
    const nb = JSON.parse(fs.readFileSync(path.join(NOTEBOOKS_DIR, name), "utf8"));
    expect(readerProblems(notebookText(nb, name)).map((p) => `${p.where}: ${p.kind} ${JSON.stringify(p.match)}`)).toEqual([]);
  });
});

describe("tables and charts put the machine's keys in words when they are shown", () => {
  const rows = figureRecords();
  const silver = rows.filter((r) => r.subject === "silver" && r.metric === "pct_change" && r.as_of === "2026-02-05");

  it("a DataFrame shown as a table: headers and vocabulary values in words, the frame's own columns unchanged", () => {
    const frame = { columns: ["source", "window", "as_of", "raw", "unit", "rating"], values: silver.map((r) => [r.source, r.window, r.as_of, r.raw, r.unit, r.rating]) };
    const html = frameHtml(frame);
    expect(readerProblems(seen(htmlText(html)))).toEqual([]);
    // data/vocabulary.csv: session "one trading day", pct "percent"; as_of 2026-02-05 is 5 Feb 2026
    expect(html).toMatch(/<th[^>]*>as of<\/th>/);
    expect(html).toMatch(/<th[^>]*>as printed<\/th>/);
    expect(html).toContain(">one trading day</td>");
    expect(html).toContain(">5 Feb 2026</td>");
    expect(html).toContain(">percent</td>");
    expect(frame.columns).toEqual(["source", "window", "as_of", "raw", "unit", "rating"]);
  });

  it("charts of the figures table: legends, axis titles, hovers and labels in words", () => {
    const figs = [
      intervalChart(frame(silver), { id: "t-silver", title: "Silver", colorBy: "window" }),
      intervalChart(frame(silver), { id: "t-silver-default", title: "Silver" }),
      byDateChart(frame(rows.filter((r) => r.subject === "BTC" && r.metric === "low")), { id: "t-btc", title: "Lows", colorBy: "rating" }),
      groupedBarChart(rows.filter((r) => r.metric === "capex" && r.origin === "article").slice(0, 2), { id: "t-capex", title: "Capex", x: "subject", group: "rating", y: "high" }),
      ...conflictCharts([{ id: "family.liquidations" }, { id: "BTC.peak.point" }, { id: "alphabet.pct_change.after_hours" }], "t"),
    ];
    expect(readerProblems(figs.flatMap((f) => figureText(f as never)))).toEqual([]);
  });

  it("quotes carry no ids", () => {
    expect(readerProblems(seen(markdownText(quoteMarkdown(silver.filter((r) => r.origin === "article")))))).toEqual([]);
  });
});

describe("the standalone chart file and a page of your own add no machine text", () => {
  const fig = intervalChart(frame(figureRecords().filter((r) => r.subject === "kospi")), { id: "nb03-kospi-fall", title: "KOSPI's fall", colorBy: "window", article: "tradingkey-ai-bubble" });

  /** What a reader sees on a page: its text outside scripts, and the charts it embeds. */
  const pageText = (html: string): Visible[] => [
    ...seen(htmlText(html), "page"),
    ...[...html.matchAll(/<script type="application\/json" class="selloff-chart-data"[^>]*>([\s\S]*?)<\/script>/g)].flatMap((m) => figureText(JSON.parse(m[1]!), "page chart")),
  ];

  it("a chart's own page (out/charts/<id>.html) names neither the chart's id nor its article's", () => {
    const html = chartPageHtml(fig, "");
    expect(pageText(html).some((v) => v.where.startsWith("page chart"))).toBe(true);
    expect(readerProblems(pageText(html))).toEqual([]);
  });

  it("the gallery lists charts by title only", () => {
    const html = galleryHtml([{ name: "03-tradingkey-ai-bubble", title: "TradingKey", charts: [{ id: "nb03-kospi-fall", title: "KOSPI's fall", article: "tradingkey-ai-bubble" }] }]);
    expect(readerProblems(seen(htmlText(html)))).toEqual([]);
  });

  it("exportHtml's page: the chart and a table of reader columns, in words", () => {
    const table = { columns: ["source", "as_of", "window", "raw", "rating"], values: figureRecords().filter((r) => r.subject === "kospi").map((r) => [r.source, r.as_of, r.window, r.raw, r.rating]) };
    const page = pageText(pageHtml("Kospi figures", [fig, table], ""));
    expect(page.some((v) => v.where.startsWith("page chart"))).toBe(true);
    expect(readerProblems(page)).toEqual([]);
  });
});
