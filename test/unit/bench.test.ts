import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { chartBytesInPage, diskUsage, formatBytes, formatRange, formatSeconds, meetsTarget, renderTable, summarize } from "../../src/report/bench";
import { chartPlaceholderHtml } from "../../src/report/export";

describe("summarize()", () => {
  it("gives the median and the range of repeated timings", () => {
    // sorted 1.9, 2.0, 7.5: the middle one is 2.0; the slow outlier moves only the max
    expect(summarize([2.0, 7.5, 1.9])).toEqual({ median: 2.0, min: 1.9, max: 7.5, n: 3 });
    // one measurement: median = min = max
    expect(summarize([4])).toEqual({ median: 4, min: 4, max: 4, n: 1 });
  });
  it("throws for no measurements, naming the function", () => {
    expect(() => summarize([])).toThrow(/^summarize requires at least one value$/);
  });
});

describe("formatting", () => {
  it("formatSeconds() keeps about three significant digits", () => {
    expect(formatSeconds(0.0415)).toBe("0.04 s");
    expect(formatSeconds(9.996)).toBe("10.00 s");
    expect(formatSeconds(19.95)).toBe("19.9 s"); // toFixed(1) of 19.95 (binary 19.9499…)
  });
  it("formatBytes() uses decimal units and never prints an exponent", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(999)).toBe("999 B");
    expect(formatBytes(1000)).toBe("1 KB");
    expect(formatBytes(100_000)).toBe("100 KB");
    expect(formatBytes(5_000_000)).toBe("5 MB");
    expect(formatBytes(999_999)).toBe("1000 KB"); // 999.999 KB rounds to three digits
  });
  it("formatRange() writes the unit once when both ends share it", () => {
    expect(formatRange(summarize([1.5, 2, 3.25]), "s")).toBe("1.50–3.25 s");
    expect(formatRange(summarize([1.04, 1.3]), "ratio")).toBe("1.04–1.30x");
    expect(formatRange(summarize([900, 1500]), "bytes")).toBe("900 B–1.5 KB");
    expect(formatRange(summarize([3]), "s")).toBe("—");
  });
});

describe("meetsTarget()", () => {
  it("is met at or under the bound, missed above it", () => {
    expect(meetsTarget(5, { limit: 5, text: "< 5 s" })).toBe(true);
    expect(meetsTarget(5.01, { limit: 5, text: "< 5 s" })).toBe(false);
  });
});

describe("renderTable()", () => {
  it("pads every column to its widest cell and right-aligns the named ones", () => {
    const t = renderTable(["measure", "median"], [["floor", "1.20 s"], ["full report", "12.3 s"]], ["median"]);
    expect(t.split("\n")).toEqual(["measure      median", "-----------  ------", "floor        1.20 s", "full report  12.3 s"]);
  });
  it("counts an en dash and a check mark as one column each", () => {
    const t = renderTable(["a", "b"], [["1–2", "✓"], ["123", "x"]]);
    expect(t.split("\n")[2]).toBe("1–2  ✓");
  });
});

describe("chartBytesInPage()", () => {
  it("measures each chart placeholder exactly as src/report/export.ts writes it", () => {
    const a = chartPlaceholderHtml({ data: [{ x: [1, 2], y: [3, 4] }], layout: { meta: { chart: { id: "a" } } } });
    const b = chartPlaceholderHtml({ data: [], layout: { meta: { chart: { id: "b", title: "Bé" } } } });
    const page = `<html><body><p>text</p>\n${a}<p>between</p>\n${b}</body></html>`;
    // trimEnd: the placeholder's trailing newline is not part of the match
    expect(chartBytesInPage(page)).toEqual([Buffer.byteLength(a.trimEnd()), Buffer.byteLength(b.trimEnd())]);
  });
  it("finds placeholders whose attributes nbconvert reordered", () => {
    const sorted = '<div class="selloff-chart" data-chart-id="a" id="chart-a"></div>\n<script class="selloff-chart-data" data-for="chart-a" type="application/json">{"data":[]}</script>';
    expect(chartBytesInPage(`<p>x</p>${sorted}<p>y</p>`)).toEqual([Buffer.byteLength(sorted)]);
  });
  it("gives an empty list for a page without charts", () => {
    expect(chartBytesInPage("<html><body><p>no charts</p></body></html>")).toEqual([]);
  });
});

describe("diskUsage()", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selloff-du-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("counts a hard-linked file once and does not follow symbolic links", () => {
    fs.mkdirSync(path.join(dir, "sub"));
    fs.writeFileSync(path.join(dir, "sub", "f"), Buffer.alloc(64 * 1024, 1));
    const one = diskUsage(dir);
    fs.linkSync(path.join(dir, "sub", "f"), path.join(dir, "hard"));
    fs.symlinkSync("/usr", path.join(dir, "link"));
    const after = diskUsage(dir);
    // dir, sub, f: 3 entries; the hard link adds none, the symlink adds itself only
    expect(one.entries).toBe(3);
    expect(after.entries).toBe(4);
    expect(one.bytes).toBeGreaterThanOrEqual(64 * 1024);
    expect(after.bytes - one.bytes).toBeLessThan(8 * 1024);
  });
  it("is zero for a folder that does not exist", () => {
    expect(diskUsage(path.join(dir, "missing"))).toEqual({ bytes: 0, entries: 0 });
  });
});
