/**
 * A new article end to end (issue 14), in a scratch copy of the workspace (the tracked files and
 * the built dist/, with node_modules and .venv linked): `add-article` stores the fixture
 * test/fixtures/mini-rout.txt and scaffolds its notebook; the notebook executes through the
 * kernel and exports to HTML (a report of that one notebook); `accept` refuses the unreviewed
 * rows, naming each review-file line, and changes nothing; after the review `accept` moves them
 * into the ledger, which still validates. The real workspace is only read.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatCsv, parseCsv } from "../../src/data/csv";
import { CLAIM_COLUMNS } from "../../src/data/ledger";
import { ROOT } from "../../src/data/paths";
import { validateAll } from "../../src/data/validate";
import { hashTree, listFiles } from "../support/files";

const ID = "mini-rout";
/** The scaffolded notebook: numbered one after the highest committed notebook (00–08 today, so 09). */
let NOTEBOOK = "";
const FIXTURE = path.join(ROOT, "test", "fixtures", "mini-rout.txt");

/**
 * The review of the fixture's candidates, by the figure as printed: what a reviewer writes in
 * (the subject, metric, window and date the text leaves open, and one metric the extractor got
 * wrong: Amazon's fall is a share-price move, not a capex change).
 */
const REVIEW: Record<string, Partial<Record<(typeof CLAIM_COLUMNS)[number], string>>> = {
  "more than 8%": { subject: "BTC", metric: "pct_change", window: "session", as_of: "2026-02-06" },
  "about $60,100": { subject: "BTC", metric: "low", window: "session", as_of: "2026-02-06" },
  "36%": { subject: "ETH", metric: "pct_change", window: "ytd", as_of: "2026-01-01/2026-02-06" },
  "1.8%": { subject: "nasdaq_100", metric: "pct_change", window: "session", as_of: "2026-02-06" },
  "~10–12%": { subject: "amazon", metric: "pct_change", window: "session", as_of: "2026-02-06" },
  $200B: { subject: "amazon", metric: "capex", window: "fy2026", as_of: "2026" },
  "more than 570,000": { subject: "crypto_traders", metric: "liquidated_traders", window: "24h", as_of: "2026-02-06" },
  "exceeded $2.5 billion": { subject: "crypto_market", metric: "liquidations", window: "24h", as_of: "2026-02-06" },
  $126K: { subject: "BTC", metric: "peak", window: "point", as_of: "2025-10" },
  "nearly half": { subject: "BTC", metric: "drawdown", window: "since_peak", as_of: "2026-02-06" },
  "overtake9%": { subject: "BTC", metric: "pct_change", window: "intraday", as_of: "2026-02-06" },
  "below the $65,000": { subject: "BTC", metric: "price", window: "intraday", as_of: "2026-02-06" },
  "60–70%": { subject: "risk_assets", metric: "probability", window: "scenario", as_of: "2026-02-07" },
};

/** The workspace's tracked files (git ls-files; without git, every file outside the generated folders). */
function trackedFiles(): string[] {
  try {
    return execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" }).split("\0").filter(Boolean);
  } catch {
    const skip = /^(\.git|node_modules|\.venv|dist|out.*)$/;
    return fs
      .readdirSync(ROOT, { withFileTypes: true })
      .filter((e) => !skip.test(e.name))
      .flatMap((e) => (e.isDirectory() ? listFiles(path.join(ROOT, e.name)).map((f) => `${e.name}/${f}`) : [e.name]));
  }
}

let scratch = "";
const seconds: Record<string, number> = {};

/** Runs a command of the scratch copy's dist/cli, timing it. */
function cli(script: string, args: string[], label: string) {
  const t0 = Date.now();
  const r = spawnSync("node", [path.join(scratch, "dist", "cli", script), ...args], { cwd: scratch, encoding: "utf8", env: { ...process.env, TZ: "UTC" } });
  seconds[label] = (Date.now() - t0) / 1000;
  return r;
}

beforeAll(() => {
  const t0 = Date.now();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "selloff-add-article-"));
  const tracked = trackedFiles();
  for (const f of tracked) {
    const to = path.join(scratch, f);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(path.join(ROOT, f), to);
  }
  fs.cpSync(path.join(ROOT, "dist"), path.join(scratch, "dist"), { recursive: true });
  for (const link of ["node_modules", ".venv"]) fs.symlinkSync(path.join(ROOT, link), path.join(scratch, link));
  seconds.copy = (Date.now() - t0) / 1000;
  const numbers = fs.readdirSync(path.join(scratch, "notebooks")).map((f) => /^(\d\d)-.*\.ipynb$/.exec(f)?.[1]).filter((n) => n !== undefined);
  NOTEBOOK = `${String(Math.max(...numbers.map(Number)) + 1).padStart(2, "0")}-${ID}`;
});

afterAll(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  console.log(`add-article e2e seconds: ${JSON.stringify(seconds)}`);
});

