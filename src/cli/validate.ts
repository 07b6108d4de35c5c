/**
 * `npm run validate`: checks every data file and lists every problem, one per line, in the
 * form `file:line: field problem`. Exits 1 when there is any problem, 0 otherwise.
 */
import { validateAll } from "../validate";

const problems = validateAll();
if (problems.length > 0) {
  for (const p of problems) console.error(p);
  console.error(`validate: ${problems.length} problem${problems.length === 1 ? "" : "s"} found`);
  process.exit(1);
}
console.log("validate: all data files are valid");
