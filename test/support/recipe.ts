/** The README's "Ask your own question" recipe: its ```ts blocks, one notebook cell each. */
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT } from "../../src/data/paths";

/** The code blocks of the README section "## Ask your own question", in order. */
export function readmeRecipe(readme: string = fs.readFileSync(path.join(ROOT, "README.md"), "utf8")): string[] {
  const start = readme.indexOf("## Ask your own question");
  if (start < 0) throw new Error('README.md has no section "## Ask your own question"');
  const end = readme.indexOf("\n## ", start + 3);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!.replace(/\n$/, ""));
}
