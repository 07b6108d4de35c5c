/**
 * `npm run validate`: checks every data file and lists every problem, one per line, in the
 * form `file:line: field problem`. Exits 1 when there is any problem, 0 otherwise, 2 for a bad
 * command line.
 *
 * Usage: node dist/cli/validate.js [--data DIR]
 *   --data DIR  check the data files in DIR instead of data/ (a copy, a fixture); files are
 *               still named data/<file> in the messages, as the loaders name them.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { DATA_DIR } from "../data/paths";
import { validateAll } from "../data/validate";

const USAGE = "usage: node dist/cli/validate.js [--data DIR]";

/** The data folder named on the command line (default data/), or what is wrong with the command line. */
export function dataDirFromArgs(args: readonly string[]): { dir: string } | { error: string } {
  let dir = DATA_DIR;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--data") {
      const next = args[i + 1];
      if (next === undefined || next === "" || next.startsWith("--")) return { error: "validate: --data needs a folder" };
      dir = path.resolve(next);
      i++;
    } else if (a.startsWith("--data=") && a.length > "--data=".length) dir = path.resolve(a.slice("--data=".length));
    else return { error: `validate: unknown argument ${JSON.stringify(a)}` };
  }
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return { error: `validate: --data ${dir} is not a folder` };
  return { dir };
}

if (require.main === module) {
  const parsed = dataDirFromArgs(process.argv.slice(2));
  if ("error" in parsed) {
    console.error(parsed.error);
    console.error(USAGE);
    process.exit(2);
  }
  const problems = validateAll(parsed.dir);
  if (problems.length > 0) {
    for (const p of problems) console.error(p);
    console.error(`validate: ${problems.length} problem${problems.length === 1 ? "" : "s"} found`);
    process.exit(1);
  }
  console.log("validate: all data files are valid");
}
