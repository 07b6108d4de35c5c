/**
 * Helpers for the mutation test (issue 7): a seeded PRNG, a scratch copy of data/ that is
 * restored between mutations, CSV tables as raw fields, and the catalogue of mutations applied
 * to every data file. Nothing here touches the real data/ folder except to read it once.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { csvField, splitCsvRecords } from "../../src/data/csv";

// ---------------------------------------------------------------------------------------------
// A seeded PRNG (no Math.random, so every run applies the same mutations)

/** A seeded generator: mulberry32, 32-bit state, period 2^32; plenty for picking rows. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** One element of a non-empty array. */
  pick<T>(xs: readonly T[]): T;
}

/**
 * mulberry32 (Tommy Ettinger's public-domain generator), the usual small seeded PRNG in JS.
 * @example mulberry32(1).int(10) // => the same number on every run
 */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
  };
}

// ---------------------------------------------------------------------------------------------
// A scratch copy of data/

/** A temporary copy of a data folder whose files can be mutated and put back. */
export interface Scratch {
  /** The copy (pass it to validateAll / loadAnalysis). */
  dir: string;
  read(rel: string): string;
  readBytes(rel: string): Buffer;
  write(rel: string, text: string | Buffer): void;
  remove(rel: string): void;
  exists(rel: string): boolean;
  /** Puts back every file touched since the last restore (and removes files that were added). */
  restore(): void;
  /** Deletes the copy. */
  dispose(): void;
}

