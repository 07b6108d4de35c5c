/**
 * Contract tests of the chart builders (src/charts/): every chart kind's figure JSON is snapshotted (built from small
 * hand-made claims, never the live ledger), and the properties that matter are asserted directly:
 * meta ids, escaping of article text, JSON safety, open-ended intervals, determinism.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import * as charts from "../../src/charts";
import { claimHover, groupedBarChart, intervalChart, pricePathChart, sanitizeJson, smallMultiplesChart, toClaims, validateChartId, verdictBarChart, type ClaimLike, type PlotlyFigure } from "../../src/charts";
import { asOfMidpoint, asOfSpan } from "../../src/data/dates";
import { VERDICT_COLORS } from "../../src/render/html";

/** A hand-made claim with the fields charts read. */
function claim(p: Partial<ClaimLike> & Pick<ClaimLike, "id" | "article" | "low" | "high">): ClaimLike {
  return { quote: `quote of ${p.id}`, subject: "BTC", metric: "price", unit: "USD", raw: "x", as_of: "2026-02-06", ...p };
}

const HOSTILE_QUOTE = `BTC <script>alert(1)</script> fell & "crashed" to 'lows'</div>`;
const ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;";

// Bitcoin figures as articles 000 and 002 print them (copied by hand from data/staging/claims-*.csv).
const BTC_CLAIMS: ClaimLike[] = [
  claim({ id: "crushes-043", article: "gate-selloff-crushes", metric: "peak", low: 126000, high: 126000, raw: "$126K", as_of: "2025-10", quote: "Peak $126K" }),
  claim({ id: "crushes-018", article: "gate-selloff-crushes", metric: "low", low: 60000, high: 61000, raw: "~$60,000–$61,000", as_of: "2026-02-05/2026-02-06", quote: "Crashed to ~$60,000–$61,000 lows" }),
  claim({ id: "crushes-019", article: "gate-selloff-crushes", metric: "low", low: null, high: 60000, raw: "sub-$60K", as_of: "2026-02-06", quote: "(briefly sub-$60K on Feb 6)" }),
  claim({ id: "crushes-020", article: "gate-selloff-crushes", metric: "price", low: 69000, high: 69300, raw: "around $69,000–$69,300", as_of: "2026-02-08", quote: HOSTILE_QUOTE }),
  claim({ id: "tradingkey-008", article: "tradingkey-ai-bubble", metric: "low", low: 60000, high: 60000, raw: "$60,000", as_of: "2026-02-06", quote: "it dropped to $60,000 during the session" }),
];

const BTC_PATH = [
  { date: "2025-10-06", close: 124800 },
  { date: "2025-11-15", close: 95000 },
  { date: "2025-12-31", close: 87500 },
  { date: "2026-01-31", close: 78600 },
  { date: "2026-02-05", close: 62700 },
  { date: "2026-02-06", close: NaN }, // a missing close: must become null (a gap), never NaN
  { date: "2026-02-08", close: 69200 },
];

// Sizes of moves (pct), including open ends: "over 10%" (high open at -10) and "20–35%+" read as open.
const MOVES: ClaimLike[] = [
  claim({ id: "crushes-024", article: "gate-selloff-crushes", subject: "BTC", metric: "pct_change", unit: "pct", low: -15, high: -15, raw: "~15%", as_of: "2026-02-05" }),
  claim({ id: "tradingkey-010", article: "tradingkey-ai-bubble", subject: "BTC", metric: "pct_change", unit: "pct", low: null, high: -10, raw: "over 10%", as_of: "2026-01" }),
  claim({ id: "crushes-031", article: "gate-selloff-crushes", subject: "silver", metric: "pct_change", unit: "pct", low: -20, high: -18, raw: "18–20%", as_of: "2026-02-02/2026-02-06" }),
  claim({ id: "tradingkey-001", article: "tradingkey-ai-bubble", subject: "silver", metric: "pct_change", unit: "pct", low: -20, high: -20, raw: "nearly 20%", as_of: "2026-02-05", quote: HOSTILE_QUOTE }),
  claim({ id: "tradingkey-005", article: "tradingkey-ai-bubble", subject: "kospi", metric: "pct_change", unit: "pct", low: -5, high: -5, raw: "5%", as_of: "2026-02-06" }),
  claim({ id: "crushes-007", article: "gate-selloff-crushes", subject: "amazon", metric: "pct_change", unit: "pct", low: -12, high: -10, raw: "~10–12%", as_of: "2026-02-06" }),
];