describe("a new article in one command, reviewed and accepted", () => {
  it("add-article stores the text byte for byte, adds manifest, sections, review files and the next notebook", () => {
    const r = cli("add-article.js", [FIXTURE, "--id", ID, "--title", "Crypto Slides as Tech Sell-Off Spreads", "--outlet", "Test Outlet", "--published", "2026-02-07"], "add-article");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(fs.readFileSync(path.join(scratch, "data", "articles", `${ID}.txt`)).equals(fs.readFileSync(FIXTURE))).toBe(true);
    const manifest = parseCsv(fs.readFileSync(path.join(scratch, "data", "articles.csv"), "utf8"), "data/articles.csv").rows.find((x) => x.values.id === ID);
    expect(manifest?.values.seed_end).toBe(String(fs.statSync(FIXTURE).size));
    // the fixture has two headings after its headline: lead + 2 sections
    const sections = parseCsv(fs.readFileSync(path.join(scratch, "data", "sections.csv"), "utf8"), "data/sections.csv").rows.filter((x) => x.values.article === ID);
    expect(sections.map((s) => s.values.section)).toEqual(["lead", "markets-snapshot-february-6-2026", "why-it-matters-now"]);
    expect(fs.existsSync(path.join(scratch, "data", "candidates", `${ID}.csv`))).toBe(true);
    expect(fs.existsSync(path.join(scratch, "notebooks", `${NOTEBOOK}.ipynb`))).toBe(true);
    // the ticker strip and the comment counter are not proposed: they are excluded as chrome
    const excluded = fs.readFileSync(path.join(scratch, "data", "candidates", `${ID}-excluded.csv`), "utf8");
    expect(excluded).toMatch(/"BTC-2,06%",page chrome: ticker strip/);
    expect(excluded).toMatch(/Reply0,page chrome: comment or reaction counter/);
  });

  it("the scaffolded notebook executes through the kernel and exports to HTML (the data validates while under review)", () => {
    // the report validates data/ first and runs nothing when it does not validate
    expect(validateAll(path.join(scratch, "data"))).toEqual([]);
    const out = path.join(scratch, "out");
    const r = cli("report.js", ["--out", out, path.join("notebooks", `${NOTEBOOK}.ipynb`)], "report");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const page = fs.readFileSync(path.join(out, "notebooks", `${NOTEBOOK}.html`), "utf8");
    expect(page).toContain("Figures in this section");
    expect(page).toContain("Already known of the same quantities");
    // the garble is shown as printed and flagged; an independent source of the same low is rated
    expect(page).toContain("overtake9%");
    expect(page).toContain("garbled (machine translation)");
    expect(page).toMatch(/refined/);
    // ratings on the reader's scale, with their reasons
    expect(page).toContain("Accurate, rounded");
    expect(page).toContain("the precise figure the article rounds");
  });

  it("accept refuses unreviewed rows, naming each line of the review file, and changes nothing", () => {
    const before = hashTree(path.join(scratch, "data"));
    const r = cli("accept.js", [ID], "accept-refused");
    expect(r.status).toBe(1);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines.at(-1)).toMatch(/^accept: \d+ problems found; nothing was changed$/);
    for (const l of lines.slice(0, -1)) expect(l).toMatch(new RegExp(`^data/candidates/${ID}\\.csv:\\d+: (subject|metric|window|unit|as_of) is empty \\(required\\)$`));
    // row 13 (line 14 of the file: header + 12 rows before it) is "60–70%": no subject in its sentence
    expect(lines).toContain(`data/candidates/${ID}.csv:14: subject is empty (required)`);
    expect(hashTree(path.join(scratch, "data"))).toEqual(before);
  });

  it("after the review, accept moves the rows into the ledger, which validates, and removes the review files", () => {
    const file = path.join(scratch, "data", "candidates", `${ID}.csv`);
    const rows = parseCsv(fs.readFileSync(file, "utf8"), "review", CLAIM_COLUMNS).rows.map((x) => x.values);
    expect(rows.map((x) => x.raw).sort()).toEqual(Object.keys(REVIEW).sort());
    fs.writeFileSync(file, formatCsv(CLAIM_COLUMNS, rows.map((x) => ({ ...x, ...REVIEW[x.raw] }))));
    const claimsBefore = fs.readFileSync(path.join(scratch, "data", "claims.csv"), "utf8");
    const r = cli("accept.js", [ID], "accept");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/13 claims appended to data\/claims\.csv, 4 exclusions/);
    const claimsAfter = fs.readFileSync(path.join(scratch, "data", "claims.csv"), "utf8");
    expect(claimsAfter.startsWith(claimsBefore)).toBe(true);
    expect(claimsAfter).toContain(`${ID}-013,${ID},why-it-matters-now,Analysts see a 60–70% chance of a shallow reset,risk_assets,probability,scenario,60,70,pct,range,2026-02-07,60–70%`);
    expect(fs.existsSync(file)).toBe(false);
    expect(validateAll(path.join(scratch, "data"))).toEqual([]);
  });

  it("after accept, the same notebook runs on the ledger's rows", () => {
    const out = path.join(scratch, "out-accepted");
    const r = cli("report.js", ["--out", out, path.join("notebooks", `${NOTEBOOK}.ipynb`)], "report-accepted");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const page = fs.readFileSync(path.join(out, "notebooks", `${NOTEBOOK}.html`), "utf8");
    // the opening is the manifest with the ledger's counts, not the review status
    expect(page).toContain("In the ledger:");
    expect(page).not.toContain("under review");
    expect(page).toContain("Accurate, rounded");
  });
});
