/**
 * Every exported page and chart opens from file:// with the network blocked, draws every chart
 * it contains (one plotly SVG root per chart placeholder) and logs no console error.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, skipBrowser } from "../support/browser";
import { listFiles } from "../support/files";
import { sharedReport } from "../support/shared-report";

// the shared report (test/support/global-report.ts): its pages are the cases, so the suite is
// collected once it has ended
describe.skipIf(skipBrowser())("exported HTML, offline in headless Chromium", async () => {
  const report = await sharedReport();
  const pages = report.result.ok ? listFiles(report.dir).filter((f) => /^(charts|notebooks|exports)\/.*\.html$/.test(f) || f === "index.html") : [];
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the report produced pages to check", () => {
    expect(report.result.problems).toEqual([]);
    expect(pages.some((p) => p.startsWith("charts/"))).toBe(true);
    expect(pages.some((p) => p.startsWith("notebooks/"))).toBe(true);
  });

  // a few pages at a time (maxConcurrency in test/vitest.config.ts), each in a context of its own
  it.concurrent.for(pages)("%s draws every chart with no network and no console error", async (page, { expect }) => {
    const file = path.join(report.dir, page);
    const expected = (fs.readFileSync(file, "utf8").match(/class="selloff-chart-data"/g) ?? []).length;
    const context = await browser.newContext({ offline: true });
    const tab = await context.newPage();
    const problems: string[] = [];
    const network: string[] = [];
    tab.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    tab.on("pageerror", (e) => problems.push(e.message));
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("file://")) return route.continue();
      network.push(url);
      return route.abort();
    });
    await tab.goto(pathToFileURL(file).href, { waitUntil: "load" });
    if (expected > 0) {
      // plotly draws several svg.main-svg layers per chart: count charts that have one
      await tab.waitForFunction(
        (n) => Array.from(document.querySelectorAll(".selloff-chart")).filter((d) => d.querySelector("svg.main-svg")).length >= n,
        expected,
        { timeout: 60_000 },
      );
    }
    const drawn = await tab.evaluate(() => document.querySelectorAll(".selloff-chart").length);
    const roots = await tab.evaluate(() => Array.from(document.querySelectorAll(".selloff-chart")).filter((d) => d.querySelector("svg.main-svg")).length);
    expect(drawn).toBe(expected);
    expect(roots).toBe(expected);
    expect(problems).toEqual([]);
    expect(network).toEqual([]);
    await context.close();
  });

  it("a notebook page lets the reader hide the code and show it again; outputs stay", async () => {
    const page = pages.find((p) => p.startsWith("notebooks/03-"))!;
    const context = await browser.newContext({ offline: true });
    const tab = await context.newPage();
    await tab.goto(pathToFileURL(path.join(report.dir, page)).href, { waitUntil: "load" });
    const visibleInputs = () => tab.evaluate(() => Array.from(document.querySelectorAll(".jp-CodeCell .jp-Cell-inputWrapper")).filter((e) => getComputedStyle(e).display !== "none").length);
    const visibleOutputs = () => tab.evaluate(() => Array.from(document.querySelectorAll(".jp-OutputArea")).filter((e) => (e as HTMLElement).offsetParent !== null).length);
    const inputs = await visibleInputs();
    const outputs = await visibleOutputs();
    expect(inputs).toBeGreaterThan(0);
    expect(outputs).toBeGreaterThan(0);
    const button = tab.locator("#selloff-toggle-code");
    expect(await button.textContent()).toBe("Hide the code");
    await button.click();
    expect(await visibleInputs()).toBe(0);
    expect(await visibleOutputs()).toBe(outputs);
    expect(await button.textContent()).toBe("Show the code");
    expect(await button.getAttribute("aria-pressed")).toBe("true");
    await button.click();
    expect(await visibleInputs()).toBe(inputs);
    await context.close();
  });
});