const CAPEX_ROWS = [
  { category: "amazon", series: "2025", value: 131, article: "tradingkey-ai-bubble", quote: "approximately $131 billion" },
  { category: "amazon", series: "2026", value: 200, article: "tradingkey-ai-bubble", quote: "$200 billion in 2026" },
  { category: "alphabet", series: "2025", value: 91, article: "tradingkey-ai-bubble", quote: "from $91 billion in 2025" },
  { category: "alphabet", series: "2026", value: 180, low: 175, high: 185, article: "tradingkey-ai-bubble", quote: HOSTILE_QUOTE },
];

const VERDICT_ROWS = [
  { article: "gate-selloff-crushes", verdict: "consistent" },
  { article: "gate-selloff-crushes", verdict: "holds" },
  { article: "gate-selloff-crushes", verdict: "inconsistent" },
  { article: "gate-selloff-crushes", verdict: "scope_mismatch" },
  { article: "tradingkey-ai-bubble", verdict: "consistent_within_rounding" },
  { article: "tradingkey-ai-bubble", verdict: "ambiguous" },
  { article: "<b>evil</b>", verdict: "fails" },
];

/** The five chart kinds, built from the fixtures above. */
function allFigures(): Record<string, PlotlyFigure> {
  return {
    "price-path": pricePathChart(BTC_PATH, BTC_CLAIMS, {
      id: "btc-path-gate-selloff-crushes",
      title: "Bitcoin from the October peak to the February low",
      subtitle: "Each marker is an article's figure; bars are its interval",
      article: "gate-selloff-crushes",
      pathName: "BTC daily close (hand-made fixture)",
      annotate: ["crushes-043", "crushes-019"],
    }),
    "grouped-bar": groupedBarChart(CAPEX_ROWS, {
      id: "capex-2025-vs-2026",
      title: "Capex: 2025 vs 2026 plans",
      low: "low",
      high: "high",
      yTitle: "USD bn",
      categoryLabels: { amazon: "Amazon", alphabet: "Alphabet" },
    }),
    interval: intervalChart(BTC_CLAIMS.filter((c) => c.metric === "low"), {
      id: "btc-low-forest",
      title: "Bitcoin's February low, as printed",
      consensus: { value: 60062, label: "recomputed low", low: 59800, high: 60300 },
    }),
    "small-multiples": smallMultiplesChart(MOVES, {
      id: "moves-small-multiples",
      title: "Size of the moves, by asset",
      facetLabels: { BTC: "Bitcoin", silver: "Silver", kospi: "Kospi", amazon: "Amazon" },
      reference: 0,
    }),
    "verdict-bar": verdictBarChart(VERDICT_ROWS, { id: "verdicts-by-article", title: "Verdicts by article" }),
  };
}

/** Every value in a JSON-ish tree, with its path. */
function walk(v: unknown, p: string, visit: (v: unknown, p: string) => void): void {
  visit(v, p);
  if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${p}[${i}]`, visit));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${p}.${k}`, visit);
}

/** Evaluates every `@example expr // => value` line of a source file against a module's exports. */
function docExamples(dir: string, mod: Record<string, unknown>): { expr: string; expected: string }[] {
  const root = path.resolve(__dirname, "../../src", dir);
  const text = fs.readdirSync(root).filter((f) => f.endsWith(".ts")).sort().map((f) => fs.readFileSync(path.join(root, f), "utf8")).join("\n");
  return [...text.matchAll(/@example (.*) \/\/ => (.*)$/gm)].map((m) => ({ expr: m[1]!, expected: m[2]! }));
}
function evaluate(expr: string, mod: Record<string, unknown>): unknown {
  const names = Object.keys(mod);
  return new Function(...names, `return (${expr});`)(...names.map((n) => mod[n]));
}

describe("charts: @example lines", () => {
  const examples = docExamples("charts", charts);
  it("every exported chart function has an example", () => {
    for (const fn of ["validateChartId", "sanitizeJson", "pricePathChart", "groupedBarChart", "intervalChart", "smallMultiplesChart", "verdictBarChart"]) {
      expect(examples.some((e) => e.expr.startsWith(`${fn}(`))).toBe(true);
    }
  });
  for (const { expr, expected } of examples) {
    it(`${expr.slice(0, 70)} => ${expected.slice(0, 50)}`, () => {
      expect(evaluate(expr, charts)).toEqual(evaluate(expected, {}));
    });
  }
});

