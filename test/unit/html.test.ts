/**
 * Contract tests of src/render/html.ts: escaping (the hostile row never reaches a table as markup),
 * verdict badges and their fixed colours, locale-free number formatting, DataFrame input, and a
 * snapshot of a styled table.
 */
import { describe, expect, it } from "vitest";
import { danfo } from "../../src/data/danfo";
import {
  OKABE_ITO,
  VERDICTS,
  VERDICT_COLORS,
  badge,
  cellText,
  escapeHtml,
  formatNumber,
  normalizeVerdict,
  tableHtml,
  textColorOn,
  toRecords,
  verdictColor,
  verdictLabel,
} from "../../src/render/html";

const HOSTILE = `BTC <script>alert(1)</script> fell & "crashed" to 'lows'</div>`;
const HOSTILE_ESCAPED = "BTC &lt;script&gt;alert(1)&lt;/script&gt; fell &amp; &#34;crashed&#34; to &#39;lows&#39;&lt;/div&gt;";

const ROWS = [
  { id: "crushes-043", quote: "Peak $126K", low: 126000, high: 126000, verdict: "consistent" },
  { id: "crushes-018", quote: "Crashed to ~$60,000–$61,000 lows", low: 60000, high: 61000, verdict: "consistent_within_rounding" },
  { id: "crushes-019", quote: "(briefly sub-$60K on Feb 6)", low: null, high: 60000, verdict: "timing_mismatch" },
  { id: "evil-001", quote: HOSTILE, low: -0.731, high: 1234567.5, verdict: "inconsistent" },
];

const COLUMNS = [
  { key: "id", label: "Claim" },
  { key: "quote", label: "Quote <as printed>" },
  { key: "low", label: "Low", decimals: 1 },
  { key: "high", label: "High", decimals: 1 },
  { key: "verdict", label: "Verdict", html: true, render: (v: unknown) => badge(String(v)) },
];

describe("escapeHtml", () => {
  it("escapes &, <, >, both quote kinds; quotes as numeric references plotly also decodes", () => {
    expect(escapeHtml(HOSTILE)).toBe(HOSTILE_ESCAPED);
    expect(escapeHtml("&amp;")).toBe("&amp;amp;"); // escaping is not idempotent, by design
    expect(escapeHtml("plain – text ~$60K")).toBe("plain – text ~$60K");
  });
});