/** Copies `dataDir` into a fresh temporary folder. */
export function scratchCopy(dataDir: string): Scratch {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "selloff-mutate-"));
  const dir = path.join(root, "data");
  fs.cpSync(dataDir, dir, { recursive: true });
  const original = new Map<string, Buffer | null>();
  const abs = (rel: string) => path.join(dir, rel);
  const remember = (rel: string) => {
    if (!original.has(rel)) original.set(rel, fs.existsSync(abs(rel)) ? fs.readFileSync(abs(rel)) : null);
  };
  return {
    dir,
    read: (rel) => fs.readFileSync(abs(rel), "utf8"),
    readBytes: (rel) => fs.readFileSync(abs(rel)),
    write(rel, text) {
      remember(rel);
      fs.writeFileSync(abs(rel), text);
    },
    remove(rel) {
      remember(rel);
      fs.rmSync(abs(rel), { force: true });
    },
    exists: (rel) => fs.existsSync(abs(rel)),
    restore() {
      for (const [rel, bytes] of original) {
        if (bytes === null) fs.rmSync(abs(rel), { force: true });
        else fs.writeFileSync(abs(rel), bytes);
      }
      original.clear();
    },
    dispose: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

// ---------------------------------------------------------------------------------------------
// CSV as raw fields

/** A CSV file as raw fields: the header and the rows, each a list of strings. */
export interface Table {
  header: string[];
  rows: string[][];
}

/** Parses CSV text into raw fields (the project's own splitter; the text must be valid CSV). */
export function toTable(text: string): Table {
  // copies: the parsed records are shared (and frozen) by splitCsvRecords' memory
  const [head, ...body] = splitCsvRecords(text, "mutate");
  return { header: [...head.fields], rows: body.map((r) => [...r.fields]) };
}

/** One CSV line per record, fields quoted only where needed, LF line ends. */
export function fromTable(t: Table, eol = "\n", between = eol): string {
  return [t.header, ...t.rows].map((r) => r.map(csvField).join(",")).join(between) + eol;
}

/** The index of column `name`; throws when the file has no such column (a bug in the test). */
export function col(t: Table, name: string): number {
  const k = t.header.indexOf(name);
  if (k < 0) throw new Error(`no column ${name} in ${t.header.join(",")}`);
  return k;
}

// ---------------------------------------------------------------------------------------------
// The mutations

/**
 * What a mutation should lead to: `reject` when the data is certainly broken, `accept` when it
 * only changes the form (CRLF, blank lines, quoting), `any` otherwise.
 */
export type Expect = "reject" | "accept" | "any";

/** One mutation: the file it targets, what it does, and whether validation must reject it. */
export interface Mutation {
  /** The targeted data file (relative to data/), e.g. "claims.csv" or "articles/<id>.txt". */
  target: string;
  /** The operator, e.g. "non-number". */
  op: string;
  expect: Expect;
  /** For a rejection: one of the problems listed must match this (the message the mutation is about). */
  message?: RegExp;
  /**
   * Applies the mutation to the scratch copy and returns a description of what changed
   * ("line 12 low: \"6O,000\""), or null when the operator does not apply (nothing written).
   */
  apply(s: Scratch, rng: Rng): string | null;
}

/** The CSV data files, with their number, reference, vocabulary, text, date and enum columns. */
interface CsvSpec {
  numbers: string[];
  refs: string[];
  vocab: string[];
  texts: string[];
  dates: string[];
  enums: string[];
  /** True when each row has a unique key, so a duplicated row must be rejected. */
  keyed: boolean;
}

export const CSV_SPECS: Record<string, CsvSpec> = {
  "claims.csv": { numbers: ["low", "high"], refs: ["article", "section"], vocab: ["subject", "metric", "window", "unit", "qualifier"], texts: ["quote", "raw"], dates: ["as_of"], enums: [], keyed: true },
  "checks.csv": { numbers: [], refs: ["inputs", "result"], vocab: [], texts: [], dates: [], enums: ["kind", "params"], keyed: true },
  "articles.csv": { numbers: ["seed_start", "seed_end"], refs: ["id"], vocab: [], texts: [], dates: ["published"], enums: [], keyed: true },
  "sections.csv": { numbers: ["order", "level"], refs: ["article"], vocab: [], texts: ["starts_with"], dates: [], enums: ["kind", "level"], keyed: true },
  "vocabulary.csv": { numbers: [], refs: [], vocab: [], texts: [], dates: [], enums: ["field"], keyed: true },
  "claims-excluded.csv": { numbers: [], refs: ["article"], vocab: [], texts: ["context"], dates: [], enums: [], keyed: false },
  "independent.csv": { numbers: ["low", "high"], refs: ["claims"], vocab: ["subject", "metric", "window", "unit"], texts: [], dates: ["as_of", "published"], enums: ["tier", "stance", "url", "id", "instrument", "origin"], keyed: true },
  "origins.csv": { numbers: [], refs: ["claims"], vocab: [], texts: [], dates: [], enums: ["origin"], keyed: true },
  "families.csv": { numbers: [], refs: [], vocab: [], texts: [], dates: [], enums: ["levels"], keyed: true },
  "themes.csv": { numbers: [], refs: [], vocab: [], texts: [], dates: [], enums: ["theme"], keyed: true },
  "theme-rules.csv": { numbers: [], refs: ["theme"], vocab: ["subjects", "metrics"], texts: [], dates: [], enums: [], keyed: false },
};

/** The files of declarations (families, themes, theme rules), mutated after all the others. */
const DECLARATION_FILES = ["families.csv", "themes.csv", "theme-rules.csv"];

/** Values that are not numbers in the strict sense of parseNumberField. */
export const NON_NUMBERS = ["abc", "6O,000", "1,000", "$5", "5%", " 5", "5 ", "NaN", "Infinity", "-Infinity", "-", "1e999", "0x10", "--1", "1..2", "½", "５", "1e", "+-3"];
/** Numbers that parse but are extreme: validation may accept them, and then no verdict may be NaN. */
export const EXTREME_NUMBERS = ["0", "-0", "1e300", "-1e300", "1e-300", "0.000001", "999999999999999999999", "+5"];
const UNKNOWN = "no-such-thing";

/**
 * A value near `x` that `text` does not print: x moved by a tenth of its leading digit's unit
 * (60000 -> 59000, -52 -> -51, 0.73 -> 0.72), as the example. Null (the mutation does not
 * apply) when that value's digits occur in the text, or when it is a small whole number or 50 or
 * 100 that words could stand for ("seven", "halved", "doubling").
 * @example offPrinted(60000, "$60,000") // => "59000"
 */
export function offPrinted(x: number, text: string): string | null {
  if (!Number.isFinite(x) || x === 0) return null;
  const step = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 1);
  const moved = Number((Math.sign(x) * (Math.abs(x) - step)).toPrecision(12));
  const m = Math.abs(moved);
  if (text.replace(/[,.]/g, "").includes(String(m).replace(".", ""))) return null;
  if ((Number.isInteger(m) && m <= 20) || m === 50 || m === 100) return null;
  return String(moved);
}

