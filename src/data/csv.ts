/**
 * CSV reading and writing with line numbers, so that every error can name the file, the line and
 * the field. Used by every loader of data/ (ledger, checks, independent figures). The reading is
 * csv-parse's (node-csv, RFC 4180); this module adds record line numbers, the header checks and
 * the one error template (`DataError`). Files are written as UTF-8 without BOM, LF line ends.
 */
import { parse, type InfoRecord } from "csv-parse/sync";
import { remembered } from "./memo";

/** An error in a data file: `data/claims.csv:17: low "6O,000" is not a number`. */
export class DataError extends Error {
  constructor(
    /** The file, relative to the project root. */
    readonly file: string,
    /** 1-based line number, or 0 when the problem concerns the whole file. */
    readonly line: number,
    /** The column concerned, or "" when the problem concerns the whole row or file. */
    readonly field: string,
    /** What is wrong, in words. */
    readonly problem: string,
  ) {
    super(formatDataError(file, line, field, problem));
    this.name = "DataError";
  }
}

/**
 * The one message template for bad data: file, line, field, problem.
 * @example formatDataError("data/claims.csv", 17, "low", '"6O,000" is not a number') // => 'data/claims.csv:17: low "6O,000" is not a number'
 * @example formatDataError("data/checks.csv", 0, "", "file is empty") // => "data/checks.csv: file is empty"
 */
export function formatDataError(file: string, line: number, field: string, problem: string): string {
  return escapeControls(`${file}${line > 0 ? `:${line}` : ""}: ${field ? `${field} ` : ""}${problem}`);
}

/**
 * Writes control characters (a line break, a NUL) as JSON escapes, so that a message quoting a
 * bad field stays one line (`npm run validate` prints one problem per line).
 * @example escapeControls('id "a\nb" is not a kebab-case id') // => 'id "a\\nb" is not a kebab-case id'
 */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1));
}

/**
 * Decodes a data file's bytes as UTF-8, strictly: a byte sequence that is not UTF-8 is a
 * DataError naming the line it is on, never a silent U+FFFD. A leading BOM is kept (parseCsv
 * drops it; an article text must match its seed byte for byte, BOM included).
 * @example decodeUtf8(Buffer.from("a,b\n"), "t.csv") // => "a,b\n"
 * @example (() => { try { decodeUtf8(Buffer.from([0x61, 0x0a, 0xff]), "t.csv"); } catch (e) { return e.message; } })() // => "t.csv:2: is not valid UTF-8 (byte 2 of the file)"
 */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // the longest prefix that decodes (an incomplete sequence at its end is allowed while streaming)
    const decodes = (n: number) => {
      try {
        new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, n), { stream: true });
        return true;
      } catch {
        return false;
      }
    };
    let lo = 0;
    let hi = bytes.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (decodes(mid)) lo = mid;
      else hi = mid - 1;
    }
    let line = 1;
    for (let i = 0; i < lo; i++) if (bytes[i] === 0x0a) line++;
    throw new DataError(file, line, "", `is not valid UTF-8 (byte ${lo} of the file)`);
  }
}

/** Several data errors at once (validation lists every problem, not just the first). */
export class DataErrors extends Error {
  constructor(readonly errors: DataError[]) {
    super(errors.map((e) => e.message).join("\n"));
    this.name = "DataErrors";
  }
}

/** One parsed row: its 1-based line in the file and its values by column name. */
export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

/** A parsed CSV file. */
export interface CsvTable {
  file: string;
  header: string[];
  rows: CsvRow[];
}

/** csv-parse's error codes that this module turns into its own messages. */
const CSV_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "has a quoted field that never ends",
  INVALID_OPENING_QUOTE: "has a quote inside an unquoted field",
  CSV_INVALID_CLOSING_QUOTE: "has text after a closing quote",
};

/**
 * Splits CSV text into records of raw fields, each with the line it starts on. The parsing is
 * csv-parse's (node-csv): RFC 4180 quoting, a leading byte-order mark dropped (Excel's "CSV
 * UTF-8"), LF or CRLF line ends, also mixed; blank lines skipped. A line break inside a quoted
 * field reads as LF whatever the file's line ends, so a file saved with CRLF loads exactly like
 * its LF original. Record lines are counted here from csv-parse's byte offsets (the `bytes` of each record's info),
 * because its own line counter counts a CRLF inside a quoted field as two lines.
 * Throws a DataError naming the line of the record for an unterminated quote or a stray quote.
 * The records of the last 32 texts read are remembered (frozen): a file read twice is parsed once.
 * @example splitCsvRecords('q\r\n"a\r\nb"\r\n', "t.csv").map((r) => r.fields) // => [["q"],["a\nb"]]
 * @example splitCsvRecords('\uFEFFa,b\n"x,1","y ""q"""\n', "t.csv").map((r) => r.fields) // => [["a","b"],["x,1",'y "q"']]
 * @example splitCsvRecords('id\n\n"x\ny"\nz\n', "t.csv").map((r) => r.line) // => [1, 3, 5]
 */
export const splitCsvRecords = remembered(splitCsvRecordsOnce, (text, file) => `${file}\0${text}`, 32);

