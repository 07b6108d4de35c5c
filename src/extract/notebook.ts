/**
 * The notebook of a newly added article, scaffolded by `npm run add-article` so that it runs at
 * once, in the style of the other notebooks: a title and purpose, the article's context, then for
 * each section its heading and one-line cells showing the quotes of its figures, the figures read
 * in plain words with their ratings, what is already known of the same quantities (each pair
 * rated), and the verdicts in words (src/extract/review-view.ts, src/extract/review.ts). Written
 * by one function, `scaffoldNotebook`, so that the notebook's shape is changed in one place;
 * cells stay under 15 lines of 120 characters, and no markdown prose prints a number.
 */
import { KERNEL_DISPLAY_NAME, KERNEL_NAME } from "../data/paths";
import type { SectionRow } from "./sections";

/** What the scaffold needs to know of the article (the outlet and date are shown by the first output, computed). */
export interface NotebookArticle {
  id: string;
  title: string;
}

/**
 * Text for a Markdown heading or paragraph of the notebook source: Markdown specials
 * backslash-escaped, `<` and `>` as entities (an article's text never becomes markup), `&` kept
 * so that "Macro & Fed" stays readable in the source.
 * @example markdownText("Crypto & <b>Risk</b> #1 ~$60K") // => "Crypto & &lt;b&gt;Risk&lt;/b&gt; \\#1 \\~\\$60K"
 */
export function markdownText(s: string): string {
  return s
    .replace(/[\\`*_{}[\]#|~$!]/g, (c) => `\\${c}`)
    .replace(/&(?=#?\w+;)/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\s*\n\s*/g, " ");
}

/** nbformat stores a cell's source as lines, each but the last ending in "\n". */
function lines(src: string): string[] {
  const parts = src.split("\n");
  return parts.map((l, k) => (k < parts.length - 1 ? `${l}\n` : l));
}

/** The cells of one section: its heading, then the quotes, the figures, what is known and the verdicts, each a one-line cell. */
function sectionCells(s: Pick<SectionRow, "section" | "heading" | "level">): Cell[] {
  const id = JSON.stringify(s.section);
  return [
    { cell_type: "markdown", source: `${s.level === 2 ? "###" : "##"} ${markdownText(s.heading)}\n\nThe passages of this section that print figures:` },
    { cell_type: "code", source: `ctx.quote(${id})` },
    { cell_type: "markdown", source: "Figures in this section, as printed and as read, each rated against independent reporting:" },
    { cell_type: "code", source: `ctx.table(${id})` },
    { cell_type: "markdown", source: "Already known of the same quantities: the other articles' figures and independent reporting, each pair rated:" },
    { cell_type: "code", source: `ctx.known(${id})` },
    { cell_type: "code", source: `ctx.summary(${id})` },
  ];
}

/** A cell before numbering. */
interface Cell {
  cell_type: "markdown" | "code";
  source: string;
}

/**
 * The notebook (nbformat 4.5 JSON text) of an added article, numbered `nn` (cell ids
 * `nb<nn>-01`, …), on the project's kernel: a title and purpose, the article's context
 * (`article(id)` from "../dist/notebook") with its opening, then per section its heading and
 * one-line cells: `ctx.quote`, `ctx.table`, `ctx.known`, `ctx.summary` (src/extract/review-view.ts:
 * the candidates while the article is under review, the ledger's rows after `npm run accept`).
 * @example JSON.parse(scaffoldNotebook({ id: "demo", title: "Demo" }, [{ section: "lead", heading: "Demo", level: 1 }], "08")).cells.length // => 9
 */
export function scaffoldNotebook(article: NotebookArticle, sections: readonly Pick<SectionRow, "section" | "heading" | "level">[], nn: string): string {
  const cells: Cell[] = [];
  cells.push({
    cell_type: "markdown",
    source:
      `# ${markdownText(article.title)}\n\n` +
      "**Purpose.** A first pass over this article, added with `npm run add-article`, section by section: the passages " +
      "that print figures, the figures as the extractor reads them with a rating against independent reporting, and what " +
      "is already known of the same quantities, the other articles' figures and independent reporting, each pair rated. " +
      "The same cells show the ledger's figures once they are accepted. First, where the figures are reviewed and how:",
  });
  cells.push({ cell_type: "code", source: ['import { article } from "../dist/notebook";', `const ctx = article(${JSON.stringify(article.id)});`, "ctx.intro()"].join("\n") });
  for (const s of sections) cells.push(...sectionCells(s));
  const nb = {
    cells: cells.map((c, k) => {
      const id = `nb${nn}-${String(k + 1).padStart(2, "0")}`;
      return c.cell_type === "code"
        ? { cell_type: "code", execution_count: null, id, metadata: {}, outputs: [], source: lines(c.source) }
        : { cell_type: "markdown", id, metadata: {}, source: lines(c.source) };
    }),
    metadata: {
      kernelspec: { display_name: KERNEL_DISPLAY_NAME, language: "typescript", name: KERNEL_NAME },
      language_info: { codemirror_mode: { mode: "typescript", name: "javascript", typescript: true }, file_extension: ".ts", mimetype: "text/typescript", name: "typescript", version: "3.7.2" },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return JSON.stringify(nb, null, 1) + "\n";
}