/** Applies `f` to one random row of a CSV file (rows passing `ok` only); null when none passes. */
function editRow(s: Scratch, file: string, rng: Rng, f: (t: Table, row: string[]) => string | null, ok: (t: Table, row: string[]) => boolean = () => true): string | null {
  const t = toTable(s.read(file));
  const candidates = t.rows.map((r, k) => k).filter((k) => ok(t, t.rows[k]));
  if (candidates.length === 0) return null;
  const k = rng.pick(candidates);
  const what = f(t, t.rows[k]);
  if (what === null) return null;
  s.write(file, fromTable(t));
  return `line ${k + 2} ${what}`;
}

/** Sets one field of a random row. */
function setField(s: Scratch, file: string, rng: Rng, field: string, value: (old: string, t: Table, row: string[]) => string, ok?: (t: Table, row: string[]) => boolean): string | null {
  return editRow(
    s,
    file,
    rng,
    (t, row) => {
      const k = col(t, field);
      const v = value(row[k], t, row);
      if (v === row[k]) return null;
      row[k] = v;
      return `${field}: ${JSON.stringify(v)}`;
    },
    ok,
  );
}

/** The raw text of a CSV file with one record's line edited (records are one line each in our files). */
function editLine(s: Scratch, file: string, rng: Rng, f: (line: string) => string | null, bodyOnly = true): string | null {
  const lines = s.read(file).split("\n");
  const candidates = lines.map((l, k) => k).filter((k) => lines[k] !== "" && (!bodyOnly || k > 0));
  const k = rng.pick(candidates);
  const out = f(lines[k]);
  if (out === null) return null;
  lines[k] = out;
  s.write(file, lines.join("\n"));
  return `line ${k + 1}: ${JSON.stringify(out.slice(0, 60))}`;
}

