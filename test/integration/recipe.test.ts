/**
 * The README's "Ask your own question" recipe, run exactly as written through the tslab kernel:
 * a notebook of its blocks, in a folder of the project (so "../dist/notebook" resolves as from
 * notebooks/), executed by the report into a scratch out/. Each cell must show what the README
 * says it shows, and the exported page must exist with the chart and the table.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../../src/data/paths";
import { CHART_MIME } from "../../src/render/display";
import { runReport } from "../../src/report/report";
import { makeNotebook } from "../support/files";
import { readmeRecipe } from "../support/recipe";

const folder = fs.mkdtempSync(path.join(ROOT, ".recipe-test-"));
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "selloff-recipe-")), "out");
afterAll(() => {
  fs.rmSync(folder, { recursive: true, force: true });
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
});

type Output = { output_type: string; data?: Record<string, unknown>; text?: string | string[] };

describe("the README recipe through the kernel", () => {
  it("runs, shows a table per frame, draws the chart and writes the page", async () => {
    const cells = readmeRecipe();
    const nb = path.join(folder, "recipe.ipynb");
    fs.writeFileSync(nb, makeNotebook(cells));
    const result = await runReport({ notebooks: [nb], outDir: out, log: () => {} });
    expect(result.problems).toEqual([]);
    const executed = JSON.parse(fs.readFileSync(path.join(out, "notebooks", "recipe.ipynb"), "utf8")) as { cells: { cell_type: string; outputs?: Output[] }[] };
    const outputs = executed.cells.filter((c) => c.cell_type === "code").map((c) => c.outputs ?? []);
    const kinds = outputs.map((os) => os.map((o) => Object.keys(o.data ?? {}).join(",") || o.output_type));
    // load, filter and join end with a DataFrame: one HTML table each, nothing printed;
    // the chart cell draws one plotly chart; the export cell says what it wrote
    expect(kinds).toEqual([["text/html"], ["text/html"], ["text/html"], [CHART_MIME], ["text/markdown"]]);
    expect(String(outputs[1]![0]!.data!["text/html"])).toMatch(/<th[^>]*>rating<\/th>/);
    expect(String(outputs[4]![0]!.data!["text/markdown"])).toMatch(/^Wrote `bitcoin-prices\.html` \(1 chart, a table of \d+ rows; [\d.]+ MB\)/);
    const page = fs.readFileSync(path.join(out, "exports", "bitcoin-prices.html"), "utf8");
    expect(page).toContain('class="selloff-chart"');
    expect(page).toContain("<table");
    expect(fs.readFileSync(path.join(out, "index.html"), "utf8")).toContain('href="exports/bitcoin-prices.html"');
  });
});
