/**
 * Your own page: a title, sentences, tables and charts written to one standalone HTML file that
 * opens offline (plotly.js embedded once, the basic bundle when it draws every chart; nothing
 * loaded from anywhere), for the answer to a question asked in a notebook. Deterministic: the
 * same items give the same bytes.
 *
 * Where it goes: a relative file name is resolved against $SELLOFF_EXPORT_DIR when set (the
 * report sets it to out/exports/, so a notebook's exports land beside the report, never in
 * notebooks/), else against the current folder (in JupyterLab, the notebook's folder).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { PlotlyFigure } from "../charts/theme";
import { writeFileAtomic } from "../data/fsutil";
import { Markdown, md } from "../render/display";
import { plural } from "../render/format";
import { escapeHtml, isFrameLike, tableHtml, toRecords, type RowsInput } from "../render/html";
import { markdownHtml } from "../render/markdown";
import { CHART_BOOT_JS, chartPlaceholderHtml, inlineScript, pageHead, plotlyFor } from "./export";

/** The environment variable that names the folder relative export paths go to. */
export const EXPORT_DIR_VARIABLE = "SELLOFF_EXPORT_DIR";

/** What a page can hold: a chart, a table (a DataFrame or records), Markdown from a helper (explain, ctx.summary…), or a paragraph of plain text. */
export type PageItem = PlotlyFigure | RowsInput | Markdown | string;

const PAGE_STYLE = `body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;margin:24px auto;max-width:1100px;padding:0 16px;color:#222;line-height:1.45}
h1{font-size:1.5em}.selloff-chart{width:100%;min-height:420px;margin:16px 0}table{margin:16px 0}`;

function isFigure(x: unknown): x is PlotlyFigure {
  return typeof x === "object" && x !== null && Array.isArray((x as PlotlyFigure).data) && typeof (x as PlotlyFigure).layout === "object";
}

/**
 * The HTML of a page: the title as heading, then each item in order (a chart drawn by the
 * embedded plotly.js, a table with every cell escaped, Markdown as HTML, text as an escaped
 * paragraph).
 * @throws TypeError for an item that is none of these.
 * @example pageHtml("Q", ["a <b>"], "").includes("<p>a &lt;b&gt;</p>") // => true
 */
export function pageHtml(title: string, items: readonly PageItem[], plotlyJs: string): string {
  const body = items.map((item, k) => {
    if (typeof item === "string") return `<p>${escapeHtml(item)}</p>`;
    if (item instanceof Markdown) return markdownHtml(item.text);
    if (isFigure(item)) return chartPlaceholderHtml(item, `chart-${k + 1}`).trimEnd();
    if (Array.isArray(item) || isFrameLike(item)) return tableHtml(item as RowsInput, { longTextWidth: "18em" });
    throw new TypeError(`exportHtml: item ${k + 1} is not a chart, a table or text`);
  });
  return [
    ...pageHead(title, PAGE_STYLE),
    `<h1>${escapeHtml(title)}</h1>`,
    ...body,
    '<p style="color:#666;font-size:.9em">Made with selloff-lab.</p>',
    ...(items.some(isFigure) ? [inlineScript(plotlyJs), inlineScript(CHART_BOOT_JS)] : []),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/**
 * The file an export goes to: an absolute path as given, a relative one under
 * $SELLOFF_EXPORT_DIR when set, else under the current folder.
 * @example exportPath("/tmp/x.html") // => "/tmp/x.html"
 */
export function exportPath(file: string, env: NodeJS.ProcessEnv = process.env): string {
  if (path.isAbsolute(file)) return file;
  const dir = env[EXPORT_DIR_VARIABLE];
  return path.resolve(dir && dir !== "" ? dir : process.cwd(), file);
}

/**
 * Writes a standalone HTML page with a title and the items (charts, tables, text), atomically,
 * and says what it wrote (Markdown that shows itself; the file's name, not its folder, so the
 * output is the same wherever it runs).
 * @throws Error for a name that does not end in .html, TypeError for an item that is not a chart, a table or text.
 */
export function exportHtml(file: string, title: string, ...items: PageItem[]): Markdown {
  if (!/\.html?$/i.test(file)) throw new Error(`exportHtml: ${JSON.stringify(file)} must end in .html`);
  const figures = items.filter(isFigure);
  const html = pageHtml(title, items, figures.length > 0 ? plotlyFor(figures) : "");
  const target = exportPath(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  writeFileAtomic(target, html);
  // what it holds, in the order given: "1 chart, a table of 92 rows"
  const parts: string[] = [];
  for (const x of items) {
    if (isFigure(x)) {
      const last = parts.length - 1;
      const n = last >= 0 && /^\d+ charts?$/.test(parts[last]) ? Number.parseInt(parts[last], 10) + 1 : 1;
      if (n > 1) parts[last] = plural(n, "chart");
      else parts.push(plural(1, "chart"));
    } else if (typeof x !== "string" && !(x instanceof Markdown)) parts.push(`a table of ${plural(toRecords(x as RowsInput).length, "row")}`);
  }
  const size = Buffer.byteLength(html);
  const sizeText = size >= 1e6 ? `${(size / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(size / 1e3))} KB`;
  return md(`Wrote \`${path.basename(target)}\` (${parts.length > 0 ? parts.join(", ") : "no table or chart"}; ${sizeText}), a page that opens offline in any browser.`);
}
