/**
 * The review files of an article added with `npm run add-article` and not yet accepted:
 * `data/candidates/<id>.csv` (candidate rows of data/claims.csv, same columns) and
 * `data/candidates/<id>-excluded.csv` (candidate rows of data/claims-excluded.csv). While they
 * exist, the article's numbers are accounted for by them (`npm run validate` passes);
 * `npm run accept -- <id>` moves them into the ledger and removes them.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { DataError, decodeUtf8, parseCsv, type CsvRow } from "../data/csv";
import { CLAIM_COLUMNS, EXCLUSION_COLUMNS } from "../data/ledger";

/** The folder of review files under a data folder. */
export const CANDIDATES_FOLDER = "candidates";

/** Paths and labels (as messages name them) of an article's two review files. */
export function reviewFiles(dataDir: string, articleId: string): { claims: string; exclusions: string; claimsLabel: string; exclusionsLabel: string } {
  const dir = path.join(dataDir, CANDIDATES_FOLDER);
  return {
    claims: path.join(dir, `${articleId}.csv`),
    exclusions: path.join(dir, `${articleId}-excluded.csv`),
    claimsLabel: `data/${CANDIDATES_FOLDER}/${articleId}.csv`,
    exclusionsLabel: `data/${CANDIDATES_FOLDER}/${articleId}-excluded.csv`,
  };
}

/**
 * The rows of a review file (header checked, every field as text, with line numbers); [] when
 * the file does not exist.
 * @throws DataError naming the file and line for a file that is not UTF-8 CSV with the columns.
 */
export function readReviewRows(file: string, label: string, columns: readonly string[]): CsvRow[] {
  if (!fs.existsSync(file)) return [];
  return parseCsv(decodeUtf8(fs.readFileSync(file), label), label, columns).rows;
}

/**
 * The texts that account for an article's numbers while it is under review: the quotes of its
 * candidate rows and the contexts of its candidate exclusions (empty when it has no review files),
 * with the problems of unreadable review files.
 */
export function pendingCoverage(dataDir: string, articleId: string): { article: string; quote: string; context: string }[] | DataError {
  const f = reviewFiles(dataDir, articleId);
  try {
    const claims = readReviewRows(f.claims, f.claimsLabel, CLAIM_COLUMNS).map((r) => ({ article: articleId, quote: r.values.quote, context: "" }));
    const excl = readReviewRows(f.exclusions, f.exclusionsLabel, EXCLUSION_COLUMNS).map((r) => ({ article: articleId, quote: "", context: r.values.context }));
    return [...claims, ...excl];
  } catch (e) {
    if (e instanceof DataError) return e;
    throw e;
  }
}

/** True when the article has a review file waiting for `npm run accept`. */
export function isUnderReview(dataDir: string, articleId: string): boolean {
  return fs.existsSync(reviewFiles(dataDir, articleId).claims);
}