describe("tableHtml", () => {
  it("matches the committed snapshot (deterministic, inline styles only)", async () => {
    const html = tableHtml(ROWS, { columns: COLUMNS, caption: "Bitcoin claims & verdicts" });
    expect(tableHtml(ROWS, { columns: COLUMNS, caption: "Bitcoin claims & verdicts" })).toBe(html);
    expect(html).not.toContain("<style");
    // the only class is the one that keeps JupyterLab's MathJax away from "$" in figures
    expect(html.replace(/class="tex2jax_ignore mathjax_ignore"/g, "")).not.toContain("class=");
    await expect(html).toMatchFileSnapshot("__snapshots__/table.html");
  });

  it("a hostile quote comes out escaped in every cell, never as raw markup", () => {
    const html = tableHtml(ROWS, { columns: COLUMNS });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("</div>");
    expect(html).toContain(`>${HOSTILE_ESCAPED}</td>`);
    // also with default columns, in headers, captions and through a (non-html) renderer
    const nasty = tableHtml([{ [HOSTILE]: HOSTILE, r: 1 }], {
      caption: HOSTILE,
      columns: [HOSTILE, { key: "r", render: () => HOSTILE }],
    });
    expect(nasty).not.toContain("<script>");
    expect(nasty.split(HOSTILE_ESCAPED).length - 1).toBe(4); // caption, header, cell, rendered cell
  });

  it("only columns declared html are inserted as is (badges)", () => {
    const html = tableHtml(ROWS.slice(0, 1), { columns: COLUMNS });
    expect(html).toContain(`${badge("consistent")}</td>`);
    const undeclared = tableHtml(ROWS.slice(0, 1), { columns: [{ key: "verdict", render: (v) => badge(String(v)) }] });
    expect(undeclared).toContain("&lt;span title=&#34;consistent&#34;");
  });

  it("formats numbers per column (thousands separators, fixed decimals, empty for null) and right-aligns them", () => {
    const html = tableHtml(ROWS, { columns: COLUMNS });
    expect(html).toContain(">126,000.0</td>");
    expect(html).toContain(">1,234,567.5</td>");
    expect(html).toContain(">-0.7</td>");
    // the null low of crushes-019 is an empty, right-aligned cell
    expect(html).toMatch(/text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap"><\/td>/);
    expect(html).toMatch(/<th style="[^"]*text-align:right">Low<\/th>/);
    expect(html).toMatch(/<th style="[^"]*text-align:left">Claim<\/th>/);
  });

  it("takes a danfojs DataFrame and draws the same table as the records", () => {
    // through the project's loader (src/data/danfo.ts), which defers what danfo loads but never uses here
    const dfd = danfo();
    const plain = ROWS.map(({ id, low, high }) => ({ id, low, high }));
    const df = new dfd.DataFrame(plain);
    expect(toRecords(df)).toEqual(plain);
    expect(tableHtml(df)).toBe(tableHtml(plain));
    expect(tableHtml(df)).toContain(">126,000</td>");
  });

  it("says when there are no rows, and how many rows maxRows left out", () => {
    expect(tableHtml([], { columns: ["a"] })).toContain(">No rows</td>");
    expect(tableHtml(ROWS, { maxRows: 1 })).toContain(">… 3 more rows</td>");
  });
});

describe("formatNumber", () => {
  it("groups thousands and fixes decimals without the locale", () => {
    expect(formatNumber(1234567.891, 2)).toBe("1,234,567.89");
    expect(formatNumber(-60000)).toBe("-60,000");
    expect(formatNumber(0.73)).toBe("0.73");
    expect(formatNumber(999.995, 2)).toBe("1,000.00"); // toFixed rounding (binary 999.995 is just above)
    expect(formatNumber(-0.001, 1)).toBe("0.0"); // no "-0.0"
    expect(formatNumber(1e21)).toBe("1e+21");
  });
  it("is empty for null, undefined and NaN; refuses bad decimals", () => {
    expect([formatNumber(null), formatNumber(undefined), formatNumber(NaN)]).toEqual(["", "", ""]);
    expect(() => formatNumber(1, -1)).toThrow(/invalid decimals: -1/);
  });
  it("cellText: Dates as ISO, objects as JSON", () => {
    expect(cellText(new Date(Date.UTC(2026, 1, 5)))).toBe("2026-02-05T00:00:00.000Z");
    expect(cellText({ a: 1 })).toBe('{"a":1}');
  });
});

describe("badge and verdict colours", () => {
  it("gives every verdict a fixed Okabe–Ito or grey colour, with readable text", () => {
    expect(VERDICT_COLORS.consistent).toBe(OKABE_ITO.bluishGreen);
    expect(VERDICT_COLORS.inconsistent).toBe(OKABE_ITO.vermillion);
    expect(VERDICT_COLORS.contradiction).toBe(OKABE_ITO.vermillion);
    expect(VERDICT_COLORS.scope_mismatch).toBe("#999999");
    expect(VERDICT_COLORS.ambiguous).toBe("#BBBBBB");
    for (const v of VERDICTS) {
      const b = badge(v);
      expect(b).toContain(`background:${VERDICT_COLORS[v]};color:${textColorOn(VERDICT_COLORS[v])}`);
      expect(b).toMatch(/^<span title="[a-z_]+" style="[^"]+">[a-z ()]+<\/span>$/);
    }
  });

  it("accepts the short labels as spellings of the verdicts", () => {
    expect(["holds", "within rounding", "fails", "scope", "timing", "Scope-Mismatch"].map(normalizeVerdict)).toEqual([
      "consistent",
      "consistent_within_rounding",
      "inconsistent",
      "scope_mismatch",
      "timing_mismatch",
      "scope_mismatch",
    ]);
    expect(badge("fails")).toBe(badge("inconsistent"));
    expect(verdictColor("holds")).toBe("#009E73");
    expect(verdictLabel("consistent_within_rounding")).toBe("within rounding");
  });

  it("refuses an unknown verdict, naming it", () => {
    expect(() => badge("<b>maybe</b>")).toThrow(/^invalid verdict: "<b>maybe<\/b>" \(expected one of consistent, /);
  });

  it("picks black or white text by WCAG contrast", () => {
    // #D55E00: luminance ~0.20 -> contrast 5.0 with black vs 4.2 with white
    expect(textColorOn("#D55E00")).toBe("#000000");
    expect(textColorOn("#0072B2")).toBe("#FFFFFF");
    expect(() => textColorOn("red")).toThrow(/invalid colour: "red"/);
  });
});
