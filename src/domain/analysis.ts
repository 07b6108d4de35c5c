/**
 * Everything the notebooks and the report compute from data/, loaded once: the ledger, the
 * recomputation checks with their verdicts, the reconciliation groups, and the comparison with
 * independent reporting. Throws a DataErrors listing every problem if any data file is bad, so
 * no verdict is ever computed from a bad row.
 */
import * as path from "node:path";
import { DataError, DataErrors } from "../data/csv";
import { loadChecks, runChecks, type Check, type CheckVerdict } from "./checks";
import { buildIndependent, type IndependentResult } from "./independent";
import { readIndependent, readOrigins, type IndependentRow, type Origin } from "../data/independent-file";
import { readLedger, type Ledger } from "../data/ledger";
import { DATA_DIR } from "../data/paths";
import { buildConflicts, type Conflict } from "./reconcile";
import { rateCheck, rateConflict, rateIndependent } from "./explain";
import type { Rated } from "./ratings";

export interface Analysis {
  ledger: Ledger;
  checks: Check[];
  /** One verdict per check of data/checks.csv, sorted by id. */
  verdicts: (CheckVerdict & Rated)[];
  /** One entry per group of claims measuring the same (or a near) quantity, sorted by id. */
  conflicts: (Conflict & Rated)[];
  independentRows: IndependentRow[];
  /** data/origins.csv: which claims come from which origin (a bank note, a data provider). */
  origins: Origin[];
  /** One entry per ledger claim, sorted by claim id. */
  independent: (IndependentResult & Rated)[];
}

/**
 * Reads data/checks.csv of `dataDir` against the ledger and the figures of data/independent.csv
 * that its references may name (loadChecks), returning its checks and problems. `rows` defaults
 * to the valid rows of `dataDir`'s independent.csv (its own problems are reported by readIndependent).
 */
export function readChecks(dataDir: string, ledger: Ledger, rows?: readonly IndependentRow[]): { checks: Check[]; errors: DataError[] } {
  const sources = rows ?? readIndependent(path.join(dataDir, "independent.csv"), ledger, "data/independent.csv").rows;
  try {
    return { checks: loadChecks(path.join(dataDir, "checks.csv"), ledger, "data/checks.csv", new Map(sources.map((r) => [r.id, r]))), errors: [] };
  } catch (e) {
    if (e instanceof DataErrors) return { checks: [], errors: e.errors };
    if (e instanceof DataError) return { checks: [], errors: [e] };
    throw e;
  }
}

/** Loads and computes everything; throws DataErrors when any data file has a problem. */
export function loadAnalysis(dataDir: string = DATA_DIR): Analysis {
  const { ledger, errors } = readLedger(dataDir);
  if (errors.length > 0) throw new DataErrors(errors);
  const { rows, errors: independentErrors } = readIndependent(path.join(dataDir, "independent.csv"), ledger, "data/independent.csv");
  const { checks, errors: checkErrors } = readChecks(dataDir, ledger, rows);
  const { origins, errors: originErrors } = readOrigins(path.join(dataDir, "origins.csv"), ledger, "data/origins.csv");
  const all = [...checkErrors, ...independentErrors, ...originErrors];
  if (all.length > 0) throw new DataErrors(all);
  const verdicts = runChecks(ledger, checks);
  const ctx = { articles: ledger.articles, byId: ledger.byId, rows, origins, checks, verdicts, sections: ledger.sections, vocabulary: ledger.vocabulary };
  return {
    ledger,
    checks,
    verdicts: verdicts.map((v) => rateCheck(v, ctx)),
    conflicts: buildConflicts(ledger, rows).map((c) => rateConflict(c, ctx)),
    independentRows: rows,
    origins,
    independent: buildIndependent(ledger, rows, origins).map((r) => rateIndependent(r, ctx)),
  };
}
