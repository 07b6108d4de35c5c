/**
 * `npm run accept -- <id>`: moves the reviewed candidates of an article into the ledger — the
 * rows of data/candidates/<id>.csv appended to data/claims.csv, those of
 * data/candidates/<id>-excluded.csv to data/claims-excluded.csv — only when the whole ledger,
 * with them, validates under the real loader (`validateAll` on a copy of data/). Otherwise it
 * returns every problem as `file:line: field problem`, naming the line of the review file, and
 * changes nothing. On success the two ledger files are replaced through a temporary file and a
 * rename each, and the review files are removed.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { csvField, DataError, decodeUtf8, formatDataError, type CsvRow } from "../data/csv";
import { writeFileAtomic } from "../data/fsutil";
import { CLAIM_COLUMNS, EXCLUSION_COLUMNS } from "../data/ledger";
import { validateAll } from "../data/validate";
import { readReviewRows, reviewFiles } from "./review-file";

/** What `acceptArticle` did, or why it did nothing. */
export interface AcceptResult {
  ok: boolean;
  /** Every problem, `file:line: field problem`, lines of the review files where a row is at fault. */
  problems: string[];
  claims: number;
  exclusions: number;
}

/** A ledger file with review rows appended, and where each appended row starts (line in the result → line in the review file). */
interface Appended {
  text: string;
  lineMap: Map<number, number>;
}

/** The ledger text with the review rows appended in the ledger's column order. */
function append(ledgerText: string, columns: readonly string[], rows: readonly CsvRow[]): Appended {
  let text = ledgerText.endsWith("\n") || ledgerText === "" ? ledgerText : `${ledgerText}\n`;
  let line = text.split("\n").length;
  const lineMap = new Map<number, number>();
  for (const r of rows) {
    const record = columns.map((c) => csvField(r.values[c])).join(",");
    lineMap.set(line, r.line);
    text += `${record}\n`;
    line += record.split("\n").length;
  }
  return { text, lineMap };
}

/**
 * A message of the loader about the appended copy, re-addressed to the review file line it comes
 * from ("data/claims.csv:190: subject is empty (required)" → "data/candidates/x.csv:3: …").
 * @example readdress("data/claims.csv:190: subject is empty (required)", "data/claims.csv", new Map([[190, 3]]), "data/candidates/x.csv") // => "data/candidates/x.csv:3: subject is empty (required)"
 */
export function readdress(message: string, ledgerLabel: string, lineMap: ReadonlyMap<number, number>, reviewLabel: string): string {
  const m = new RegExp(`^${ledgerLabel.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:(\\d+): `).exec(message);
  if (!m) return message;
  const at = lineMap.get(Number(m[1]));
  return at === undefined ? message : `${reviewLabel}:${at}: ${message.slice(m[0].length)}`;
}

/** Checks of the review rows the loader cannot make: the row must belong to the article under review. */
function rowChecks(rows: readonly CsvRow[], articleId: string, label: string): string[] {
  return rows.filter((r) => r.values.article !== articleId).map((r) => formatDataError(label, r.line, "article", `"${r.values.article}" is not the article under review (${articleId})`));
}

/** Accepts the reviewed candidates of `articleId` into the ledger under `dataDir` (see the module comment). */
export function acceptArticle(articleId: string, dataDir: string): AcceptResult {
  const f = reviewFiles(dataDir, articleId);
  const fail = (problems: string[]): AcceptResult => ({ ok: false, problems, claims: 0, exclusions: 0 });
  if (!fs.existsSync(f.claims)) return fail([`${f.claimsLabel}: does not exist (nothing to accept for "${articleId}"; npm run add-article writes it)`]);
  let claimRows: CsvRow[];
  let exclRows: CsvRow[];
  try {
    claimRows = readReviewRows(f.claims, f.claimsLabel, CLAIM_COLUMNS);
    exclRows = readReviewRows(f.exclusions, f.exclusionsLabel, EXCLUSION_COLUMNS);
  } catch (e) {
    if (e instanceof DataError) return fail([e.message]);
    throw e;
  }
  const claimsFile = path.join(dataDir, "claims.csv");
  const exclFile = path.join(dataDir, "claims-excluded.csv");
  const claims = append(decodeUtf8(fs.readFileSync(claimsFile), "data/claims.csv"), CLAIM_COLUMNS, claimRows);
  const excl = append(decodeUtf8(fs.readFileSync(exclFile), "data/claims-excluded.csv"), EXCLUSION_COLUMNS, exclRows);
  const problems = [...rowChecks(claimRows, articleId, f.claimsLabel), ...rowChecks(exclRows, articleId, f.exclusionsLabel)];

  // the whole ledger with the rows, validated by the real loader in a copy (without the review files)
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "selloff-accept-"));
  try {
    const copy = path.join(tmp, "data");
    fs.cpSync(dataDir, copy, { recursive: true });
    fs.rmSync(path.join(copy, path.relative(dataDir, f.claims)), { force: true });
    fs.rmSync(path.join(copy, path.relative(dataDir, f.exclusions)), { force: true });
    fs.writeFileSync(path.join(copy, "claims.csv"), claims.text);
    fs.writeFileSync(path.join(copy, "claims-excluded.csv"), excl.text);
    for (const p of validateAll(copy)) {
      const a = readdress(p, "data/claims.csv", claims.lineMap, f.claimsLabel);
      problems.push(a !== p ? a : readdress(p, "data/claims-excluded.csv", excl.lineMap, f.exclusionsLabel));
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (problems.length > 0) return fail(problems);
  writeFileAtomic(claimsFile, claims.text);
  writeFileAtomic(exclFile, excl.text);
  fs.rmSync(f.claims, { force: true });
  fs.rmSync(f.exclusions, { force: true });
  return { ok: true, problems: [], claims: claimRows.length, exclusions: exclRows.length };
}