describe("charts: snapshots of each chart kind", () => {
  const figs = allFigures();
  for (const [name, fig] of Object.entries(figs)) {
    it(`${name} figure JSON matches __snapshots__/${name}.json`, async () => {
      // Nothing volatile to normalise: figures carry no generated ids, dates or random values.
      await expect(JSON.stringify(fig, null, 2)).toMatchFileSnapshot(`__snapshots__/${name}.json`);
    });
  }
});

describe("charts: contract", () => {
  const figs = allFigures();

  it("every figure carries layout.meta.chart = { id, title, article? } and a fixed size", () => {
    for (const fig of Object.values(figs)) {
      const chart = (fig.layout.meta as { chart: Record<string, unknown> }).chart;
      expect(chart.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(typeof chart.title).toBe("string");
      expect(typeof fig.layout.width).toBe("number");
      expect(typeof fig.layout.height).toBe("number");
      expect(fig.layout.autosize).toBe(false);
      expect(fig.config.responsive).toBe(false);
    }
    expect((figs["price-path"]!.layout.meta as { chart: unknown }).chart).toEqual({
      id: "btc-path-gate-selloff-crushes",
      title: "Bitcoin from the October peak to the February low",
      article: "gate-selloff-crushes",
    });
  });

  it("every figure has the source line under the chart and a white background", () => {
    for (const fig of Object.values(figs)) {
      const source = (fig.layout.annotations as { text: string; y: number }[])[0]!;
      expect(source.text).toBe("Source: claims ledger; selloff-lab");
      expect(source.y).toBeLessThan(0);
      expect(fig.layout.paper_bgcolor).toBe("#FFFFFF");
    }
  });

  it("figures are plain JSON: no NaN, Infinity, undefined or functions anywhere", () => {
    for (const [name, fig] of Object.entries(figs)) {
      expect(JSON.parse(JSON.stringify(fig))).toEqual(fig);
      walk(fig, name, (v, p) => {
        if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`non-finite number at ${p}`);
        if (v === undefined || typeof v === "function") throw new Error(`${typeof v} at ${p}`);
      });
    }
    // The missing close of 2026-02-06 became a gap.
    expect(figs["price-path"]!.data[0]!.y).toEqual([124800, 95000, 87500, 78600, 62700, null, 69200]);
  });

  it("figures are deterministic: built twice, identical", () => {
    expect(JSON.stringify(allFigures())).toBe(JSON.stringify(allFigures()));
  });

  it("a hostile quote comes out escaped in hovers, never as raw markup", () => {
    for (const name of ["price-path", "grouped-bar", "small-multiples"]) {
      const json = JSON.stringify(figs[name]);
      expect(json, name).not.toContain("<script>");
      expect(json, name).not.toContain("</div>");
      expect(json, name).toContain(ESCAPED_SCRIPT);
      expect(json, name).toContain("&amp;");
      expect(json, name).toContain("&#34;crashed&#34;");
      expect(json, name).toContain("&#39;lows&#39;");
    }
    // A hostile category name is escaped in tick labels and hover too.
    const verdicts = JSON.stringify(figs["verdict-bar"]);
    expect(verdicts).not.toContain("<b>evil</b>");
    expect(verdicts).toContain("&lt;b&gt;evil&lt;/b&gt;");
  });

  it("hover text shows who printed the figure, the quote, the figure read in words and its date in words: no id, no unit id", () => {
    const trace = figs["price-path"]!.data.find((t) => t.name === "tradingkey-ai-bubble")!;
    // tradingkey-008: low = high = 60000 USD as of 2026-02-06 -> "$60,000 · 6 Feb 2026"
    expect(trace.hovertext).toEqual([
      "<b>$60,000</b> · tradingkey-ai-bubble<br>“it dropped to $60,000 during the session”<br>$60,000 · 6 Feb 2026",
    ]);
  });

  it("hover text reads an open bound in words, by its qualifier", () => {
    // a fall of more than 5%: high -5, no low, qualifier "over"
    expect(claimHover({ article: "a", source: "The Korea Herald", quote: "q", raw: "more than 5", low: null, high: -5, unit: "pct", as_of: "2026-02-06", qualifier: "over" })).toBe(
      "<b>more than 5</b> · The Korea Herald<br>“q”<br>a fall of more than 5% · 6 Feb 2026",
    );
    // under $65,000 with no qualifier saying it is open: "at most"
    expect(claimHover({ article: "a", quote: "q", raw: "$65K", low: null, high: 65000, unit: "USD", as_of: "2025-11" })).toBe("<b>$65K</b> · a<br>“q”<br>at most $65,000 · November 2025");
  });

  it("pricePathChart marks each claim at its as_of with its interval as an error bar; open ends as triangles", () => {
    const gate = figs["price-path"]!.data.find((t) => t.name === "gate-selloff-crushes")!;
    // peak Oct 2025 (month midpoint), low 05/06 span (midpoint noon), sub-$60K on Feb 6, rebound Feb 8
    expect(gate.x).toEqual(["2025-10-16", "2026-02-05 12:00", "2026-02-06", "2026-02-08"]);
    // centres: 126000; (60000+61000)/2 = 60500; open "sub-$60K" sits at its bound 60000; 69150
    expect(gate.y).toEqual([126000, 60500, 60000, 69150]);
    expect(gate.error_y).toMatchObject({ array: [0, 500, 0, 150], arrayminus: [0, 500, 0, 150] });
    expect((gate.marker as { symbol: string[] }).symbol).toEqual(["circle", "circle", "triangle-down", "circle"]);
  });

  it("pricePathChart refuses a claim in another unit", () => {
    const pct = claim({ id: "crushes-045", article: "gate-selloff-crushes", unit: "pct", low: -52, high: -52 });
    expect(() => pricePathChart(BTC_PATH, [pct], { id: "btc-path", title: "BTC" })).toThrow(/claim crushes-045 has unit "pct", expected "USD"/);
  });

  it("intervalChart draws open ends to the axis edge with arrows and points as diamonds", () => {
    const fig = figs.interval!;
    const range = (fig.layout.xaxis as { range: [number, number] }).range;
    // finite values 59800..61000 (span 1200), an open end present: pad 12% = 144
    expect(range).toEqual([59656, 61144]);
    const gate = fig.data.find((t) => t.name === "gate-selloff-crushes")!;
    expect(gate.x).toEqual([60000, 61000, null, 59656, 60000, null]);
    expect((gate.marker as { symbol: string[] }).symbol).toEqual(["line-ns", "line-ns", "circle", "triangle-left", "line-ns", "circle"]);
    const tk = fig.data.find((t) => t.name === "tradingkey-ai-bubble")!;
    expect((tk.marker as { symbol: string[] }).symbol).toEqual(["diamond", "circle"]);
    // rows keep input order, labelled with the printed figure and article
    expect((fig.layout.yaxis as { ticktext: string[] }).ticktext).toEqual([
      "~$60,000–$61,000 — gate-selloff-crushes",
      "sub-$60K — gate-selloff-crushes",
      "$60,000 — tradingkey-ai-bubble",
    ]);
    const consensus = (fig.layout.shapes as { type: string; x0: number }[]).find((s) => s.type === "line")!;
    expect(consensus.x0).toBe(60062);
  });

  it("intervalChart can colour by verdict with the fixed verdict colours", () => {
    const fig = intervalChart(BTC_CLAIMS.slice(1, 3), {
      id: "btc-low-verdicts",
      title: "Lows",
      colorBy: "verdict",
      verdicts: { "crushes-018": "holds", "crushes-019": "fails" },
    });
    expect(fig.data.map((t) => [t.name, (t.line as { color: string }).color])).toEqual([
      ["holds", VERDICT_COLORS.consistent],
      ["fails", VERDICT_COLORS.inconsistent],
    ]);
    expect(() => intervalChart(BTC_CLAIMS.slice(1, 3), { id: "x", title: "x", colorBy: "verdict", verdicts: {} })).toThrow(/no verdict for claim crushes-018/);
  });

  it("smallMultiplesChart gives one panel per asset, all sharing the first x axis", () => {
    const fig = figs["small-multiples"]!;
    const l = fig.layout as Record<string, { matches?: string; range?: number[] } | undefined>;
    expect(l.xaxis!.matches).toBeUndefined();
    expect([l.xaxis2!.matches, l.xaxis3!.matches, l.xaxis4!.matches]).toEqual(["x", "x", "x"]);
    expect(l.xaxis5).toBeUndefined();
    const titles = (fig.layout.annotations as { text: string }[]).slice(1).map((a) => a.text);
    expect(titles).toEqual(["<b>Bitcoin</b>", "<b>Silver</b>", "<b>Kospi</b>", "<b>Amazon</b>"]);
    // one legend entry per article, not per panel
    expect(fig.data.filter((t) => t.showlegend).map((t) => t.name)).toEqual(["gate-selloff-crushes", "tradingkey-ai-bubble"]);
  });

  it("groupedBarChart aligns groups on categories and refuses duplicate cells", () => {
    const fig = figs["grouped-bar"]!;
    expect(fig.data.map((t) => [t.name, t.x, t.y])).toEqual([
      ["2025", ["Amazon", "Alphabet"], [131, 91]],
      ["2026", ["Amazon", "Alphabet"], [200, 180]],
    ]);
    expect((fig.data[1]!.error_y as { array: number[] }).array).toEqual([0, 5]);
    const dup = [...CAPEX_ROWS, { category: "amazon", series: "2025", value: 1 }];
    expect(() => groupedBarChart(dup, { id: "dup", title: "d" })).toThrow(/two rows for category "amazon" and group "2025"/);
  });

  it("verdictBarChart counts verdicts per article, stacked in the fixed order and colours", () => {
    const fig = figs["verdict-bar"]!;
    expect(fig.layout.barmode).toBe("stack");
    expect(fig.data.map((t) => [t.name, t.x, (t.marker as { color: string }).color])).toEqual([
      ["holds", [2, 0, 0], "#009E73"],
      ["within rounding", [0, 1, 0], "#56B4E9"],
      ["scope", [1, 0, 0], "#999999"],
      ["fails", [1, 0, 1], "#D55E00"],
      ["ambiguous", [0, 1, 0], "#BBBBBB"],
    ]);
    expect(() => verdictBarChart([{ article: "a", verdict: "maybe" }], { id: "v", title: "v" })).toThrow(/invalid verdict: "maybe"/);
  });

  it("chart ids must be kebab-case: a clear error otherwise", () => {
    for (const bad of ["BTC Path", "btc_path", "-btc", "btc--path", "", "btc-path-"]) {
      expect(() => validateChartId(bad)).toThrow(/^invalid chart id: ".*" \(expected kebab-case/);
      expect(() => verdictBarChart(VERDICT_ROWS, { id: bad, title: "t" })).toThrow(/invalid chart id/);
    }
    expect(() => groupedBarChart(CAPEX_ROWS, { id: "ok-id", title: " " })).toThrow(/invalid chart title for ok-id/);
  });

  it("a danfojs DataFrame of claims draws the same figure as the Claim rows", async () => {
    const dfd = await import("danfojs-node");
    const cols = ["id", "article", "quote", "subject", "metric", "low", "high", "unit", "raw", "as_of"] as const;
    const df = new dfd.DataFrame(BTC_CLAIMS.map((c) => cols.map((k) => c[k])), { columns: [...cols] });
    const opts = { id: "btc-low-forest", title: "Lows" };
    expect(intervalChart(df, opts)).toEqual(intervalChart(BTC_CLAIMS, opts));
    expect(toClaims(df)[2]!.low).toBeNull(); // danfo's NaN for the open end becomes null
  });

  it("as_of spans: days, ranges, months and years; anything else is an error", () => {
    expect(asOfSpan("2024-02")).toEqual({ start: "2024-02-01", end: "2024-02-29" });
    expect(asOfSpan("2026")).toEqual({ start: "2026-01-01", end: "2026-12-31" });
    expect(asOfMidpoint("2026-02-02/2026-02-06")).toBe("2026-02-04");
    for (const bad of ["Feb 5", "2026-13", "2026-02-30", "2026-02-06/2026-02-01"]) {
      expect(() => asOfSpan(bad)).toThrow(/^invalid as_of: /);
    }
  });

  it("sanitizeJson refuses functions, naming where", () => {
    expect(() => sanitizeJson({ data: [{ f: () => 1 }] })).toThrow(/invalid chart JSON at figure\.data\[0\]\.f: a function/);
  });
});
