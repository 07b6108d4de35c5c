/**
 * Markdown for notebooks: text from articles escaped for JupyterLab's Markdown (and MathJax), and
 * verbatim quotes as blockquotes.
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
 * Markdown blockquotes of verbatim quotes, as a reader reads them (no claim ids: the quote and
 * the figure it prints are the reader's handle). Claims sharing one quote (one figure shared by
 * five companies) give one blockquote. Quotes keep first-appearance order; every quote is escaped
 * with escapeMarkdown. Empty input gives "".
 * @example quoteMarkdown([{ quote: "fell ~$5" }, { quote: "fell ~$5" }]) // => "> fell \\~\\$5"
 * @example quoteMarkdown(["x", "y", "z"], { max: 2 }) // => "> x\n\n> y\n\n*… and 1 more quote*"
 */
export function quoteMarkdown(items: readonly (Pick<Claim, "quote"> | string)[], options: QuoteOptions = {}): string {
  const order = [...new Set(items.map((item) => (typeof item === "string" ? item : item.quote)))];
  const shown = options.max !== undefined ? order.slice(0, Math.max(0, options.max)) : order;
  const blocks = shown.map((q) =>
    escapeMarkdown(q.replace(/\r\n?/g, "\n"))
      .split("\n")
      .map((l) => `> ${l}`.trimEnd())
      .join("\n"),
  );
  const more = order.length - shown.length;
  if (more > 0) blocks.push(`*… and ${more} more quote${more === 1 ? "" : "s"}*`);
  return blocks.join("\n\n");
}

const ENTITIES: Readonly<Record<string, string>> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&#34;": '"', "&#39;": "'", "&quot;": '"' };

/**
 * Inline Markdown as HTML: backslash escapes, `**bold**`, `*italic*`, `` `code` `` and links
 * `[text](url)`; every other character HTML-escaped (entities in the source are read first, so
 * text that escapeMarkdown made safe is not escaped twice).
 * @example inlineMarkdownHtml("**Inaccurate.** \\$60,000 &lt;b&gt; `id`") // => "<b>Inaccurate.</b> $60,000 &lt;b&gt; <code>id</code>"
 */
export function inlineMarkdownHtml(text: string): string {
  const s = text.replace(/&(amp|lt|gt|#34|#39|quot);/g, (e) => ENTITIES[e]!);
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const rest = s.slice(i);
    const code = /^`([^`]*)`/.exec(rest);
    const bold = /^\*\*((?:\\.|[^*\\])+)\*\*/.exec(rest);
    const italic = /^\*((?:\\.|[^*\\])+)\*/.exec(rest);
    const link = /^\[((?:\\.|[^\]\\])+)\]\(([^)\s]+)\)/.exec(rest);
    if (s[i] === "\\" && i + 1 < s.length) out += escapeHtml(s[++i]!);
    else if (code) (out += `<code>${escapeHtml(code[1]!)}</code>`), (i += code[0].length - 1);
    else if (bold) (out += `<b>${inlineMarkdownHtml(bold[1]!)}</b>`), (i += bold[0].length - 1);
    else if (italic) (out += `<i>${inlineMarkdownHtml(italic[1]!)}</i>`), (i += italic[0].length - 1);
    else if (link) (out += `<a href="${escapeHtml(link[2]!)}">${inlineMarkdownHtml(link[1]!)}</a>`), (i += link[0].length - 1);
    else out += escapeHtml(s[i]!);
  }
  return out;
}

/**
 * The Markdown our helpers write, as HTML for a standalone page: paragraphs (blank-line
 * separated), `> ` blockquotes, `- ` lists and inline Markdown (inlineMarkdownHtml).
 * @example markdownHtml("> fell \\~5% — `a-1`\n\n- one\n- two") // => "<blockquote><p>fell ~5% — <code>a-1</code></p></blockquote>\n<ul><li>one</li><li>two</li></ul>"
 */
export function markdownHtml(markdown: string): string {
  return markdown
    .split(/\n\s*\n/)
    .filter((block) => block.trim() !== "")
    .map((block) => {
      const lines = block.split("\n");
      if (lines.every((l) => /^>\s?/.test(l))) return `<blockquote>${markdownHtml(lines.map((l) => l.replace(/^>\s?/, "")).join("\n"))}</blockquote>`;
      if (lines.every((l) => /^- /.test(l))) return `<ul>${lines.map((l) => `<li>${inlineMarkdownHtml(l.slice(2))}</li>`).join("")}</ul>`;
      return `<p>${inlineMarkdownHtml(lines.join(" "))}</p>`;
    })
    .join("\n");
}