function splitCsvRecordsOnce(text: string, file: string): { line: number; fields: string[] }[] {
  const bytes = Buffer.from(text, "utf8");
  // byte offset just past each record (its record delimiter included), in order
  const ends: number[] = [];
  let records: string[][];
  try {
    records = parse(bytes, {
      bom: true,
      record_delimiter: ["\r\n", "\n"],
      relax_column_count: true,
      skip_empty_lines: true,
      // the record's info: `bytes` is the offset just past it
      on_record: (record: string[], info: InfoRecord) => {
        ends.push(info.bytes);
        return record;
      },
    });
  } catch (e) {
    const code = (e as { code?: string }).code ?? "";
    const problem = CSV_PROBLEMS[code];
    const line = lineAfter(bytes, ends.length > 0 ? ends[ends.length - 1] : 0);
    if (problem === undefined) throw new DataError(file, line, "", `is not valid CSV (${(e as Error).message})`);
    // csv-parse names the character it found after the closing quote: 'got "b" at line 2'
    const got = code === "CSV_INVALID_CLOSING_QUOTE" ? /got (".*?") at line/.exec((e as Error).message) : null;
    throw new DataError(file, line, "", got ? `${problem}: ${got[1]}` : problem);
  }
  // the offsets only grow, so one pass over the bytes numbers every record's line
  const lines = lineCounter(bytes);
  return records.map((record, k) => ({
    line: lines(k === 0 ? 0 : ends[k - 1]),
    fields: record.map((f) => f.replace(/\r\n/g, "\n")),
  }));
}

/**
 * The 1-based line on which the next record starts, given the byte offset where the previous
 * one ended: the line of that offset, moved past the blank lines (LF, CR) that follow it.
 */
function lineAfter(bytes: Buffer, offset: number): number {
  return lineCounter(bytes)(offset);
}

/**
 * lineAfter() for offsets given in increasing order, counting the line breaks before each
 * offset from where the previous call stopped: linear in the file, not quadratic.
 */
function lineCounter(bytes: Buffer): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    for (; at < offset; at++) if (bytes[at] === 0x0a) line++;
    let after = line;
    for (let i = offset; i < bytes.length && (bytes[i] === 0x0a || bytes[i] === 0x0d); i++) if (bytes[i] === 0x0a) after++;
    return after;
  };
}

/**
 * Parses CSV text with a header row into rows keyed by column name. A leading byte-order mark is
 * dropped and CRLF line ends read like LF (see `splitCsvRecords`).
 * Throws a DataError naming file and line for an empty file, a duplicate or missing column, or a
 * row with the wrong number of fields.
 * @example parseCsv("id,low\nx,1\n", "t.csv").rows[0] // => { line: 2, values: { id: "x", low: "1" } }
 * @example parseCsv("\uFEFFid,low\r\nx,1\r\n", "t.csv").header // => ["id", "low"]
 */
export function parseCsv(text: string, file: string, required: readonly string[] = []): CsvTable {
  if (text.replace(/^\uFEFF/, "").trim() === "") throw new DataError(file, 0, "", "is empty (expected a header row)");
  const records = splitCsvRecords(text, file);
  const [head, ...body] = records;
  const header = head.fields.map((h) => h.trim());
  const seen = new Set<string>();
  for (const h of header) {
    if (h === "") throw new DataError(file, head.line, "", "has an empty column name in the header");
    if (seen.has(h)) throw new DataError(file, head.line, h, "appears twice in the header");
    seen.add(h);
  }
  for (const r of required) {
    if (!seen.has(r)) throw new DataError(file, head.line, r, `is missing from the header (expected columns: ${required.join(", ")})`);
  }
  const rows: CsvRow[] = body.map((rec) => {
    if (rec.fields.length !== header.length) {
      throw new DataError(file, rec.line, "", `has ${rec.fields.length} fields, expected ${header.length} (${header.join(", ")})`);
    }
    const values: Record<string, string> = {};
    header.forEach((h, k) => (values[h] = rec.fields[k]));
    return { line: rec.line, values };
  });
  return { file, header, rows };
}

/**
 * Quotes a CSV field when it holds a comma, quote or line break.
 * @example csvField('say "hi", bye') // => '"say ""hi"", bye"'
 * @example csvField("plain") // => "plain"
 */
export function csvField(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? "" : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Formats rows as CSV text with a header and LF line ends. */
export function formatCsv(header: readonly string[], rows: readonly Record<string, string | number | null | undefined>[]): string {
  return [header.map(csvField).join(","), ...rows.map((r) => header.map((h) => csvField(r[h])).join(","))].join("\n") + "\n";
}

/**
 * Reads a number field strictly: plain decimal notation, no `$`, `%`, `,` or spaces.
 * Returns null for an empty field when `optional`; throws a DataError otherwise.
 * @example parseNumberField("-52", "t.csv", 3, "low") // => -52
 * @example parseNumberField("", "t.csv", 3, "high", true) // => null
 */
export function parseNumberField(value: string, file: string, line: number, field: string, optional = false): number | null {
  if (value === "") {
    if (optional) return null;
    throw new DataError(file, line, field, "is empty (a number is required)");
  }
  if (!/^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(value)) {
    throw new DataError(file, line, field, `${JSON.stringify(value)} is not a number`);
  }
  const x = Number(value);
  if (!Number.isFinite(x)) throw new DataError(file, line, field, `${JSON.stringify(value)} is not a finite number`);
  return x;
}
