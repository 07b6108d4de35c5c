/**
 * Declarations that are data, not code: the near-miss families the reconciliation judges
 * (data/families.csv), the themes it is shown in (data/themes.csv) and the rules that sort a
 * reconciliation into a theme (data/theme-rules.csv). A new article, a new family or a new theme
 * needs an edit of these files only. Every row is checked against data/vocabulary.csv; each
 * problem is a DataError `file:line: field problem`, and a row with a problem is left out.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { DataError, decodeUtf8, parseCsv, type CsvTable } from "./csv";
import type { FamilySelector, FamilySpec, Theme, ThemeRule } from "./types";

export const FAMILY_COLUMNS = ["family", "title", "levels", "why"] as const;
export const THEME_COLUMNS = ["theme", "title"] as const;
export const THEME_RULE_COLUMNS = ["theme", "subjects", "metrics"] as const;

/** What data/families.csv, data/themes.csv and data/theme-rules.csv declare. */
export interface Declarations {
  families: FamilySpec[];
  themes: Theme[];
  themeRules: ThemeRule[];
}

/** The vocabulary terms a declaration may use, by field (subject, metric, window). */
export type VocabularySets = ReadonlyMap<string, ReadonlySet<string>>;

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Reads one CSV file of `dataDir` (named `data/<name>` in messages), or pushes the problem and
 * returns null.
 */
export function readTable(dataDir: string, name: string, columns: readonly string[], errors: DataError[]): CsvTable | null {
  const file = path.join(dataDir, name);
  // files are named by their place in the project (data/claims.csv), also when a copy is read
  const label = `data/${name}`;
  if (!fs.existsSync(file)) {
    errors.push(new DataError(label, 0, "", "does not exist"));
    return null;
  }
  try {
    return parseCsv(decodeUtf8(fs.readFileSync(file), label), label, columns);
  } catch (e) {
    if (e instanceof DataError) {
      errors.push(e);
      return null;
    }
    throw e;
  }
}

/**
 * The levels of a family as written in data/families.csv: levels joined by `<=` (each at most
 * the next), a level's selectors joined by `+`, a selector `subject/metric/window`, several
 * windows joined by `|`. Throws a plain Error naming the first part that does not parse.
 * @example parseFamilyLevels("BTC/low/intraday|episode") // => [[{ subject: "BTC", metric: "low", windows: ["intraday", "episode"] }]]
 * @example parseFamilyLevels("a/m/24h <= b/m/3d").length // => 2
 */
export function parseFamilyLevels(text: string): FamilySelector[][] {
  if (text.trim() === "") throw new Error("is empty");
  return text.split("<=").map((level) =>
    level.split("+").map((part) => {
      const bits = part.trim().split("/");
      if (bits.length !== 3 || bits.some((b) => b.trim() === "")) {
        throw new Error(`${JSON.stringify(part.trim())} is not subject/metric/window (several windows joined by |)`);
      }
      const windows = bits[2].split("|").map((w) => w.trim());
      if (windows.some((w) => w === "")) throw new Error(`${JSON.stringify(part.trim())} has an empty window`);
      return { subject: bits[0].trim(), metric: bits[1].trim(), windows };
    }),
  );
}

/** Space-separated terms of a field ("" → []). */
function terms(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/**
 * Reads and checks data/families.csv, data/themes.csv and data/theme-rules.csv against the
 * vocabulary, pushing every problem onto `errors`. With `vocab` null (the vocabulary itself is
 * unreadable), terms are not checked.
 */
export function readDeclarations(dataDir: string, vocab: VocabularySets | null, errors: DataError[]): Declarations {
  const err = (t: CsvTable, line: number, field: string, problem: string) => errors.push(new DataError(t.file, line, field, problem));
  const known = (field: string, term: string) => vocab === null || (vocab.get(field)?.has(term) ?? false);

  const families: FamilySpec[] = [];
  const ft = readTable(dataDir, "families.csv", FAMILY_COLUMNS, errors);
  if (ft) {
    const seen = new Set<string>();
    for (const { line, values: v } of ft.rows) {
      const before = errors.length;
      if (!KEBAB.test(v.family)) err(ft, line, "family", `"${v.family}" is not a kebab-case name`);
      else if (seen.has(v.family)) err(ft, line, "family", `"${v.family}" is declared twice`);
      seen.add(v.family);
      if (v.title.trim() === "") err(ft, line, "title", "is empty (name the family in words, as a reader sees it)");
      if (v.why.trim() === "") err(ft, line, "why", "is empty (say why the figures relate)");
      let levels: FamilySelector[][] = [];
      try {
        levels = parseFamilyLevels(v.levels);
      } catch (e) {
        err(ft, line, "levels", (e as Error).message);
      }
      for (const s of levels.flat()) {
        if (!known("subject", s.subject)) err(ft, line, "levels", `subject "${s.subject}" is not a subject of data/vocabulary.csv`);
        if (!known("metric", s.metric)) err(ft, line, "levels", `metric "${s.metric}" is not a metric of data/vocabulary.csv`);
        for (const w of s.windows) if (!known("window", w)) err(ft, line, "levels", `window "${w}" is not a window of data/vocabulary.csv`);
      }
      if (errors.length === before) families.push({ name: v.family, title: v.title.trim(), relation: levels.length > 1 ? "ordered" : "same", levels, why: v.why });
    }
  }

  const themes: Theme[] = [];
  const tt = readTable(dataDir, "themes.csv", THEME_COLUMNS, errors);
  if (tt) {
    for (const { line, values: v } of tt.rows) {
      if (!KEBAB.test(v.theme)) err(tt, line, "theme", `"${v.theme}" is not a kebab-case name`);
      else if (themes.some((t) => t.theme === v.theme)) err(tt, line, "theme", `"${v.theme}" is listed twice`);
      else if (v.title.trim() === "") err(tt, line, "title", "is empty");
      else themes.push({ theme: v.theme, title: v.title });
    }
  }

  const themeRules: ThemeRule[] = [];
  const rt = readTable(dataDir, "theme-rules.csv", THEME_RULE_COLUMNS, errors);
  if (rt) {
    for (const { line, values: v } of rt.rows) {
      const before = errors.length;
      if (tt && !tt.rows.some((r) => r.values.theme === v.theme)) err(rt, line, "theme", `"${v.theme}" is not a theme of data/themes.csv`);
      const subjects = terms(v.subjects);
      const metrics = terms(v.metrics);
      for (const s of subjects) if (!known("subject", s)) err(rt, line, "subjects", `"${s}" is not a subject of data/vocabulary.csv`);
      for (const m of metrics) if (!known("metric", m)) err(rt, line, "metrics", `"${m}" is not a metric of data/vocabulary.csv`);
      if (errors.length === before) themeRules.push({ theme: v.theme, subjects, metrics, line });
    }
    const last = rt.rows[rt.rows.length - 1];
    if (!last || terms(last.values.subjects).length > 0 || terms(last.values.metrics).length > 0) {
      err(rt, last?.line ?? 0, "", "must end with a catch-all rule (empty subjects and metrics), so every reconciliation has a theme");
    }
  }
  return { families, themes, themeRules };
}
