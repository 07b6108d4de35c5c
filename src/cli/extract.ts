/**
 * `npm run extract -- FILE`: prints the candidate claim rows of the article text in FILE to
 * standard output, as CSV with the columns of data/claims.csv (src/extract/candidates.ts).
 * Never writes a file. A summary goes to standard error.
 *
 * Usage: node dist/cli/extract.js FILE [--id ID] [--published YYYY-MM-DD] [--engine E] [--excluded]
 *        node dist/cli/extract.js --measure [--engine E]
 *   --id ID          the article id the rows name (default: the file name, kebab-cased)
 *   --published DAY  publication day, to date "February 6" (default: the latest full date in the text)
 *   --engine E       recognizers (default), recognizers-only or tokens (src/extract/recognise.ts)
 *   --excluded       print the numbers that are not proposed, with their reasons, as rows of
 *                    data/claims-excluded.csv instead
 *   --measure        instead of a file: the recall and precision on the five ledger articles (each
 *                    with its own rows set aside) and the share of independent figures whose value
 *                    is proposed from their quotes, as a Markdown table (src/extract/measure.ts)
 * Exit codes: 0 done, 1 unreadable file, 2 bad command line.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { DataError, decodeUtf8, parseCsv } from "../data/csv";
import { loadAnalysis } from "../domain/analysis";
import { candidatesCsv, exclusionsCsv, extractCandidates } from "../extract/candidates";
import { measureLedger, measureQuotes } from "../extract/measure";
import { ENGINES, type Engine } from "../extract/recognise";
import { DATA_DIR } from "../data/paths";
import type { Term } from "../data/types";
import { parseArgs } from "./args";

const USAGE = "usage: npm run extract -- FILE [--id ID] [--published YYYY-MM-DD] [--engine recognizers|recognizers-only|tokens] [--excluded]";

/**
 * The default article id of a file: its name without extension, kebab-cased.
 * @example idFromFile("/tmp/My Article (v2).txt") // => "my-article-v2"
 */
export function idFromFile(file: string): string {
  const id = path.basename(file).replace(/\.[^.]*$/, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return id || "article";
}

/** The --measure table (Markdown). */
function measureTable(engine: Engine): string {
  const analysis = loadAnalysis();
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const lines = ["| article | ledger figures | found | recall | proposals | real figures | precision |", "|---|---|---|---|---|---|---|"];
  for (const m of measureLedger(analysis.ledger, engine)) {
    lines.push(`| ${m.article} | ${m.claims} | ${m.found} | ${pct(m.recall)} | ${m.candidates} | ${m.real} | ${pct(m.precision)} |`);
  }
  const q = measureQuotes(analysis.independentRows, analysis.ledger.vocabulary, engine);
  lines.push("", `independent figures whose value is proposed from their quote alone: ${q.matched} of ${q.total} (${pct(q.matched / q.total)}), engine ${engine}`);
  return lines.join("\n") + "\n";
}

function main(argv: string[]): number {
  const args = parseArgs(argv, ["id", "published", "engine"], ["excluded", "measure"]);
  if (!("error" in args) && args.flags.has("measure") && args.positional.length === 0) {
    const engine = (args.options.engine ?? "recognizers") as Engine;
    if (!ENGINES.includes(engine)) {
      console.error(`extract: --engine must be one of ${ENGINES.join(", ")}`);
      return 2;
    }
    process.stdout.write(measureTable(engine));
    return 0;
  }
  if ("error" in args || args.positional.length !== 1) {
    console.error(`extract: ${"error" in args ? args.error : "give exactly one FILE"}`);
    console.error(USAGE);
    return 2;
  }
  const file = args.positional[0];
  const engine = (args.options.engine ?? "recognizers") as Engine;
  if (!ENGINES.includes(engine)) {
    console.error(`extract: --engine must be one of ${ENGINES.join(", ")}`);
    return 2;
  }
  if (args.options.published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(args.options.published)) {
    console.error(`extract: --published "${args.options.published}" is not an ISO date (YYYY-MM-DD)`);
    return 2;
  }
  let text: string;
  try {
    text = decodeUtf8(fs.readFileSync(file), file);
  } catch (e) {
    console.error(e instanceof DataError ? `extract: ${e.message}` : `extract: cannot read ${file}: ${(e as Error).message}`);
    return 1;
  }
  const vocabulary = parseCsv(fs.readFileSync(path.join(DATA_DIR, "vocabulary.csv"), "utf8"), "data/vocabulary.csv").rows.map((r) => r.values as unknown as Term);
  const ex = extractCandidates(text, { id: args.options.id ?? idFromFile(file), published: args.options.published, engine, vocabulary });
  process.stdout.write(args.flags.has("excluded") ? exclusionsCsv(ex.exclusions) : candidatesCsv(ex.candidates.map((c) => c.row)));
  const garbled = ex.candidates.filter((c) => c.row.qualifier === "garbled").length;
  const chrome = ex.exclusions.filter((e) => e.reason.startsWith("page chrome")).length;
  console.error(`extract: ${ex.candidates.length} candidate figures (${garbled} flagged garbled); ${ex.exclusions.length} contexts of numbers not proposed (${chrome} page chrome; --excluded lists them)`);
  return 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
