/**
 * Numbers in prose are computed, not typed: for every committed notebook in notebooks/, every
 * digit-bearing token of a markdown cell, outside headings (`#`) and blockquotes (`>`, which hold
 * verbatim quotes), must appear in the text of some code cell output of the same notebook
 * (text/plain, text/markdown, text/html or a stream). A failure names the notebook, the cell
 * (position and id) and the token.
 *
 * What counts as prose: the visible text. Link destinations (`[text](url)`, reference
 * definitions) and HTML tags with their attributes are markup, not prose; backslash escapes and
 * HTML entities are read as the characters they stand for, in the cells and in the outputs alike.
 * A token is a whitespace-separated word with surrounding punctuation and emphasis marks removed
 * (`**52%**,` -> `52%`); it must occur verbatim in the outputs' text (HTML outputs without tags).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { NOTEBOOKS_DIR, ROOT } from "../../src/data/paths";

interface Output {
  output_type: string;
  text?: string | string[];
  data?: Record<string, unknown>;
}
interface Cell {
  cell_type: string;
  id?: string;
  source: string | string[];
  outputs?: Output[];
}

const text = (s: unknown): string => (Array.isArray(s) ? s.join("") : typeof s === "string" ? s : "");

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** HTML entities decoded (named ones we emit, and every numeric one). */
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Markdown backslash escapes read as their character (`\$` -> `$`). */
function unescapeMarkdown(s: string): string {
  return s.replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

/** The lines of a markdown cell that are prose: not headings, not blockquotes (with their lazy continuation lines). */
function proseLines(md: string): string[] {
  const out: string[] = [];
  let inQuote = false;
  for (const line of md.split(/\r?\n/)) {
    if (line.trim() === "") {
      inQuote = false;
      continue;
    }
    if (/^\s{0,3}>/.test(line)) {
      inQuote = true;
      continue;
    }
    if (inQuote) continue; // a lazy continuation line belongs to the blockquote
    if (/^\s{0,3}#{1,6}(\s|$)/.test(line)) continue;
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) continue; // a link reference definition
    out.push(line);
  }
  return out;
}

const EDGE = /^[\s*_~`'"“”‘’()[\]{}<>,.;:!?…|]+|[\s*_~`'"“”‘’()[\]{}<>,.;:!?…|]+$/g;

/** The digit-bearing tokens of a markdown cell's prose, in order (duplicates kept once). */
function proseNumberTokens(md: string): string[] {
  const visible = proseLines(md)
    .join("\n")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1") // [text](url) -> text
    .replace(/<[^>]*>/g, " "); // tags and their attributes are markup
  const words = decodeEntities(unescapeMarkdown(visible)).split(/\s+/);
  const tokens = words.map((w) => w.replace(EDGE, "")).filter((w) => /\d/.test(w));
  return [...new Set(tokens)];
}

/** The text of every output of every code cell, HTML without its tags, escapes and entities read. */
function outputText(cells: readonly Cell[]): string {
  const parts: string[] = [];
  for (const c of cells) {
    if (c.cell_type !== "code") continue;
    for (const o of c.outputs ?? []) {
      if (o.output_type === "stream") parts.push(text(o.text));
      const d = o.data ?? {};
      parts.push(text(d["text/plain"]));
      parts.push(unescapeMarkdown(text(d["text/markdown"])));
      parts.push(text(d["text/html"]).replace(/<[^>]*>/g, ""));
    }
  }
  return decodeEntities(parts.join("\n"));
}

/** Every uncomputed number of a notebook: "<cell position> (<id>): <token>". */
function uncomputedNumbers(cells: readonly Cell[]): string[] {
  const outputs = outputText(cells);
  const problems: string[] = [];
  cells.forEach((c, k) => {
    if (c.cell_type !== "markdown") return;
    for (const t of proseNumberTokens(text(c.source))) {
      if (!outputs.includes(t)) problems.push(`cell ${k + 1} (${c.id ?? "no id"}): ${JSON.stringify(t)}`);
    }
  });
  return problems;
}

/** The notebooks committed to git (every notebook when git or the repository is not there). */
function committedNotebooks(): string[] {
  const all = fs.readdirSync(NOTEBOOKS_DIR).filter((f) => f.endsWith(".ipynb")).sort();
  try {
    const tracked = execFileSync("git", ["ls-files", "--", "notebooks/*.ipynb"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })
      .split("\n")
      .filter(Boolean)
      .map((f) => path.basename(f));
    return all.filter((f) => tracked.includes(f));
  } catch {
    return all;
  }
}

describe("the prose test's reading of markdown", () => {
  it("skips headings and blockquotes, including a blockquote's lazy continuation", () => {
    const md = ["# Fell 52%", "Prose with 7 figures.", "", "> quoted $126,223", "lazy 59800 line", "", "after 12%"].join("\n");
    expect(proseNumberTokens(md)).toEqual(["7", "12%"]);
  });

  it("strips emphasis and punctuation around a token but keeps signs, currency and units", () => {
    expect(proseNumberTokens("It fell **-52%**, to ~$60,000 (about 1.8–3.2B).")).toEqual(["-52%", "$60,000", "1.8–3.2B"]);
  });

  it("reads escapes and entities, and ignores link destinations and tag attributes", () => {
    expect(proseNumberTokens("\\$7 billion &amp; [see 06](06-reconciliation.ipynb#x) <a id=\"n5\">here</a>")).toEqual(["$7", "06"]);
  });

  it("finds tokens in any output kind, HTML without tags, markdown without escapes", () => {
    const cells: Cell[] = [
      { cell_type: "markdown", id: "m", source: "Up $7 and 52% and 3.5 and 12 and 9" },
      {
        cell_type: "code", source: "",
        outputs: [
          { output_type: "stream", text: ["up 12\n"] },
          { output_type: "display_data", data: { "text/markdown": "\\$7 billion" } },
          { output_type: "display_data", data: { "text/html": "<td><b>52</b>%</td>" } },
          { output_type: "execute_result", data: { "text/plain": "3.5" } },
        ],
      },
    ];
    expect(uncomputedNumbers(cells)).toEqual(['cell 1 (m): "9"']);
  });
});

describe("numbers in notebook prose appear in the notebook's outputs", () => {
  const notebooks = committedNotebooks();
  it("there are notebooks to check", () => {
    expect(notebooks.length).toBeGreaterThan(0);
  });
  it.each(notebooks)("%s", (name) => {
    const nb = JSON.parse(fs.readFileSync(path.join(NOTEBOOKS_DIR, name), "utf8")) as { cells: Cell[] };
    expect(uncomputedNumbers(nb.cells).map((p) => `${name} ${p}`)).toEqual([]);
  });
});
