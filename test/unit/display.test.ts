/**
 * Contract tests of src/render/display.ts: what each helper would send to the notebook, through an
 * injected sink that records calls (no kernel needed).
 */
import { describe, expect, it } from "vitest";
import { verdictBarChart } from "../../src/charts";
import { CHART_MIME, showChart, showMarkdown, showTable, tslabDisplay, type DisplaySink } from "../../src/render/display";
import { tableHtml } from "../../src/render/html";

/** A sink that records every call as [method, ...args]. */
function recorder(): DisplaySink & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    raw: (mime, content) => void calls.push(["raw", mime, content]),
    html: (s) => void calls.push(["html", s]),
    markdown: (s) => void calls.push(["markdown", s]),
  };
}

const FIG = verdictBarChart([{ article: "gate-selloff-crushes", verdict: "holds" }], { id: "verdicts", title: "Verdicts" });

describe("showChart", () => {
  it("sends the figure object itself (not a string) as application/vnd.plotly.v1+json", () => {
    const sink = recorder();
    showChart(FIG, sink);
    expect(sink.calls).toHaveLength(1);
    const [method, mime, content] = sink.calls[0]!;
    expect(method).toBe("raw");
    expect(mime).toBe("application/vnd.plotly.v1+json");
    expect(CHART_MIME).toBe(mime);
    expect(typeof content).toBe("object");
    expect(content).toBe(FIG);
  });

  it("refuses something that is not a figure", () => {
    expect(() => showChart({ layout: {} } as never, recorder())).toThrow(/showChart: invalid figure/);
  });
});

describe("showTable and showMarkdown", () => {
  it("showTable sends tableHtml's string as text/html", () => {
    const sink = recorder();
    const rows = [{ quote: "<script>alert(1)</script>", n: 1500 }];
    showTable(rows, { columns: [{ key: "quote" }, { key: "n", decimals: 0 }] }, sink);
    expect(sink.calls).toEqual([["html", tableHtml(rows, { columns: [{ key: "quote" }, { key: "n", decimals: 0 }] })]]);
    expect(sink.calls[0]![1]).not.toContain("<script>");
  });

  it("showMarkdown sends the text as text/markdown, unchanged", () => {
    const sink = recorder();
    showMarkdown("**Bitcoin** fell ~52% from its peak", sink);
    expect(sink.calls).toEqual([["markdown", "**Bitcoin** fell ~52% from its peak"]]);
  });
});

describe("the default sink", () => {
  it("is tslab's display, loaded lazily and cached", () => {
    const d = tslabDisplay();
    expect(typeof d.raw).toBe("function");
    expect(typeof d.html).toBe("function");
    expect(tslabDisplay()).toBe(d);
  });
});
