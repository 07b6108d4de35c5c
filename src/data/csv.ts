/**
 * RFC 4180 CSV reading and writing with line numbers, so that every error can name the file,
 * the line and the field. Used by every loader of data/ (ledger, checks, independent figures).
 */

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
 * rejects it with its own message).
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

/**
 * Splits CSV text into records of raw fields, each with the line it starts on.
 * Accepts LF or CRLF line ends (also inside a quoted field, where CRLF reads as LF, so a file
 * saved with CRLF loads exactly like its LF original); throws a DataError for an unterminated
 * quote or a stray quote.
 * @example splitCsvRecords('q\r\n"a\r\nb"\r\n', "t.csv").map((r) => r.fields) // => [["q"],["a\nb"]]
 * @example splitCsvRecords('a,b\n"x,1","y ""q"""\n', "t.csv").map((r) => r.fields) // => [["a","b"],["x,1",'y "q"']]
 */
export function splitCsvRecords(text: string, file: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let atFieldStart = true;
  const n = text.length;
  const endRecord = () => {
    fields.push(field);
    // a blank line (one empty field) is skipped, not a record
    if (!(fields.length === 1 && fields[0] === "")) records.push({ line: recordLine, fields });
    fields = [];
    field = "";
    atFieldStart = true;
  };
  while (i < n) {
    const c = text[i];
    if (atFieldStart && c === '"') {
      // quoted field
      const quoteLine = line;
      i++;
      for (;;) {
        if (i >= n) throw new DataError(file, quoteLine, "", "has a quoted field that never ends");
        const d = text[i];
        if (d === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (d === "\r" && text[i + 1] === "\n") {
          // a line break inside a quoted field reads as LF whatever the file's line ends
          field += "\n";
          line++;
          i += 2;
          continue;
        }
        if (d === "\n") line++;
        field += d;
        i++;
      }
      atFieldStart = false;
      const next = text[i];
      if (i < n && next !== "," && next !== "\n" && next !== "\r") {
        throw new DataError(file, line, "", `has text after a closing quote: ${JSON.stringify(text.slice(i, i + 20))}`);
      }
      continue;
    }
    if (c === ",") {
      fields.push(field);
      field = "";
      atFieldStart = true;
      i++;
      continue;
    }
    if (c === "\r" && text[i + 1] === "\n") {
      i++;
      continue;
    }
    if (c === "\n") {
      endRecord();
      i++;
      line++;
      recordLine = line;
      continue;
    }
    if (c === '"') throw new DataError(file, line, "", "has a quote inside an unquoted field");
    field += c;
    atFieldStart = false;
    i++;
  }
  if (field !== "" || fields.length > 0) endRecord();
  return records;
}

/**
 * Parses CSV text with a header row into rows keyed by column name.
 * Throws a DataError naming file and line for an empty file, a BOM, a duplicate or missing
 * column, or a row with the wrong number of fields.
 * @example parseCsv("id,low\nx,1\n", "t.csv").rows[0] // => { line: 2, values: { id: "x", low: "1" } }
 */
export function parseCsv(text: string, file: string, required: readonly string[] = []): CsvTable {
  if (text.charCodeAt(0) === 0xfeff) throw new DataError(file, 1, "", "starts with a byte-order mark (save as UTF-8 without BOM)");
  if (text.trim() === "") throw new DataError(file, 0, "", "is empty (expected a header row)");
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
