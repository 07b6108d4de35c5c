/**
 * Which plotly.js an exported page embeds or loads (issue 15): the basic bundle when it draws
 * every trace, the full one otherwise, and the basic bundle's trace types as the package has them.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { BASIC_TRACE_TYPES, basicBundleDraws, chartPageHtml, plotlyFor, type Figure } from "../../src/report/export";
import { ROOT } from "../../src/data/paths";

const bundles = { basic: () => "BASIC-BUNDLE", full: () => "FULL-BUNDLE" };
const fig = (...types: (string | undefined)[]): Figure => ({ data: types.map((type) => (type === undefined ? { x: [1] } : { type, x: [1] })), layout: { meta: { chart: { id: "t" } } } });

describe("plotly bundle per page", () => {
  it("BASIC_TRACE_TYPES are exactly the trace modules registered in plotly.js-basic-dist-min", () => {
    const js = fs.readFileSync(path.join(ROOT, "node_modules", "plotly.js-basic-dist-min", "plotly-basic.min.js"), "utf8");
    const registered = [...new Set([...js.matchAll(/moduleType:"trace",name:"(\w+)"/g)].map((m) => m[1]))].sort();
    expect(registered).toEqual([...BASIC_TRACE_TYPES].sort());
  });

  it("the basic bundle has the full bundle's version, so a page draws the same either way", () => {
    const basic = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", "plotly.js-basic-dist-min", "package.json"), "utf8")).version;
    const full = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", "plotly.js-dist", "package.json"), "utf8")).version;
    expect(basic).toBe(full);
  });

  it("bar, pie and scatter (a trace without a type is a scatter) take the basic bundle; one other type anywhere takes the full one", () => {
    expect(plotlyFor([fig("bar", undefined), fig("pie", "scatter")], bundles)).toBe("BASIC-BUNDLE");
    expect(plotlyFor([fig("bar"), fig("scatter", "heatmap")], bundles)).toBe("FULL-BUNDLE");
    expect(basicBundleDraws([fig("box")])).toBe(false);
  });

  it("a standalone chart file embeds the bundle it is given once, before the boot script", () => {
    const html = chartPageHtml(fig("bar"), plotlyFor([fig("bar")], bundles));
    expect(html.split("BASIC-BUNDLE")).toHaveLength(2);
    expect(html).not.toContain("FULL-BUNDLE");
    // the boot script (CHART_BOOT_JS) needs the global Plotly, so the bundle comes first
    expect(html.indexOf("BASIC-BUNDLE")).toBeLessThan(html.indexOf("function drawFrom"));
  });
});
