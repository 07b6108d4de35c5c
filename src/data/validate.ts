/** Every data check in one place: what `npm run validate` and the report run before anything else. */
import * as path from "node:path";
import { DATA_DIR } from "./paths";
import { readLedger } from "./ledger";
import { uncoveredTokens } from "./numbers";
import { readIndependent, readOrigins } from "./independent-file";
import { readChecks } from "../domain/analysis";
import { pendingCoverage } from "../extract/review-file";

/** Problems in the data files under `dataDir`, as `file:line: field problem` lines (empty when valid). */
export function validateAll(dataDir: string = DATA_DIR): string[] {
  const { ledger, errors } = readLedger(dataDir);
  const problems = errors.map((e) => e.message);
  if (errors.length === 0) {
    for (const a of ledger.articles) {
      // an article added with `npm run add-article` is covered by its review files until `npm run accept`
      const pending = pendingCoverage(dataDir, a.id);
      if (!Array.isArray(pending)) {
        problems.push(pending.message);
        continue;
      }
      const claims = [...ledger.claims, ...pending.filter((p) => p.quote !== "")];
      const exclusions = [...ledger.exclusions, ...pending.filter((p) => p.context !== "")];
      for (const t of uncoveredTokens(a.id, a.text, claims, exclusions)) {
        problems.push(`data/articles/${a.id}.txt: number "${t.text}" (in "…${t.context}…") is in no claim quote of data/claims.csv and no context of data/claims-excluded.csv`);
      }
    }
    // independent figures link to claims and use the vocabulary, so they are checked against a valid ledger only
    problems.push(...readChecks(dataDir, ledger).errors.map((e) => e.message));
    problems.push(...readIndependent(path.join(dataDir, "independent.csv"), ledger, "data/independent.csv").errors.map((e) => e.message));
    problems.push(...readOrigins(path.join(dataDir, "origins.csv"), ledger, "data/origins.csv").errors.map((e) => e.message));
  }
  return problems;
}
