/**
 * `npm run accept -- ID`: moves the reviewed candidates of article ID into the ledger when every
 * row validates; otherwise lists each problem as `file:line: field problem` and changes nothing
 * (src/extract/accept.ts). Exit codes: 0 accepted, 1 problems found, 2 bad command line.
 */
import { acceptArticle } from "../extract/accept";
import { DATA_DIR } from "../data/paths";
import { parseArgs } from "./args";

const USAGE = "usage: npm run accept -- ID";

function main(argv: string[]): number {
  const args = parseArgs(argv, []);
  if ("error" in args || args.positional.length !== 1) {
    console.error(`accept: ${"error" in args ? args.error : "give exactly one article ID"}`);
    console.error(USAGE);
    return 2;
  }
  const id = args.positional[0];
  const r = acceptArticle(id, DATA_DIR);
  if (!r.ok) {
    for (const p of r.problems) console.error(p);
    console.error(`accept: ${r.problems.length} problem${r.problems.length === 1 ? "" : "s"} found; nothing was changed`);
    return 1;
  }
  console.log(`accept: ${id}: ${r.claims} claims appended to data/claims.csv, ${r.exclusions} exclusions to data/claims-excluded.csv; review files removed`);
  return 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
