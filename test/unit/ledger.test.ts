/**
 * The ledger loader on the real data (it must be valid and complete) and on broken copies
 * (every problem named by file, line and field; never a silent NaN).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { claimsFrame, loadLedger, readLedger } from "../../src/data/ledger";
import { uncoveredTokens } from "../../src/data/numbers";
import { DATA_DIR, ROOT } from "../../src/data/paths";

const SEEDS = path.resolve(ROOT, "..", "shared", "seeds");
const tmpDirs: string[] = [];
afterEach(() => {
  for (const d of tmpDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A copy of data/ in which `file` has been changed by `edit`. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selloff-ledger-"));
  tmpDirs.push(dir);
  fs.cpSync(DATA_DIR, dir, { recursive: true });
  const p = path.join(dir, file);
  fs.writeFileSync(p, edit(fs.readFileSync(p, "utf8")));
  return dir;
}

/** Replaces field `field` of the claims.csv row whose id is `id`. */
function setClaimField(text: string, id: string, field: string, value: string): string {
  const lines = text.split("\n");
  const header = lines[0].split(",");
  const k = header.indexOf(field);
  const i = lines.findIndex((l) => l.startsWith(`${id},`));
  // the test rows chosen below have no quoted commas before the edited field
  const cells = lines[i].split(",");
  cells[k] = value;
  lines[i] = cells.join(",");
  return lines.join("\n");
}

const messages = (dir: string) => readLedger(dir).errors.map((e) => e.message);

describe("the ledger in data/", () => {
  const ledger = loadLedger();

  it("loads without a problem: five articles, their sections, about two hundred claims", () => {
    expect(ledger.articles.map((a) => a.id)).toEqual([
      "gate-selloff-crushes",
      "gate-risk-off-cycle",
      "tradingkey-ai-bubble",
      "gmteight-2t-wiped",
      "nakamoto-570k-liquidated",
    ]);
    expect(ledger.claims.length).toBeGreaterThanOrEqual(170);
    for (const a of ledger.articles) expect(ledger.sections.some((s) => s.article === a.id)).toBe(true);
  });

  it("every number in every article body is in a claim quote or an exclusion", () => {
    const missing = ledger.articles.flatMap((a) => uncoveredTokens(a.id, a.text, ledger.claims, ledger.exclusions));
    expect(missing.map((t) => `${t.article}: "${t.text}" in …${t.context}…`)).toEqual([]);
  });

  it("every claim's quote lies in its own section and contains the figure as printed", () => {
    for (const c of ledger.claims) {
      const text = ledger.articles.find((a) => a.id === c.article)!.text;
      const s = ledger.sections.find((x) => x.article === c.article && x.section === c.section)!;
      const at = text.indexOf(c.quote);
      expect(at >= s.start && at < s.end, c.id).toBe(true);
      expect(c.quote.includes(c.raw), c.id).toBe(true);
    }
  });

  it.skipIf(!fs.existsSync(SEEDS) && process.env.CI !== "true")("each article text is its seed's bytes from seed_start to seed_end, byte for byte", () => {
    for (const a of ledger.articles) {
      const seed = fs.readFileSync(path.join(SEEDS, a.seed));
      const text = fs.readFileSync(path.join(DATA_DIR, "articles", `${a.id}.txt`));
      expect(Buffer.compare(seed.subarray(a.seed_start, a.seed_end), text), a.id).toBe(0);
    }
  });

  it("claimsFrame gives a danfojs DataFrame with one row per claim and null for open bounds", () => {
    const df = claimsFrame(ledger.claims);
    expect(df.shape).toEqual([ledger.claims.length, 16]);
    const open = ledger.claims.findIndex((c) => c.high === null);
    expect(open).toBeGreaterThanOrEqual(0);
    expect(df.column("high").values[open]).toBeNull();
  });
});

