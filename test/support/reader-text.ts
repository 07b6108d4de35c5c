/**
 * What a reader sees, and what must not be in it. The reader-visible text of a notebook's outputs
 * (Markdown and HTML outputs with their tags stripped, streams, plain text shown alone) and of a
 * plotly figure (trace names, text, hover text and templates, annotations, titles, axis titles,
 * tick text and the category labels of a category axis without tick text — never the numeric
 * data arrays or the hidden category values behind tick text), and the machine vocabulary that
 * must not appear in it: claim ids (`tradingkey-001`), independent-figure ids (`r073`),
 * reconciliation, family, theme, check, article, section and chart ids, the unit `pct`, unit ids
 * (`USD_bn`, a number followed by `USD`), snake_case keys (`as_of`, `after_hours`) and interval
 * notation (`[-2.5, 1]`, `≤ -5`, `∞`).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseCsv } from "../../src/data/csv";
import { DATA_DIR } from "../../src/data/paths";

/** One piece of text a reader sees, and where it is. */
export interface Visible {
  where: string;
  text: string;
}

/** One thing a reader must not see: what kind, the match, where. */
export interface ReaderProblem {
  kind: string;
  match: string;
  where: string;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const asText = (s: unknown): string => (Array.isArray(s) ? s.join("") : typeof s === "string" ? s : "");
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** HTML entities decoded (the named ones emitted here, and every numeric one). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** The text of HTML as a reader sees it: scripts and styles dropped, tags stripped, entities read. */
export function htmlText(html: string): string {
  const bare = html.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ").replace(/<!--[\s\S]*?-->/g, " ");
  return decodeEntities(bare.replace(/<br\s*\/?>/gi, "\n").replace(/<[^>]*>/g, " "));
}

/** Markdown as a reader sees it: backslash escapes read, inline HTML stripped, entities read. */
export function markdownText(md: string): string {
  return htmlText(md.replace(/\\([!-/:-@[-`{-~])/g, "$1"));
}

/** Plotly's pseudo-HTML text, with a hover template's `%{…}` fields and `<extra>` dropped. */
function plotlyText(s: string): string {
  return htmlText(s.replace(/<extra>[\s\S]*?<\/extra>/g, " ").replace(/%\{[^}]*\}/g, " "));
}

/** The strings of a value that may be a string or an array of them. */
function strings(v: Json | undefined): string[] {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.flatMap((x) => strings(x));
  return [];
}

const titleText = (t: Json | undefined): string[] => (typeof t === "string" ? [t] : t && typeof t === "object" && !Array.isArray(t) ? strings(t.text) : []);

/** The text a reader sees in a plotly figure (see the module comment). */
export function figureText(fig: { data?: Json; layout?: Json }, where = "chart"): Visible[] {
  const out: Visible[] = [];
  const add = (w: string, xs: string[]) => xs.forEach((t) => out.push({ where: `${where} ${w}`, text: plotlyText(t) }));
  const layout = (fig.layout && typeof fig.layout === "object" && !Array.isArray(fig.layout) ? fig.layout : {}) as JsonObject;
  const data = (Array.isArray(fig.data) ? fig.data : []) as JsonObject[];
  add("title", titleText(layout.title));
  const legend = layout.legend as JsonObject | undefined;
  if (legend) add("legend title", titleText(legend.title));
  for (const a of (layout.annotations as JsonObject[] | undefined) ?? []) add("annotation", strings(a.text));
  for (const [key, value] of Object.entries(layout)) {
    if (!/^[xy]axis\d*$/.test(key) || !value || typeof value !== "object" || Array.isArray(value)) continue;
    const ax = value as JsonObject;
    add(`${key} title`, titleText(ax.title));
    if (ax.ticktext !== undefined) add(`${key} tick text`, strings(ax.ticktext));
    else if (ax.type === "category") {
      // a category axis without tick text shows its categories: the traces' values on that axis
      const letter = key[0];
      const ref = key.slice(1) === "axis" ? letter : `${letter}${key.slice(5)}`;
      for (const t of data) if ((t[`${letter}axis`] ?? letter) === ref) add(`${key} categories`, strings(t[letter]).filter((s) => s !== ""));
    }
  }
  data.forEach((t, i) => {
    add(`trace ${i + 1} name`, t.showlegend === false ? [] : strings(t.name));
    add(`trace ${i + 1} text`, strings(t.text));
    add(`trace ${i + 1} hover`, strings(t.hovertext));
    add(`trace ${i + 1} hover template`, strings(t.hovertemplate));
  });
  return out.filter((v) => v.text.trim() !== "");
}

/** An nbformat output. */
export interface NotebookOutput {
  output_type: string;
  text?: string | string[];
  data?: Record<string, unknown>;
}

/** The text a reader sees in one output of a code cell. */
export function outputText(o: NotebookOutput, where: string): Visible[] {
  const out: Visible[] = [];
  if (o.output_type === "stream") out.push({ where, text: asText(o.text) });
  const d = o.data ?? {};
  const fig = d["application/vnd.plotly.v1+json"] as { data?: Json; layout?: Json } | undefined;
  if (fig) out.push(...figureText(fig, where));
  else if (d["text/html"] !== undefined) out.push({ where, text: htmlText(asText(d["text/html"])) });
  else if (d["text/markdown"] !== undefined) out.push({ where, text: markdownText(asText(d["text/markdown"])) });
  else if (d["text/plain"] !== undefined) out.push({ where, text: asText(d["text/plain"]) });
  return out;
}

/** The text a reader sees in every output of a notebook's code cells. */
export function notebookText(nb: { cells: { cell_type: string; outputs?: NotebookOutput[] }[] }, name: string): Visible[] {
  return nb.cells.flatMap((c, k) => (c.cell_type === "code" ? (c.outputs ?? []).flatMap((o) => outputText(o, `${name} cell ${k + 1}`)) : []));
}

// ---------------------------------------------------------------------------------------------
// What a reader must not see

const column = (file: string, name: string): string[] =>
  parseCsv(fs.readFileSync(path.join(DATA_DIR, file), "utf8"), `data/${file}`).rows.map((r) => String((r.values as Record<string, unknown>)[name] ?? ""));

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const anyOf = (xs: readonly string[]) => [...new Set(xs)].filter(Boolean).sort((a, b) => b.length - a.length).map(escapeRe).join("|");

/** The patterns, by kind, built from data/ (ids of the files as they are now). */
export function readerPatterns(): [string, RegExp][] {
  const vocab = parseCsv(fs.readFileSync(path.join(DATA_DIR, "vocabulary.csv"), "utf8"), "data/vocabulary.csv").rows.map((r) => r.values as Record<string, string>);
  const terms = (field: string) => anyOf(vocab.filter((v) => v.field === field).map((v) => v.term));
  // ids of more than one word (a theme id "capex" or a section id "lead" is also an English word)
  const hyphenated = (xs: string[]) => anyOf(xs.filter((x) => x.includes("-")));
  const edge = (body: string) => new RegExp(`(?<![\\w-])(?:${body})(?![\\w-])`, "g");
  return [
    ["claim id", /(?<![\w-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*-\d{3}(?![\w-])/g],
    ["independent id", /(?<![\w-])r\d{3}(?![\w-])/g],
    ["reconciliation id", new RegExp(`(?<![\\w.-])(?:family\\.[a-z0-9-]+|(?:${terms("subject")})\\.(?:${terms("metric")})\\.(?:${terms("window")})(?:\\|(?:${terms("window")}))*)`, "g")],
    ["check id", edge(hyphenated(column("checks.csv", "id")))],
    ["theme id", edge(hyphenated(column("themes.csv", "theme")))],
    ["article id", edge(hyphenated(column("articles.csv", "id")))],
    ["section id", edge(hyphenated(column("sections.csv", "section")))],
    ["chart id", /(?<![\w-])nb\d{2}-[a-z0-9-]+/g],
    ["unit pct", /(?<![\w-])pct(?![\w-])/g],
    ["unit id", /(?<![\w-])[A-Z]{3}_[A-Za-z_]+(?![\w-])|\d\s+USD(?![\w/-])/g],
    ["snake_case key", /(?<![\w-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w-])/g],
    ["interval notation", /[[(]\s*[−-]?(?:\d[\d,.]*|∞)\s*,\s+[−-]?(?:\d[\d,.]*|∞)\s*[\])]|[≤≥]\s*[−-]?\d|∞/g],
    ["arrow", / (?:->|-&gt;) /g],
  ];
}

/** Everything in `visible` a reader must not see. */
export function readerProblems(visible: readonly Visible[], patterns: [string, RegExp][] = readerPatterns()): ReaderProblem[] {
  const out: ReaderProblem[] = [];
  for (const v of visible) {
    for (const [kind, re] of patterns) {
      for (const m of v.text.matchAll(re)) out.push({ kind, match: m[0], where: v.where });
    }
  }
  return out;
}

/** Problems counted by kind, for a summary line. */
export function countByKind(problems: readonly ReaderProblem[]): Record<string, number> {
  const c: Record<string, number> = {};
  for (const p of problems) c[p.kind] = (c[p.kind] ?? 0) + 1;
  return c;
}
