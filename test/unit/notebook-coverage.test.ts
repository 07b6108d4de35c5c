/**
 * The notebooks cover what issue 6 promises: every section of every article under its own
 * heading in that article's notebook, and every reconciliation group in notebook 06.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { loadAnalysis } from "../../src/domain/analysis";
import { NOTEBOOKS_DIR } from "../../src/data/paths";
import { conflictTitle } from "../../src/views/conflicts";
import { notebookText } from "../support/reader-text";

type Cell = { cell_type: string; source: string | string[]; outputs?: unknown[] };
const analysis = loadAnalysis();
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(NOTEBOOKS_DIR, file), "utf8")) as { cells: Cell[] };
const text = (s: string | string[]) => (Array.isArray(s) ? s.join("") : s);
const notebooks = fs.readdirSync(NOTEBOOKS_DIR).filter((f) => f.endsWith(".ipynb"));

describe("notebook coverage", () => {
  it.each(analysis.ledger.articles.map((a) => [a.id]))("%s has a notebook with a heading for each of its sections, in order", (id) => {
    const file = notebooks.find((f) => f.includes(id));
    expect(file, `no notebook for article ${id}`).toBeDefined();
    // markdown headings with markdown escapes removed ("\\$2 Trillion" -> "$2 Trillion")
    const headings = read(file!)
      .cells.filter((c) => c.cell_type === "markdown")
      .flatMap((c) => text(c.source).split("\n"))
      .filter((l) => /^#{1,6}\s/.test(l))
      .map((l) => l.replace(/^#{1,6}\s+/, "").replace(/\\(.)/g, "$1"));
    let last = -1;
    for (const s of analysis.ledger.sections.filter((x) => x.article === id)) {
      const at = headings.findIndex((h, k) => k > last && h.includes(s.heading.trim()));
      expect(at, `${file}: no heading "${s.heading}" after the previous section's`).toBeGreaterThan(last);
      last = at;
    }
  });

  it("06-reconciliation shows every reconciliation group, by what it measures in words", () => {
    const file = notebooks.find((f) => f.startsWith("06-"))!;
    // what a reader sees: each reconciliation is a table row named by its quantity (unique per reconciliation)
    const shown = notebookText(read(file) as never, file).map((v) => v.text).join("\n");
    const titles = analysis.conflicts.map((c) => conflictTitle(c, analysis.ledger));
    expect(new Set(titles).size).toBe(analysis.conflicts.length);
    expect(titles.filter((t) => !shown.includes(t))).toEqual([]);
  });
});