describe("readLedger on broken data", () => {
  it.each([
    ["a low that is not a number", (t: string) => setClaimField(t, "crushes-005", "low", "6O000"), /^data\/claims\.csv:\d+: low "6O000" is not a number$/],
    ["low greater than high", (t: string) => setClaimField(t, "crushes-005", "low", "99999999"), /^data\/claims\.csv:\d+: low 99999999 is greater than high/],
    ["an unknown unit", (t: string) => setClaimField(t, "crushes-005", "unit", "furlongs"), /^data\/claims\.csv:\d+: unit "furlongs" is not a unit of data\/vocabulary\.csv$/],
    ["an unknown qualifier", (t: string) => setClaimField(t, "crushes-005", "qualifier", "roughly"), /^data\/claims\.csv:\d+: qualifier "roughly" is not a qualifier/],
    ["an unknown article", (t: string) => setClaimField(t, "crushes-005", "article", "no-such-article"), /^data\/claims\.csv:\d+: article "no-such-article" is not an article/],
    ["an unknown section", (t: string) => setClaimField(t, "crushes-005", "section", "no-such-section"), /^data\/claims\.csv:\d+: section "no-such-section" is not a section of gate-selloff-crushes/],
    ["a missing subject", (t: string) => setClaimField(t, "crushes-005", "subject", ""), /^data\/claims\.csv:\d+: subject is empty \(required\)$/],
    ["a bad date", (t: string) => setClaimField(t, "crushes-005", "as_of", "2026-02-30"), /^data\/claims\.csv:\d+: as_of "2026-02-30" is not an ISO date/],
    ["a duplicate id", (t: string) => setClaimField(t, "crushes-006", "id", "crushes-005"), /^data\/claims\.csv:\d+: id "crushes-005" is a duplicate id$/],
  ])("names file, line and field for %s", (_what, edit, pattern) => {
    const dir = brokenCopy("claims.csv", edit);
    const found = messages(dir);
    expect(found.some((m) => pattern.test(m)), found.join("\n")).toBe(true);
  });

  describe("every bound must be a figure its raw prints (issue 16)", () => {
    /** The 1-based line of claim `id` in the real claims.csv (every row there is one line). */
    const lineOf = (id: string) => fs.readFileSync(path.join(DATA_DIR, "claims.csv"), "utf8").split("\n").findIndex((l) => l.startsWith(`${id},`)) + 1;
    /** Sets low and high of claim `id` (its row must hold `from` as both, in this order). */
    const setBounds = (id: string, from: string, to: string) => (t: string) => {
      const out = t.replace(new RegExp(`^(${id},.*),${from},${from},`, "m"), `$1,${to},${to},`);
      expect(out, `${id} not edited`).not.toBe(t);
      return out;
    };

    it("the issue's example: $60,000 stored as 59000 (tradingkey-008) is rejected at low and high", () => {
      const line = lineOf("tradingkey-008");
      const dir = brokenCopy("claims.csv", setBounds("tradingkey-008", "60000", "59000"));
      expect(messages(dir)).toEqual([
        `data/claims.csv:${line}: low 59000 does not match the printed "$60,000"`,
        `data/claims.csv:${line}: high 59000 does not match the printed "$60,000"`,
      ]);
      // the row is left out, so its verdict can no longer turn from disputed into refined
      expect(readLedger(dir).ledger.byId.has("tradingkey-008")).toBe(false);
    });

    it.each([
      // a scale word is read with the unit: "$200 billion" is 200 in USD_bn, not 200000
      ["tradingkey-016", "200", "200000", "$200 billion"],
      // a word figure: "halved" is 50%, not 40%
      ["tradingkey-009", "-50", "-40", "halved"],
      // a spelled number: "three-day" is 3 sessions
      ["crushes-002", "3", "4", "three-day"],
      // a span since a month: September 2020 to December 2025 is 63 months, not 62
      ["tradingkey-015", "63", "62", "since September 2020"],
    ])("%s: %s stored as %s is rejected", (id, from, to, raw) => {
      const line = lineOf(id);
      const dir = brokenCopy("claims.csv", setBounds(id, from, to));
      expect(messages(dir)).toEqual([`data/claims.csv:${line}: low ${to} does not match the printed ${JSON.stringify(raw)}`, `data/claims.csv:${line}: high ${to} does not match the printed ${JSON.stringify(raw)}`]);
    });

    it("the sign is the ledger's convention, not a mismatch: a fall of \"halved\" stored as +50 is not flagged here", () => {
      const dir = brokenCopy("claims.csv", setBounds("tradingkey-009", "-50", "50"));
      expect(messages(dir).filter((m) => /does not match the printed/.test(m))).toEqual([]);
    });
  });

  it("a quote that is no longer in the article is rejected", () => {
    const dir = brokenCopy("claims.csv", (t) => t.replace("Worst three-day rout since April 2025", "Worst three-day rout since May 2025"));
    expect(messages(dir).some((m) => /^data\/claims\.csv:\d+: quote is not found verbatim in data\/articles\/gate-selloff-crushes\.txt/.test(m))).toBe(true);
  });

  it("a missing column is named", () => {
    const dir = brokenCopy("claims.csv", (t) => t.replace(/^id,article,section,quote,subject,metric,window,low,/, "id,article,section,quote,subject,metric,window,lo,"));
    expect(messages(dir)).toContainEqual(expect.stringMatching(/^data\/claims\.csv:1: low is missing from the header/));
  });

  it("the row with a problem is left out, so no verdict can be computed from it", () => {
    const dir = brokenCopy("claims.csv", (t) => setClaimField(t, "crushes-005", "low", "abc"));
    const { ledger } = readLedger(dir);
    expect(ledger.byId.has("crushes-005")).toBe(false);
    expect(ledger.byId.has("crushes-006")).toBe(true);
  });

  it("loadLedger throws every problem at once", () => {
    const dir = brokenCopy("claims.csv", (t) => setClaimField(setClaimField(t, "crushes-005", "unit", "zz"), "crushes-006", "unit", "yy"));
    expect(() => loadLedger(dir)).toThrow(/unit "zz"[\s\S]*unit "yy"|unit "yy"[\s\S]*unit "zz"/);
  });

  it("an exclusion whose context is not in the article is rejected", () => {
    const dir = brokenCopy("claims-excluded.csv", (t) => t.trimEnd() + '\ngate-selloff-crushes,"not in the text 12345",test\n');
    expect(messages(dir)).toContainEqual(expect.stringMatching(/^data\/claims-excluded\.csv:\d+: context is not found verbatim/));
  });

  it("an article whose text file is missing is named", () => {
    const dir = brokenCopy("articles.csv", (t) => t);
    fs.rmSync(path.join(dir, "articles", "gmteight-2t-wiped.txt"));
    expect(messages(dir)).toContainEqual(expect.stringMatching(/^data\/articles\.csv:\d+: id has no article text/));
  });

  it("an uncovered number is reported with its context", () => {
    const found = uncoveredTokens("a", "BTC fell 12% then rose 7%", [{ article: "a", quote: "fell 12%" }], []);
    expect(found.map((t) => [t.text, t.context])).toEqual([["7", "BTC fell 12% then rose 7%"]]);
  });
});
