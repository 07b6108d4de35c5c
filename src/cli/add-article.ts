/**
 * `npm run add-article -- FILE --id ID [--title … --outlet … --short-name … --author … --published … --language …
 * --description …]`: stores the article, adds its manifest and section rows, writes its review
 * files and scaffolds its notebook (src/extract/article.ts). Nothing is written unless the
 * resulting data validates. Exit codes: 0 done, 1 refused (a message says why), 2 bad command line.
 */
import { addArticle, AddArticleError } from "../extract/article";
import { DataError } from "../data/csv";
import { DATA_DIR, NOTEBOOKS_DIR, rel } from "../data/paths";
import { parseArgs } from "./args";

const USAGE = "usage: npm run add-article -- FILE --id ID [--title T] [--outlet O] [--short-name S] [--author A] [--published YYYY-MM-DD] [--language L] [--description D]";

function main(argv: string[]): number {
  const args = parseArgs(argv, ["id", "title", "outlet", "short-name", "author", "published", "language", "description"]);
  if ("error" in args || args.positional.length !== 1 || !args.options.id) {
    console.error(`add-article: ${"error" in args ? args.error : args.positional.length !== 1 ? "give exactly one FILE" : "--id is required"}`);
    console.error(USAGE);
    return 2;
  }
  const o = args.options;
  try {
    const r = addArticle({ file: args.positional[0], id: o.id, title: o.title, outlet: o.outlet, shortName: o["short-name"], author: o.author, published: o.published, language: o.language, description: o.description }, DATA_DIR, NOTEBOOKS_DIR);
    for (const f of r.written) console.log(`  wrote ${rel(f)}`);
    const ex = r.extraction;
    console.log(`add-article: ${o.id}: ${ex.sections.length} sections, ${ex.candidates.length} candidate figures, ${ex.exclusions.length} numbers left out with a reason`);
    console.log(`  review data/candidates/${o.id}.csv (fill every empty subject, metric, window, unit and as_of), then: npm run accept -- ${o.id}`);
    return 0;
  } catch (e) {
    if (e instanceof AddArticleError || e instanceof DataError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
