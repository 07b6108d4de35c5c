/**
 * Declarations as data (src/data/declarations.ts): data/families.csv, data/themes.csv and
 * data/theme-rules.csv are read and checked against the vocabulary; every problem names file,
 * line and field. Copies of data/ live in a temporary folder.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseFamilyLevels } from "../../src/data/declarations";
import { loadLedger, readLedger } from "../../src/data/ledger";
import { DATA_DIR } from "../../src/data/paths";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "selloff-declarations-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A copy of data/ with one file replaced; returns the problems readLedger finds. */
function problemsWith(file: string, text: string): string[] {
  const dir = path.join(scratch, `${file}-${Math.random().toString(36).slice(2)}`);
  fs.cpSync(DATA_DIR, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
  return readLedger(dir).errors.map((e) => e.message);
}

describe("data/families.csv", () => {
  it("declares the five near-miss families; levels joined by <= are ordered, one level is the same quantity", () => {
    const families = loadLedger().families;
    // an after-hours move and the next session's move are different measures (issue 12, rule 4): no family joins them
    expect(families.map((f) => f.name)).toEqual(["liquidations", "btc-trough", "silver-rout", "btc-nasdaq-correlation", "crypto-market-loss"]);
    const liq = families[0]!;
    expect(liq.relation).toBe("ordered");
    expect(liq.levels).toEqual([
      [{ subject: "BTC", metric: "liquidations", windows: ["24h"] }],
      [{ subject: "crypto_market", metric: "liquidations", windows: ["24h"] }],
      [{ subject: "crypto_market", metric: "liquidations", windows: ["3d"] }],
    ]);
    expect(families[1]).toMatchObject({ name: "btc-trough", relation: "same", levels: [[{ subject: "BTC", metric: "low", windows: ["intraday", "episode"] }]] });
  });

  it("parseFamilyLevels reads selectors joined by + and names a part that does not parse", () => {
    expect(parseFamilyLevels("a/m/x + b/m/y|z")).toEqual([[{ subject: "a", metric: "m", windows: ["x"] }, { subject: "b", metric: "m", windows: ["y", "z"] }]]);
    expect(() => parseFamilyLevels("BTC/low")).toThrow(/"BTC\/low" is not subject\/metric\/window/);
    expect(() => parseFamilyLevels("BTC/low/a||b")).toThrow(/has an empty window/);
  });

  it("a bad row is named by file, line and field, and a term outside the vocabulary is refused", () => {
    const problems = problemsWith(
      "families.csv",
      "family,title,levels,why\nok-one,One,BTC/low/intraday,fine\nBad Name,Bad,BTC/low/intraday,x\nthird,Third,BTCX/low/intraday <= BTC/lows/zz,x\nok-one, ,BTC/low/intraday,\n",
    );
    expect(problems).toEqual([
      'data/families.csv:3: family "Bad Name" is not a kebab-case name',
      'data/families.csv:4: levels subject "BTCX" is not a subject of data/vocabulary.csv',
      'data/families.csv:4: levels metric "lows" is not a metric of data/vocabulary.csv',
      'data/families.csv:4: levels window "zz" is not a window of data/vocabulary.csv',
      'data/families.csv:5: family "ok-one" is declared twice',
      "data/families.csv:5: title is empty (name the family in words, as a reader sees it)",
      "data/families.csv:5: why is empty (say why the figures relate)",
    ]);
  });
});

describe("data/themes.csv and data/theme-rules.csv", () => {
  it("a rule naming an unknown theme or term, and rules without a final catch-all, are refused", () => {
    expect(problemsWith("theme-rules.csv", "theme,subjects,metrics\nnope,BTC,\nmetals,silver,lowz\n")).toEqual([
      'data/theme-rules.csv:2: theme "nope" is not a theme of data/themes.csv',
      'data/theme-rules.csv:3: metrics "lowz" is not a metric of data/vocabulary.csv',
      "data/theme-rules.csv:3: must end with a catch-all rule (empty subjects and metrics), so every reconciliation has a theme",
    ]);
  });

  it("a theme listed twice or without a title is refused", () => {
    expect(problemsWith("themes.csv", "theme,title\nmetals,Metals\nmetals,Again\nother,\n")).toEqual(
      expect.arrayContaining(['data/themes.csv:3: theme "metals" is listed twice', "data/themes.csv:4: title is empty"]),
    );
  });

  it("a missing declarations file is one file-level problem", () => {
    const dir = path.join(scratch, "missing");
    fs.cpSync(DATA_DIR, dir, { recursive: true });
    fs.rmSync(path.join(dir, "families.csv"));
    expect(readLedger(dir).errors.map((e) => e.message)).toEqual(["data/families.csv: does not exist"]);
  });
});
