/**
 * Contract tests of the review-aware article context (src/extract/review-view.ts) on the fixture
 * article test/fixtures/mini-rout.txt, added with addArticle to a scratch copy of data/ (the real
 * data/ is only read). While the article is under review its tables come from the candidate rows
 * of data/candidates/mini-rout.csv; every other article's context is ArticleView's, unchanged.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../src/data/paths";
import { loadAnalysis } from "../../src/domain/analysis";
import { addArticle } from "../../src/extract/article";
import { KNOWN_COLUMNS } from "../../src/extract/review";
import { REVIEW_COLUMNS, ReviewView, article } from "../../src/extract/review-view";
import { article as plainArticle } from "../../src/views/context";

const SNAPSHOT = "markets-snapshot-february-6-2026";
let scratch = "";
let view: ReviewView;

/** The rows of a DataFrame as records. */
const records = (df: { columns: string[]; values: unknown }) =>
  (df.values as unknown[][]).map((r) => Object.fromEntries(df.columns.map((c, i) => [c, r[i]])) as Record<string, unknown>);

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "selloff-review-view-"));
  fs.cpSync(path.join(ROOT, "data"), path.join(scratch, "data"), { recursive: true });
  fs.mkdirSync(path.join(scratch, "notebooks"));
  const file = path.join(ROOT, "test", "fixtures", "mini-rout.txt");
  addArticle({ file, id: "mini-rout", title: "Crypto Slides", outlet: "Test Outlet", published: "2026-02-07" }, path.join(scratch, "data"), path.join(scratch, "notebooks"));
  const data = path.join(scratch, "data");
  view = article("mini-rout", loadAnalysis(data), data);
});

afterAll(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe("article(id) while the article is under review", () => {
  it("is under review, and its opening says where the candidates are reviewed and how they are accepted", () => {
    expect(view.underReview).toBe(true);
    expect(view.intro().text).toContain("It is **under review**");
    expect(view.intro().text).toContain("`npm run accept -- mini-rout`");
  });

  it("quotes the candidates of a section (once per sentence, no ids), and says so for a section without any", () => {
    // the fixture's first snapshot sentence gives two figures: "more than 8%" (001) and "about $60,100" (002)
    expect(view.quote(SNAPSHOT).text.split("\n\n")[0]).toBe(
      "> Bitcoin fell more than 8% on Friday and touched a low of about \\$60,100 before buyers returned",
    );
    expect(view.quote("lead").text).toBe("*No figures proposed in this section.*");
  });

  it("table(section) lists the candidates with their reading, rating, reason and what is still to check", () => {
    const t = view.table(SNAPSHOT);
    expect(t.columns).toEqual([...REVIEW_COLUMNS]);
    const rows = records(t);
    expect(rows.map((r) => r.id)).toEqual(["001", "002", "003", "004", "005", "006", "007", "008"].map((n) => `mini-rout-${n}`));
    const byId = new Map(rows.map((r) => [r.id, r]));
    // "about $60,100": every report of the day's low lies within about $60,100 (60,008.52 to 60,187), so it is refined: accurate, rounded
    expect(byId.get("mini-rout-002")).toMatchObject({ figure: "about $60,100", reading: "about $60,100", rating: "accurate_rounded", to_check: "" });
    expect(String(byId.get("mini-rout-002")?.explanation)).toMatch(/^Test Outlet says “about \$60,100”; .* reports “\$60,0\d\d(\.\d\d)?” .*the precise figure the article rounds\.$/);
    // "$200B" for Amazon's 2026 capex: the primary report prints the same $200 billion
    expect(byId.get("mini-rout-006")).toMatchObject({ rating: "accurate", to_check: "" });
    // "36%" has no date yet: not compared, and the reviewer is told what to fill in
    expect(byId.get("mini-rout-003")).toMatchObject({ rating: "unverifiable", to_check: "to review: as_of" });
    expect(String(byId.get("mini-rout-003")?.explanation)).toMatch(/^Not compared yet/);
  });

  it("flags the machine-translation garble among what is still to check", () => {
    const garbled = records(view.table("why-it-matters-now")).find((r) => r.figure === "overtake9%");
    expect(String(garbled?.to_check)).toMatch(/^garbled \(machine translation\); to review: /);
  });

  it("summary(section) counts the candidates, their ratings and those still to review", () => {
    // 8 candidates in 6 passages (001/002 and 005/006 share one); 006 accurate, 002 accurate once rounded,
    // 001 compared with nothing that measures it; 003, 004, 007 and 008 still to review, and 005 too: "Amazon tanked
    // ~10–12% after it unveiled a $200B capex plan" is the share's move (a move verb right before the figure), whose
    // window the sentence does not name. 6 cannot be verified, 5 still to review
    expect(view.summary(SNAPSHOT).text).toBe(
      "This section prints 8 figures in 6 quoted passages. Against independent reporting: 1 accurate, 1 accurate once rounded " +
        "and 6 cannot be verified. 5 figures still to review before it can be compared.",
    );
  });

  it("known(section) rates each pair: another article's figure of the same quantity, and each independent figure", () => {
    const k = view.known(SNAPSHOT);
    expect(k.columns).toEqual([...KNOWN_COLUMNS]);
    const capex = records(k).filter((r) => r.id === "mini-rout-006");
    // TradingKey prints the same "$200 billion" for Amazon's 2026 capex: the pair agrees as printed
    expect(capex.find((r) => r.known_from === "TradingKey · another article")).toMatchObject({ compares: "agree", rating: "accurate" });
    // NewsBytes quotes Amazon's release, "about $200 billion": it confirms the figure
    expect(capex.find((r) => String(r.known_from).startsWith("NewsBytes"))).toMatchObject({ prints: "about $200 billion", compares: "confirmed", rating: "accurate" });
    // candidates still to review are compared with nothing
    expect(records(k).some((r) => r.id === "mini-rout-003")).toBe(false);
  });

  it("names an unknown section", () => {
    expect(() => view.table("no-such-section")).toThrow(/unknown section "no-such-section" of mini-rout/);
    expect(() => view.known("no-such-section")).toThrow(/unknown section "no-such-section"/);
  });
});

describe("article(id) for an article in the ledger", () => {
  it("gives ArticleView's quotes, tables and summaries, and known(section) from its claims", () => {
    const ctx = article("tradingkey-ai-bubble");
    const plain = plainArticle("tradingkey-ai-bubble");
    expect(ctx.underReview).toBe(false);
    expect(ctx.table("summary").values).toEqual(plain.table("summary").values);
    expect(ctx.summary("summary").text).toBe(plain.summary("summary").text);
    expect(ctx.quote("summary").text).toBe(plain.quote("summary").text);
    expect(ctx.intro().text).toBe(plain.intro().text);
    // "$60,000" (tradingkey-008), Bitcoin's low: Reuters' $60,008.52 via The News is among the figures already known
    const known = records(ctx.known("bitcoin-v-reversal"));
    expect(known.find((r) => r.id === "tradingkey-008" && String(r.known_from).startsWith("The News (Pakistan)"))).toMatchObject({ prints: "$60,008.52" });
  });
});
