/**
 * The notebook of a newly added article, scaffolded by `npm run add-article` so that it runs at
 * once: a title and purpose, then for each section its heading and one short code cell showing
 * the quotes of its figures, the figures read in plain words, and what is already known of the
 * same quantities (src/extract/review.ts). Written by one function, `scaffoldNotebook`, so that
 * the notebook's shape is changed in one place; cells stay under 15 lines of 120 characters.
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

/**
 * The notebook (nbformat 4.5 JSON text) of an added article, numbered `nn` (cell ids
 * `nb<nn>-01`, …), on the project's kernel.
 * @example JSON.parse(scaffoldNotebook({ id: "demo", title: "Demo" }, [{ section: "lead", heading: "Demo", level: 1 }], "08")).cells.length // => 4
 */
export function scaffoldNotebook(article: NotebookArticle, sections: readonly Pick<SectionRow, "section" | "heading" | "level">[], nn: string): string {
  const cells: { cell_type: "markdown" | "code"; source: string }[] = [];
  cells.push({
    cell_type: "markdown",
    source:
      `# ${markdownText(article.title)}\n\n` +
      "**Purpose.** A first pass over this article, added with `npm run add-article`: " +
      "section by section, the figures it prints as the extractor reads them, and what the ledger already knows of the same " +
      "quantities — the other articles' figures (reconciliation) and independent reporting (cross-check), each with its rating. " +
      "The first output says where the figures are reviewed and how they are accepted into the ledger.",
  });
  cells.push({
    cell_type: "code",
    source: [
      "import {",
      "  articleReview, reviewIntroMarkdown, sectionQuotes, candidateRows, knownRows,",
      "  showMarkdown, showTable, CANDIDATE_COLUMNS, KNOWN_COLUMNS,",
      '} from "../dist/index";',
      "",
      `const review = articleReview(${JSON.stringify(article.id)});`,
      "showMarkdown(reviewIntroMarkdown(review));",
    ].join("\n"),
  });
  for (const s of sections) {
    cells.push({ cell_type: "markdown", source: `${s.level === 2 ? "###" : "##"} ${markdownText(s.heading)}` });
    cells.push({
      cell_type: "code",
      source: [
        "{",
        `  const section = ${JSON.stringify(s.section)};`,
        "  showMarkdown(sectionQuotes(review, section));",
        "  showTable(candidateRows(review, section), {",
        '    columns: CANDIDATE_COLUMNS, caption: "Figures in this section", emptyText: "No figures in this section",',
        "  });",
        "  showTable(knownRows(review, section), {",
        '    columns: KNOWN_COLUMNS, caption: "Already known of the same quantities", emptyText: "Nothing known yet",',
        "  });",
        "}",
      ].join("\n"),
    });
  }
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