/** Mutations that make sense for any CSV file. */
function genericCsv(file: string): Mutation[] {
  const spec = CSV_SPECS[file];
  const m = (op: string, expect: Expect, apply: Mutation["apply"]): Mutation => ({ target: file, op, expect, apply });
  return [
    m("unchanged (rewritten)", "accept", (s) => (s.write(file, fromTable(toTable(s.read(file)))), "same rows, quoting normalised")),
    // Excel's "CSV UTF-8" (issue 16): a BOM and CRLF line ends, read like the original
    m("byte-order mark", "accept", (s) => (s.write(file, "\uFEFF" + s.read(file)), "BOM prepended")),
    m("byte-order mark and CRLF line ends", "accept", (s) => (s.write(file, "\uFEFF" + s.read(file).replace(/\r?\n/g, "\r\n")), "BOM prepended, every LF -> CRLF")),
    m("CRLF line ends", "accept", (s) => (s.write(file, s.read(file).replace(/\r?\n/g, "\r\n")), "every LF -> CRLF, also inside quoted fields")),
    m("empty file", "reject", (s) => (s.write(file, ""), "0 bytes")),
    m("whitespace only", "reject", (s) => (s.write(file, " \n\n"), "blank lines only")),
    m("deleted header", "reject", (s) => (s.write(file, s.read(file).split("\n").slice(1).join("\n")), "first line removed")),
    m("header only", "any", (s) => (s.write(file, s.read(file).split("\n")[0] + "\n"), "every row removed")),
    m("renamed header column", "reject", (s, rng) => {
      const t = toTable(s.read(file));
      const k = rng.int(t.header.length);
      t.header[k] = `${t.header[k]}_x`;
      s.write(file, fromTable(t));
      return `column ${k + 1} -> ${t.header[k]}`;
    }),
    m("duplicated header column", "reject", (s, rng) => {
      const t = toTable(s.read(file));
      const k = rng.int(t.header.length);
      const j = (k + 1 + rng.int(t.header.length - 1)) % t.header.length;
      t.header[j] = t.header[k];
      s.write(file, fromTable(t));
      return `column ${j + 1} renamed ${t.header[k]}`;
    }),
    m("truncated file", "any", (s, rng) => {
      const text = s.read(file);
      const at = 1 + rng.int(text.length - 1);
      s.write(file, text.slice(0, at));
      return `cut at char ${at} of ${text.length}`;
    }),
    m("truncated mid-record", "reject", (s, rng) =>
      // cut inside a record, before its last comma: the last record then has too few fields
      {
        const text = s.read(file);
        const lines = text.split("\n");
        const k = 1 + rng.int(lines.length - 2);
        const lastComma = lines[k].lastIndexOf(",");
        if (lastComma < 1) return null;
        s.write(file, [...lines.slice(0, k), lines[k].slice(0, 1 + rng.int(lastComma))].join("\n"));
        return `cut inside line ${k + 1}`;
      },
    ),
    m("missing field", "reject", (s, rng) =>
      editRow(s, file, rng, (t, row) => {
        row.splice(rng.int(row.length), 1);
        return `${row.length} fields`;
      }),
    ),
    m("extra field", "reject", (s, rng) =>
      editRow(s, file, rng, (t, row) => {
        row.splice(rng.int(row.length + 1), 0, "extra");
        return `${row.length} fields`;
      }),
    ),
    m("swapped columns", "any", (s, rng) =>
      editRow(s, file, rng, (t, row) => {
        const k = rng.int(row.length);
        const j = (k + 1 + rng.int(row.length - 1)) % row.length;
        if (row[k] === row[j]) return null;
        [row[k], row[j]] = [row[j], row[k]];
        return `${t.header[k]} <-> ${t.header[j]}`;
      }),
    ),
    m("duplicated row", spec.keyed ? "reject" : "any", (s, rng) =>
      editRow(s, file, rng, (t, row) => {
        t.rows.push([...row]);
        return "appended again at the end";
      }),
    ),
    m("deleted row", "any", (s, rng) =>
      editRow(s, file, rng, (t, row) => {
        t.rows.splice(t.rows.indexOf(row), 1);
        return "removed";
      }),
    ),
    m("blank lines between rows", "accept", (s) => (s.write(file, fromTable(toTable(s.read(file)), "\n", "\n\n")), "a blank line after every record")),
    m("line breaks inside quoted fields doubled", "any", (s) => (s.write(file, s.read(file).replace(/\n/g, "\n\n")), "every LF -> LF LF")),
    m("stray quote in a field", "reject", (s, rng) =>
      editLine(s, file, rng, (line) => {
        const at = 1 + rng.int(line.length - 1);
        return `${line.slice(0, at)}"${line.slice(at)}`;
      }),
    ),
    m("unterminated quote", "reject", (s, rng) =>
      editLine(s, file, rng, (line) => {
        const commas = [...line.matchAll(/,/g)].map((x) => x.index!);
        const at = commas.length > 0 ? rng.pick(commas) + 1 : 0;
        if (line[at] === '"') return null;
        return `${line.slice(0, at)}"${line.slice(at)}`;
      }),
    ),
    m("closing quote removed", "reject", (s, rng) => {
      const text = s.read(file);
      const closers = [...text.matchAll(/"(?=,|\n)/g)].map((x) => x.index!);
      if (closers.length === 0) return null;
      const at = rng.pick(closers);
      s.write(file, text.slice(0, at) + text.slice(at + 1));
      return `quote at char ${at} removed`;
    }),
    m("padded field", "any", (s, rng) =>
      editRow(s, file, rng, (t, row) => {
        const k = rng.int(row.length);
        row[k] = ` ${row[k]} `;
        return `${t.header[k]} padded with spaces`;
      }),
    ),
    m("emptied field", "any", (s, rng) =>
      editRow(s, file, rng, (t, row) => {
        const k = rng.int(row.length);
        if (row[k] === "") return null;
        row[k] = "";
        return `${t.header[k]} emptied`;
      }),
    ),
    m("field with a line break", "any", (s, rng) =>
      editRow(s, file, rng, (t, row) => {
        const k = rng.int(row.length);
        row[k] = `${row[k]}\nmore`;
        return `${t.header[k]} + "\\nmore"`;
      }),
    ),
    m("invalid UTF-8 byte", "reject", (s, rng) => {
      const bytes = Buffer.from(s.readBytes(file));
      const at = rng.int(bytes.length);
      bytes[at] = 0xff;
      s.write(file, bytes);
      return `byte ${at} -> 0xff`;
    }),
    m("field with a NUL and control characters", "any", (s, rng) =>
      editRow(s, file, rng, (t, row) => {
        const k = rng.int(row.length);
        row[k] = `${row[k]}\u0000\u0007`;
        return `${t.header[k]} + NUL BEL`;
      }),
    ),
  ];
}

/** Mutations of a file's typed columns (numbers, references, vocabulary terms, quotes, dates, enums). */
function typedCsv(file: string): Mutation[] {
  const spec = CSV_SPECS[file];
  const out: Mutation[] = [];
  const m = (op: string, expect: Expect, apply: Mutation["apply"]) => out.push({ target: file, op, expect, apply });
  const nonEmpty = (f: string) => (t: Table, row: string[]) => row[col(t, f)] !== "";
  for (const f of spec.numbers) {
    m(`non-number in ${f}`, "reject", (s, rng) => setField(s, file, rng, f, () => rng.pick(NON_NUMBERS), nonEmpty(f)));
    m(`extreme number in ${f}`, "any", (s, rng) => setField(s, file, rng, f, () => rng.pick(EXTREME_NUMBERS), nonEmpty(f)));
  }
  if (spec.numbers.includes("low") && spec.numbers.includes("high")) {
    // issue 16: a bound that its printed text does not print ("$60,000" stored as 59000)
    const printed = file === "claims.csv" ? "raw" : "quote";
    for (const f of ["low", "high"]) {
      out.push({
        target: file,
        op: `${f} off its printed figure`,
        expect: "reject",
        message: new RegExp(`^data/${file.replace(".", "\\.")}:\\d+: ${f} -?[\\d.]+ does not match the printed "`),
        apply: (s, rng) =>
          setField(s, file, rng, f, (old, t, row) => offPrinted(Number(old), row[col(t, printed)])!, (t, row) => row[col(t, f)] !== "" && offPrinted(Number(row[col(t, f)]), row[col(t, printed)]) !== null),
      });
    }
    m("low > high", "reject", (s, rng) =>
      editRow(
        s,
        file,
        rng,
        (t, row) => {
          const hi = Number(row[col(t, "high")]);
          row[col(t, "low")] = String(hi + Math.abs(hi) + 1);
          return `low ${row[col(t, "low")]} > high ${hi}`;
        },
        (t, row) => row[col(t, "low")] !== "" && row[col(t, "high")] !== "",
      ),
    );
    m("both bounds empty", "reject", (s, rng) =>
      editRow(s, file, rng, (t, row) => {
        row[col(t, "low")] = "";
        row[col(t, "high")] = "";
        return "low and high emptied";
      }),
    );
  }
  for (const f of spec.refs) {
    m(`unknown id in ${f}`, "reject", (s, rng) =>
      setField(s, file, rng, f, (old) => {
        const ids = old.split(" ").filter(Boolean);
        if (ids.length === 0) return UNKNOWN;
        ids[rng.int(ids.length)] = UNKNOWN;
        return ids.join(" ");
      }, nonEmpty(f)),
    );
  }
  for (const f of spec.vocab) {
    m(`unknown ${f}`, "reject", (s, rng) => setField(s, file, rng, f, () => rng.pick(["furlongs", "circa", "BTCC", "Pct", "usd"])));
  }
  for (const f of spec.texts) {
    m(`${f} no longer matches the article`, "reject", (s, rng) =>
      setField(s, file, rng, f, (old) => (rng.next() < 0.5 ? `${old} zzq` : old.slice(0, 2) + "Ж" + old.slice(3)), (t, row) => row[col(t, f)].length > 3),
    );
  }
  for (const f of spec.dates) {
    m(`bad date in ${f}`, "reject", (s, rng) => setField(s, file, rng, f, () => rng.pick(["Feb 6", "2026-02-30", "2026-13", "06/02/2026", "2026-02-07/2026-02-01", "2026-2-6"])));
  }
  for (const f of spec.enums) {
    const bad: Record<string, string[]> = {
      kind: ["sum", "percentchange", "Heading", "chapter"],
      params: ["foo=bar", "maintenance_margin=abc", "expected=abc", "parts=some", "=", "as", "order=up", "weekday=Fryday", "since=late-2024", "ref=r999", "ref=crushes-001", "date=Feb-6", "read=maybe"],
      level: ["3", "0", "one"],
      field: ["colour", "Subject", "units"],
      tier: ["blog", "Wire", "tier1"],
      stance: ["agrees", "corroborated"],
      url: ["ftp://x.test/", "www.example.com", "https://a b"],
      id: ["r1", "R001", "x001"],
      instrument: ["options", "Futures", "spot price"],
      origin: ["Deutsche Bank", "coin_glass", "-x", ""],
      levels: ["BTC/low", "BTCC/low/intraday", "BTC/low/", "BTC/low/intraday <=", "BTC/lows/intraday", "BTC/low/intraday||episode"],
      theme: ["Bitcoin levels", "bitcoin_levels", ""],
    };
    m(`unknown ${f}`, f === "params" ? "any" : "reject", (s, rng) => setField(s, file, rng, f, () => rng.pick(bad[f])));
  }
  return out;
}

/** Mutations specific to one file or spanning several. */
function specific(): Mutation[] {
  const m = (target: string, op: string, expect: Expect, apply: Mutation["apply"]): Mutation => ({ target, op, expect, apply });
  return [
    m("vocabulary.csv", "unit without a conversion rule used by a claim", "reject", (s, rng) => {
      s.write("vocabulary.csv", s.read("vocabulary.csv") + "unit,furlongs,a unit with no conversion rule\n");
      return setField(s, "claims.csv", rng, "unit", () => "furlongs");
    }),
    m("vocabulary.csv", "unit without a conversion rule used by an independent figure (allowed: context only)", "any", (s, rng) => {
      s.write("vocabulary.csv", s.read("vocabulary.csv") + "unit,furlongs,a unit with no conversion rule\n");
      return setField(s, "independent.csv", rng, "unit", () => "furlongs");
    }),
    m("vocabulary.csv", "unknown qualifier listed", "reject", (s) => (s.write("vocabulary.csv", s.read("vocabulary.csv") + "qualifier,circa,\n"), "qualifier circa added")),
    m("vocabulary.csv", "term used by claims removed", "reject", (s, rng) => {
      const claims = toTable(s.read("claims.csv"));
      const used = new Set(claims.rows.flatMap((r) => ["subject", "unit", "qualifier"].map((f) => `${f}/${r[col(claims, f)]}`)));
      return editRow(
        s,
        "vocabulary.csv",
        rng,
        (t, row) => {
          t.rows.splice(t.rows.indexOf(row), 1);
          return `${row[0]} ${row[1]} removed`;
        },
        (t, row) => used.has(`${row[0]}/${row[1]}`),
      );
    }),
    m("articles.csv", "seed_end off by one", "reject", (s, rng) => setField(s, "articles.csv", rng, "seed_end", (old) => String(Number(old) + 1))),
    m("checks.csv", "result claim of another dimension", "reject", (s, rng) => {
      const claims = toTable(s.read("claims.csv"));
      const people = claims.rows.filter((r) => r[col(claims, "unit")] === "people").map((r) => r[col(claims, "id")]);
      if (people.length === 0) return null;
      return setField(s, "checks.csv", rng, "result", () => rng.pick(people), (t, row) => row[col(t, "kind")] === "percent_change" && row[col(t, "result")] !== "");
    }),
    m("checks.csv", "claim ids listed twice in inputs", "any", (s, rng) => setField(s, "checks.csv", rng, "inputs", (old) => `${old} ${old}`)),
    ...["0", "-0", "1e-300", "1e300", "-1e300"].map((x) =>
      m("claims.csv", `every input of a check set to ${x} (division by zero, overflow)`, "any", (s, rng) => {
        const checks = toTable(s.read("checks.csv"));
        const check = rng.pick(checks.rows);
        const inputs = new Set(check[col(checks, "inputs")].split(" ").filter(Boolean));
        const t = toTable(s.read("claims.csv"));
        for (const row of t.rows) {
          if (!inputs.has(row[col(t, "id")])) continue;
          for (const f of ["low", "high"]) if (row[col(t, f)] !== "") row[col(t, f)] = x;
        }
        s.write("claims.csv", fromTable(t));
        return `inputs of ${check[col(checks, "id")]} (${check[col(checks, "kind")]}): ${[...inputs].join(" ")}`;
      }),
    ),
    ...["0", "1e300"].map((x) =>
      m("independent.csv", `a source figure and its claims set to ${x}`, "any", (s, rng) => {
        const ind = toTable(s.read("independent.csv"));
        const row = rng.pick(ind.rows);
        for (const f of ["low", "high"]) if (row[col(ind, f)] !== "") row[col(ind, f)] = x;
        s.write("independent.csv", fromTable(ind));
        const linked = new Set(row[col(ind, "claims")].split(" "));
        const t = toTable(s.read("claims.csv"));
        for (const r of t.rows) if (linked.has(r[col(t, "id")])) for (const f of ["low", "high"]) if (r[col(t, f)] !== "") r[col(t, f)] = x;
        s.write("claims.csv", fromTable(t));
        return `${row[col(ind, "id")]} and ${[...linked].join(" ")}`;
      }),
    ),
    // references from checks.csv to independent.csv (r045, r062:-0.68@2026-02-03, ref=r045)
    m("checks.csv", "reference to a missing independent row", "reject", (s, rng) =>
      setField(s, "checks.csv", rng, "inputs", (old) => old.replace(/\br\d{3}\b/, "r999"), (t, row) => /\br\d{3}\b/.test(row[col(t, "inputs")])),
    ),
    m("checks.csv", "reference to a number its quote does not print", "reject", (s, rng) =>
      setField(s, "checks.csv", rng, "inputs", (old) => old.replace(/(\br\d{3}):-?[\d.]+/, "$1:987654.321"), (t, row) => /\br\d{3}:/.test(row[col(t, "inputs")])),
    ),
    m("checks.csv", "reference with an impossible date", "reject", (s, rng) =>
      setField(s, "checks.csv", rng, "inputs", (old) => old.replace(/@\S+/, "@2026-02-30"), (t, row) => /@/.test(row[col(t, "inputs")])),
    ),
    m("checks.csv", "ref= naming a missing independent row", "reject", (s, rng) =>
      setField(s, "checks.csv", rng, "params", (old) => old.replace(/ref=\S+/, "ref=r999"), (t, row) => /ref=/.test(row[col(t, "params")])),
    ),
    m("checks.csv", "date= that is neither a date nor a figure", "reject", (s, rng) =>
      setField(s, "checks.csv", rng, "params", (old) => old.replace(/date=\S+/, "date=6-Feb"), (t, row) => /date=/.test(row[col(t, "params")])),
    ),
    m("independent.csv", "row named by a check removed", "reject", (s, rng) => {
      const checks = toTable(s.read("checks.csv"));
      const named = new Set(checks.rows.flatMap((r) => `${r[col(checks, "inputs")]} ${r[col(checks, "params")]}`.match(/\br\d{3}\b/g) ?? []));
      return editRow(
        s,
        "independent.csv",
        rng,
        (t, row) => {
          t.rows.splice(t.rows.indexOf(row), 1);
          return `${row[0]} removed`;
        },
        (t, row) => named.has(row[col(t, "id")]),
      );
    }),
    m("independent.csv", "claim linked twice", "reject", (s, rng) => setField(s, "independent.csv", rng, "claims", (old) => `${old} ${old.split(" ")[0]}`)),
    m("independent.csv", "a source made a restatement of its claims' own origin", "any", (s, rng) => {
      const origins = toTable(s.read("origins.csv"));
      const own = new Map(origins.rows.flatMap((r) => r[col(origins, "claims")].split(" ").map((c) => [c, r[col(origins, "origin")]] as const)));
      const ownOf = (t: Table, row: string[]) => own.get(row[col(t, "claims")].split(" ").find((c) => own.has(c)) ?? "");
      return setField(s, "independent.csv", rng, "origin", (old, t, row) => ownOf(t, row) ?? old, (t, row) => {
        const o = ownOf(t, row);
        return o !== undefined && o !== row[col(t, "origin")];
      });
    }),
    m("independent.csv", "instrument set to futures", "any", (s, rng) => setField(s, "independent.csv", rng, "instrument", () => "futures")),
    m("independent.csv", "every row of one origin (restatements counted once)", "any", (s) => {
      const t = toTable(s.read("independent.csv"));
      for (const row of t.rows) row[col(t, "origin")] = "one-origin";
      s.write("independent.csv", fromTable(t));
      return `${t.rows.length} rows set to one-origin`;
    }),
    m("origins.csv", "deleted file", "reject", (s) => (s.remove("origins.csv"), "file removed")),
    m("origins.csv", "name emptied", "reject", (s, rng) => setField(s, "origins.csv", rng, "name", () => "")),
    m("origins.csv", "evidence emptied", "reject", (s, rng) => setField(s, "origins.csv", rng, "evidence", () => "")),
    m("origins.csv", "claims emptied", "reject", (s, rng) => setField(s, "origins.csv", rng, "claims", () => "")),
    m("origins.csv", "every claim of the ledger from one origin", "any", (s) => {
      const claims = toTable(s.read("claims.csv"));
      const t = toTable(s.read("origins.csv"));
      t.rows = [["everything", "one origin for all", claims.rows.map((r) => r[col(claims, "id")]).join(" "), "a stress test"]];
      s.write("origins.csv", fromTable(t));
      return `${claims.rows.length} claims`;
    }),
  ];
}

/** Mutations of an article text (and, for a longer text, of its byte range in articles.csv). */
function articleText(id: string): Mutation[] {
  const file = `articles/${id}.txt`;
  const m = (op: string, expect: Expect, apply: Mutation["apply"]): Mutation => ({ target: file, op, expect, apply });
  /** Rewrites the text and the byte range of the article so that only the text changes. */
  const rewrite = (s: Scratch, text: string) => {
    s.write(file, text);
    const t = toTable(s.read("articles.csv"));
    const row = t.rows.find((r) => r[col(t, "id")] === id)!;
    row[col(t, "seed_end")] = String(Number(row[col(t, "seed_start")]) + Buffer.byteLength(text));
    s.write("articles.csv", fromTable(t));
  };
  const quotes = (s: Scratch) => {
    const t = toTable(s.read("claims.csv"));
    return t.rows.filter((r) => r[col(t, "article")] === id).map((r) => r[col(t, "quote")]);
  };
  return [
    m("empty text", "reject", (s) => (s.write(file, ""), "0 bytes")),
    m("deleted text", "reject", (s) => (s.remove(file), "file removed")),
    m("byte-order mark", "reject", (s) => (s.write(file, "\uFEFF" + s.read(file)), "BOM prepended")),
    m("CRLF line ends", "reject", (s) => (s.write(file, s.read(file).replace(/\n/g, "\r\n")), "byte length changes")),
    m("truncated", "reject", (s, rng) => {
      const text = s.read(file);
      const at = rng.int(text.length);
      s.write(file, text.slice(0, at));
      return `cut at char ${at}`;
    }),
    m("quote no longer matches (same byte length)", "reject", (s, rng) => {
      const text = s.read(file);
      const q = rng.pick(quotes(s));
      const at = text.indexOf(q);
      const k = [...q].findIndex((c) => /[a-z]/.test(c));
      if (at < 0 || k < 0) return null;
      const c = q[k] === "x" ? "y" : "x";
      s.write(file, text.slice(0, at + k) + c + text.slice(at + k + 1));
      return `${JSON.stringify(q)}: char ${k} -> ${c}`;
    }),
    m("quote no longer matches (byte range updated)", "reject", (s, rng) => {
      // only quotes with a digit change when a digit is dropped ("with trillions in market value erased" has none)
      const withDigits = quotes(s).filter((x) => /\d/.test(x));
      if (withDigits.length === 0) return null;
      const q = rng.pick(withDigits);
      rewrite(s, s.read(file).replace(q, q.replace(/\d/, "")));
      return `a digit dropped from ${JSON.stringify(q)}`;
    }),
    m("uncovered number added (byte range updated)", "reject", (s) => (rewrite(s, s.read(file) + "\nBitcoin fell 12.5% on Tuesday.\n"), "a sentence with 12.5% appended")),
    m("number-free sentence added (byte range updated)", "any", (s) => (rewrite(s, s.read(file) + "\nTraders stayed cautious.\n"), "a sentence without numbers appended")),
    m("quote duplicated (byte range updated)", "reject", (s, rng) => {
      const q = rng.pick(quotes(s));
      rewrite(s, `${s.read(file)}\n${q}\n`);
      return `${JSON.stringify(q)} appended`;
    }),
    m("invalid UTF-8 byte", "reject", (s, rng) => {
      const b = s.readBytes(file);
      const at = rng.int(b.length);
      const out = Buffer.from(b);
      out[at] = 0xff;
      s.write(file, out);
      return `byte ${at} -> 0xff`;
    }),
  ];
}

/** Every mutation, `rounds` times over (each round draws other rows and values). */
export function allMutations(articleIds: readonly string[], rounds: number): Mutation[] {
  const perRound: Mutation[] = [];
  for (const file of Object.keys(CSV_SPECS).filter((f) => !DECLARATION_FILES.includes(f))) perRound.push(...genericCsv(file), ...typedCsv(file));
  perRound.push(...specific());
  for (const id of articleIds) perRound.push(...articleText(id));
  // the declaration files came later (issue 13): their mutations go last, so that every other
  // mutation keeps its index and therefore the rows and values its seeded generator draws
  for (const file of DECLARATION_FILES) perRound.push(...genericCsv(file), ...typedCsv(file));
  const out: Mutation[] = [];
  for (let r = 0; r < rounds; r++) out.push(...perRound);
  return out;
}
