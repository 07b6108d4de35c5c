/**
 * The machine-readable results that `npm run report` writes beside the pages, each computed
 * from the data files alone (not from notebook outputs), deterministically sorted.
 */

/** [file name in out/, JSON value, label for the gallery] for each results file. */
export type ResultFile = [string, unknown, string];

/** Builds every results file from the ledger in data/. */
export function buildResults(): ResultFile[] {
  return [];
}
