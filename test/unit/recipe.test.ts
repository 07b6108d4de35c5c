/**
 * notebooks/08-ask-your-own-question.ipynb is the README recipe: its code cells are the
 * recipe's blocks, in order (test/integration/recipe.test.ts runs them through the kernel).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { NOTEBOOKS_DIR } from "../../src/data/paths";
import { readmeRecipe } from "../support/recipe";

describe("the README recipe and notebook 08", () => {
  it("the recipe has the five steps: load, filter, join the verdicts, chart, export", () => {
    const cells = readmeRecipe();
    expect(cells).toHaveLength(5);
    expect(cells[0]).toMatch(/figures\(\)/);
    expect(cells[1]).toMatch(/\.query\(/);
    expect(cells[2]).toMatch(/merge\(\{ left: .*right: verdicts\(\)/);
    expect(cells[3]).toMatch(/byDateChart\(/);
    expect(cells[4]).toMatch(/^exportHtml\("[\w-]+\.html"/);
  });

  it("notebook 08's code cells are exactly the recipe's blocks", () => {
    const nb = JSON.parse(fs.readFileSync(path.join(NOTEBOOKS_DIR, "08-ask-your-own-question.ipynb"), "utf8")) as { cells: { cell_type: string; source: string[] }[] };
    const code = nb.cells.filter((c) => c.cell_type === "code").map((c) => c.source.join(""));
    expect(code).toEqual(readmeRecipe());
  });
});
