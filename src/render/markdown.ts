/**
 * Markdown for notebooks: text from articles escaped for JupyterLab's Markdown (and MathJax), and
 * verbatim quotes as blockquotes citing their claim ids.
 */
import { escapeHtml } from "./html";
import type { Claim } from "../data/types";


/** Markdown characters that are backslash-escaped anywhere in a line. */
const MD_SPECIALS = /[\\`*_{}[\]#|~$!]/g;

/**
 * Text safe to place in Markdown that JupyterLab renders: Markdown specials (`\ ` * _ { } [ ] #
 * | ~ $ !`) are backslash-escaped (`$` so MathJax does not read it as maths), a line-leading list
 * marker (`- `, `+ `, `1. `) or setext underline is escaped (a leading `-52%` is left alone), then
 * `& < > " '` become HTML entities. Newlines are kept.
 * @example escapeMarkdown("~$60K & <b>*up*</b>") // => "\\~\\$60K &amp; &lt;b&gt;\\*up\\*&lt;/b&gt;"
 * @example escapeMarkdown("- 52% drop") // => "\\- 52% drop"
 * @example escapeMarkdown("1.8% and -2.5%") // => "1.8% and -2.5%"
 */
export function escapeMarkdown(s: string): string {
  const md = String(s)
    .replace(MD_SPECIALS, (c) => `\\${c}`)
    .replace(/^(\s*)([-+])(?=\s|$)/gm, "$1\\$2")
    .replace(/^(\s*)([-=])(?=[-=\s]*$)/gm, "$1\\$2")
    .replace(/^(\s*\d+)([.)])(?=\s|$)/gm, "$1\\$2");
  return escapeHtml(md);
}

/** Options of quoteMarkdown. */
export interface QuoteOptions {
  /** Show at most this many quotes and say how many were left out. */
  max?: number;
}

/**
 * Markdown blockquotes of verbatim quotes, each followed by the claim id(s) that cite it in code
 * spans. Claims sharing one quote (one figure shared by five companies) give one blockquote;
 * plain strings give a blockquote without ids. Quotes keep first-appearance order; every quote is
 * escaped with escapeMarkdown. Empty input gives "".
 * @example quoteMarkdown([{ id: "a-1", quote: "fell ~$5" }, { id: "a-2", quote: "fell ~$5" }]) // => "> fell \\~\\$5 — `a-1` `a-2`"
 * @example quoteMarkdown(["x", "y", "z"], { max: 2 }) // => "> x\n\n> y\n\n*… and 1 more quote*"
 */
export function quoteMarkdown(items: readonly (Pick<Claim, "id" | "quote"> | string)[], options: QuoteOptions = {}): string {
  const order: string[] = [];
  const ids = new Map<string, string[]>();
  for (const item of items) {
    const quote = typeof item === "string" ? item : item.quote;
    if (!ids.has(quote)) {
      ids.set(quote, []);
      order.push(quote);
    }
    if (typeof item !== "string" && !ids.get(quote)!.includes(item.id)) ids.get(quote)!.push(item.id);
  }
  const shown = options.max !== undefined ? order.slice(0, Math.max(0, options.max)) : order;
  const blocks = shown.map((q) => {
    const lines = escapeMarkdown(q.replace(/\r\n?/g, "\n")).split("\n");
    const cite = ids.get(q)!.length > 0 ? ` — ${ids.get(q)!.map((id) => `\`${id}\``).join(" ")}` : "";
    lines[lines.length - 1] += cite;
    return lines.map((l) => `> ${l}`.trimEnd()).join("\n");
  });
  const more = order.length - shown.length;
  if (more > 0) blocks.push(`*… and ${more} more quote${more === 1 ? "" : "s"}*`);
  return blocks.join("\n\n");
}
