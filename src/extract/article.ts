/**
 * `npm run add-article`: stores a new article byte for byte under data/articles/, adds its
 * manifest row (data/articles.csv) and section rows (data/sections.csv), writes the extractor's
 * candidates to its review files (data/candidates/<id>.csv and <id>-excluded.csv), and scaffolds
 * its notebook (notebooks/NN-<id>.ipynb, NN the next free number). Everything is first written
 * to a copy of data/ and validated there with the real loader; only when the copy is valid are
 * the files written, each through a temporary file and a rename. Nothing is overwritten: an id
 * already in use is refused.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { csvField, decodeUtf8, parseCsv } from "../data/csv";
import { writeFileAtomic } from "../data/fsutil";
import { ARTICLE_COLUMNS, SECTION_COLUMNS } from "../data/ledger";
import type { Term } from "../data/types";
import { validateAll } from "../data/validate";
import { candidatesCsv, exclusionsCsv, extractCandidates, type Extraction } from "./candidates";
import { impliedPublished } from "./dates";
import { scaffoldNotebook } from "./notebook";
import { reviewFiles } from "./review-file";

/** What `npm run add-article` is told. */
export interface AddArticleOptions {
  /** The article text file. */
  file: string;
  id: string;
  title?: string;
  outlet?: string;
  /** The article's name in chart labels and explanations; default the outlet up to its first parenthesis, else the id. */
  shortName?: string;
  author?: string;
  published?: string;
  language?: string;
  description?: string;
}

/** What `addArticle` wrote (paths relative to the project root). */
export interface AddArticleResult {
  written: string[];
  extraction: Extraction;
  notebook: string;
}

/** A problem with the command line or the workspace that stops add-article before anything is written. */
export class AddArticleError extends Error {}

/**
 * The next free notebook number: one more than the highest `NN-` prefix in `dir`, two digits.
 * @example nextNotebookNumber(["00-overview.ipynb", "07-independent-check.ipynb", "README.md"]) // => "08"
 */
export function nextNotebookNumber(files: readonly string[]): string {
  const used = files.map((f) => /^(\d+)-.*\.ipynb$/.exec(f)).filter((m): m is RegExpExecArray => m !== null).map((m) => Number(m[1]));
  return String(used.length > 0 ? Math.max(...used) + 1 : 0).padStart(2, "0");
}

/** A CSV text with rows appended (the existing text kept byte for byte; a missing final line break added). */
function appendRows(text: string, columns: readonly string[], rows: readonly Record<string, string | number>[]): string {
  const body = rows.map((r) => columns.map((c) => csvField(r[c])).join(",")).join("\n");
  return `${text}${text.endsWith("\n") ? "" : "\n"}${body}\n`;
}

/** The manifest row of the new article. */
function manifestRow(o: AddArticleOptions, text: string, bytes: number, published: string, basis: string): Record<string, string | number> {
  const firstLine = text.split("\n").find((l) => l.trim() !== "")?.trim() ?? o.id;
  return {
    id: o.id, title: o.title ?? firstLine, outlet: o.outlet ?? "not given (add-article --outlet)",
    short_name: o.shortName ?? (o.outlet ? o.outlet.split(" (")[0].trim() : o.id), author: o.author ?? "", published, published_basis: basis,
    language: o.language ?? "en", seed: path.basename(o.file), seed_start: 0, seed_end: bytes,
    trimmed: "nothing trimmed: stored as given by npm run add-article (page chrome, if any, is listed in the review file of exclusions)",
    description: o.description ?? `Added with npm run add-article from ${path.basename(o.file)}; to describe.`,
  };
}

/**
 * Adds an article (see the module comment) to the workspace whose data folder is `dataDir` and
 * notebook folder `notebooksDir`.
 * @throws AddArticleError for a bad id, an id in use, an unreadable file or a text without a date
 *   and no --published; the problems of the resulting data, one per line, when it does not validate.
 */
