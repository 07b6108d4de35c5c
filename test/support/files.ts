/** Small file helpers for the tests. */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/** Every file below `dir`, as paths relative to it with forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(dir, p).split(path.sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

/** sha256 of every file below `dir`, by relative path. */
export function hashTree(dir: string): Record<string, string> {
  const h: Record<string, string> = {};
  for (const f of listFiles(dir)) h[f] = createHash("sha256").update(fs.readFileSync(path.join(dir, f))).digest("hex");
  return h;
}

/** A minimal nbformat-4 notebook on the project's kernel with the given code cells. */
export function makeNotebook(codeCells: string[], markdown = "# A test notebook"): string {
  const cells = [
    { cell_type: "markdown", id: "md-0", metadata: {}, source: [markdown] },
    ...codeCells.map((src, i) => ({ cell_type: "code", id: `code-${i + 1}`, metadata: {}, execution_count: null, outputs: [], source: [src] })),
  ];
  const nb = {
    cells,
    metadata: { kernelspec: { name: "selloff-lab", display_name: "TypeScript (selloff-lab)", language: "typescript" } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return JSON.stringify(nb, null, 1) + "\n";
}