export function addArticle(o: AddArticleOptions, dataDir: string, notebooksDir: string): AddArticleResult {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(o.id)) throw new AddArticleError(`add-article: --id "${o.id}" is not a kebab-case id (lower-case letters, digits, single dashes)`);
  if (!fs.existsSync(o.file) || !fs.statSync(o.file).isFile()) throw new AddArticleError(`add-article: ${o.file} is not a file`);
  const bytes = fs.readFileSync(o.file);
  const text = decodeUtf8(bytes, o.file);
  if (text.trim() === "") throw new AddArticleError(`add-article: ${o.file} is empty`);
  const articlesCsv = fs.readFileSync(path.join(dataDir, "articles.csv"), "utf8");
  if (parseCsv(articlesCsv, "data/articles.csv", ARTICLE_COLUMNS).rows.some((r) => r.values.id === o.id)) throw new AddArticleError(`add-article: "${o.id}" is already an article of data/articles.csv`);
  const textFile = path.join(dataDir, "articles", `${o.id}.txt`);
  const review = reviewFiles(dataDir, o.id);
  for (const f of [textFile, review.claims, review.exclusions]) if (fs.existsSync(f)) throw new AddArticleError(`add-article: ${f} already exists (nothing was written)`);
  if (o.published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.published)) throw new AddArticleError(`add-article: --published "${o.published}" is not an ISO date (YYYY-MM-DD)`);
  const implied = o.published ? "" : impliedPublished(text);
  const published = o.published ?? implied;
  if (!published) throw new AddArticleError("add-article: the text prints no full date; give the publication date with --published YYYY-MM-DD");
  const basis = o.published ? "stated: given to npm run add-article with --published" : `inferred: the latest full date printed in the text (${implied}); check it`;

  const vocabulary = parseCsv(fs.readFileSync(path.join(dataDir, "vocabulary.csv"), "utf8"), "data/vocabulary.csv").rows.map((r) => r.values as unknown as Term);
  const extraction = extractCandidates(text, { id: o.id, published, title: o.title, vocabulary });
  const sectionsCsv = fs.readFileSync(path.join(dataDir, "sections.csv"), "utf8");
  const nn = nextNotebookNumber(fs.existsSync(notebooksDir) ? fs.readdirSync(notebooksDir) : []);
  const notebookFile = path.join(notebooksDir, `${nn}-${o.id}.ipynb`);
  const files: [string, string | Buffer][] = [
    [textFile, bytes],
    [review.claims, candidatesCsv(extraction.candidates.map((c) => c.row))],
    [review.exclusions, exclusionsCsv(extraction.exclusions)],
    [path.join(dataDir, "articles.csv"), appendRows(articlesCsv, ARTICLE_COLUMNS, [manifestRow(o, text, bytes.length, published, basis)])],
    [path.join(dataDir, "sections.csv"), appendRows(sectionsCsv, SECTION_COLUMNS, extraction.sections.map(({ start: _s, ...row }) => row))],
  ];
  checkInCopy(dataDir, files);
  const title = o.title ?? (manifestRow(o, text, bytes.length, published, basis).title as string);
  files.push([notebookFile, scaffoldNotebook({ id: o.id, title }, extraction.sections, nn)]);
  for (const [f, data] of files) {
    fs.mkdirSync(path.dirname(f), { recursive: true });
    writeFileAtomic(f, data);
  }
  return { written: files.map(([f]) => f), extraction, notebook: notebookFile };
}

/** Writes `files` (paths under dataDir) into a copy of dataDir and validates it; throws the problems when it is not valid. */
function checkInCopy(dataDir: string, files: readonly [string, string | Buffer][]): void {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "selloff-add-"));
  try {
    const copy = path.join(tmp, "data");
    fs.cpSync(dataDir, copy, { recursive: true });
    for (const [f, data] of files) {
      const target = path.join(copy, path.relative(dataDir, f));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, data);
    }
    const problems = validateAll(copy);
    if (problems.length > 0) throw new AddArticleError(`add-article: the data would not validate; nothing was written:\n${problems.join("\n")}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
