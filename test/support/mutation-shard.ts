/**
 * Issue 7: the loaders under mutation. A seeded PRNG applies a few hundred mutations to every
 * data file of a scratch copy of data/ (never the real one) and each result must be one of two
 * clear outcomes:
 * - rejected clearly: validateAll lists problems, every one a single line starting
 *   `data/<file>[:<line>]: ` (no stack trace, no absolute path), and among them the message the
 *   mutation is about where it names one (a bound moved off its printed figure, issue 16:
 *   `data/claims.csv:97: low 59000 does not match the printed "$60,000"`);
 * - accepted: validateAll finds nothing, the mutation is not one that certainly breaks the
 *   data (a mutation that only changes the form, such as CRLF line ends, must be accepted), and
 *   loadAnalysis succeeds with verdicts, conflicts and independent results free of NaN,
 *   Infinity and undefined (a check whose computation has no value must say "ambiguous").
 * Anything else (a throw, a stray message, broken data let through, a NaN in a verdict) is
 * counted as "other" and must not happen. `MUTATION_LOG=1` prints every mutation and its outcome.
 *
 * The catalogue is run in SHARDS test files (test/data/mutation-<n>.test.ts), so that vitest
 * runs them on every core at once: shard n takes the mutations whose index k has k % SHARDS ==
 * n - 1. Each mutation keeps its index, so it draws the same rows and values whatever the
 * sharding; each shard must touch every data file and stay free of "other" outcomes, and the
 * counts below hold per shard, so that together they hold for the whole catalogue.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAnalysis, readChecks } from "../../src/domain/analysis";
import { readIndependent, readOrigins } from "../../src/data/independent-file";
import { readLedger } from "../../src/data/ledger";
import { DATA_DIR } from "../../src/data/paths";
import { validateAll } from "../../src/data/validate";
import { allMutations, CSV_SPECS, mulberry32, scratchCopy, type Mutation, type Scratch } from "./mutate";

/** How many test files share the catalogue. */
export const SHARDS = 2;

/** The seed of the whole run: change it to explore other rows and values. */
const SEED = 0x5e11_0ff7;
/** One message of the data-error template: `data/claims.csv:17: low "6O,000" is not a number`. */
const MESSAGE = /^data\/[\w./-]+(:\d+)?: /;

type Outcome = "rejected" | "accepted" | "other";

/** Paths of every non-finite number and every undefined value in a JSON-bound object. */
function unsafeValues(x: unknown, at = "$", out: string[] = []): string[] {
  if (x === undefined) out.push(`${at} is undefined`);
  else if (typeof x === "number" && !Number.isFinite(x)) out.push(`${at} is ${x}`);
  else if (Array.isArray(x)) x.forEach((v, k) => unsafeValues(v, `${at}[${k}]`, out));
  else if (x !== null && typeof x === "object") for (const [k, v] of Object.entries(x)) unsafeValues(v, `${at}.${k}`, out);
  return out;
}

/** Everything the loaders read from a data folder, without line numbers (blank lines move them). */
function loadedData(dir: string): string {
  const { ledger } = readLedger(dir);
  const { checks } = readChecks(dir, ledger);
  const { rows } = readIndependent(path.join(dir, "independent.csv"), ledger, "data/independent.csv");
  const { origins } = readOrigins(path.join(dir, "origins.csv"), ledger, "data/origins.csv");
  const { byId: _byId, ...tables } = ledger;
  void _byId;
  return JSON.stringify({ ...tables, checks, rows, origins }, (k, v) => (k === "line" ? undefined : v));
}

/** What the loaders read from the real data/, for mutations that only change the form. */
let baseline = "";

/**
 * Runs validation on the mutated copy and classifies it. When validation accepts, a mutation of
 * the form only must load exactly the original data (cheap); any other runs the whole analysis.
 */
function classify(dir: string, m: Mutation): { outcome: Outcome; why: string } {
  let problems: string[];
  try {
    problems = validateAll(dir);
  } catch (e) {
    return { outcome: "other", why: `validateAll threw: ${(e as Error).stack ?? e}` };
  }
  if (problems.length > 0) {
    const stray = problems.filter((p) => !MESSAGE.test(p) || /[\u0000-\u001f]/.test(p));
    if (stray.length > 0) return { outcome: "other", why: `messages off the template: ${JSON.stringify(stray.slice(0, 3))}` };
    if (m.expect === "accept") return { outcome: "other", why: `data changed only in form rejected: ${problems[0]}` };
    if (m.message && !problems.some((p) => m.message!.test(p))) return { outcome: "other", why: `rejected, but not with ${m.message}: ${problems[0]}` };
    return { outcome: "rejected", why: problems[0] };
  }
  if (m.expect === "reject") return { outcome: "other", why: "broken data accepted by validateAll" };
  if (m.expect === "accept") {
    return loadedData(dir) === baseline ? { outcome: "accepted", why: "" } : { outcome: "other", why: "a change of form only loads other data" };
  }
  try {
    const a = loadAnalysis(dir);
    const json = { verdicts: a.verdicts, conflicts: a.conflicts, independent: a.independent };
    const unsafe = unsafeValues(json);
    const text = JSON.stringify(json);
    if (unsafe.length > 0) return { outcome: "other", why: `loadAnalysis result has ${unsafe.slice(0, 3).join(", ")}` };
    // a null computation (division by zero) is only fine when the verdict says so
    const silent = a.verdicts.filter((v) => v.computed.low === null && v.computed.high === null && v.verdict !== "ambiguous");
    if (silent.length > 0) return { outcome: "other", why: `checks with no computed value but verdict ${silent.map((v) => `${v.id}: ${v.verdict}`).join(", ")}` };
    if (/NaN|undefined|Infinity/.test(text)) return { outcome: "other", why: `loadAnalysis JSON mentions ${/NaN|undefined|Infinity/.exec(text)![0]}` };
  } catch (e) {
    return { outcome: "other", why: `validateAll accepted but loadAnalysis threw: ${(e as Error).message.split("\n")[0]}` };
  }
  return { outcome: "accepted", why: "" };
}

/** The mutation test's cases for shard `shard` (1-based) of SHARDS. */
export function describeMutationShard(shard: number): void {
  describe(`mutated data files (issue 7), shard ${shard} of ${SHARDS}`, () => {
    let scratch: Scratch;
    const articleIds = fs.readdirSync(path.join(DATA_DIR, "articles")).filter((f) => f.endsWith(".txt")).map((f) => f.replace(/\.txt$/, "")).sort();
    const mutations = allMutations(articleIds, 1);
    const mine = (k: number) => k % SHARDS === shard - 1;

    beforeAll(() => {
      scratch = scratchCopy(DATA_DIR);
      baseline = loadedData(DATA_DIR);
    });
    afterAll(() => scratch?.dispose());

    it("the unmutated copy is valid and analyses cleanly (the baseline every mutation starts from)", () => {
      expect(validateAll(scratch.dir)).toEqual([]);
      expect(classify(scratch.dir, { target: "", op: "none", expect: "any", apply: () => "" }).outcome).toBe("accepted");
    });

    it("every mutation of every data file is either rejected with file:line messages or accepted and analysed without NaN", () => {
      const counts: Record<Outcome, number> = { rejected: 0, accepted: 0, other: 0 };
      const others: string[] = [];
      const touched = new Set<string>();
      let tried = 0;
      /** Issue 16: how many bounds moved off their printed figure were rejected with that message. */
      let offPrinted = 0;
      mutations.forEach((m, k) => {
        if (!mine(k)) return;
        const rng = mulberry32((SEED + Math.imul(k, 0x9e3779b1)) >>> 0);
        let what: string | null;
        try {
          what = m.apply(scratch, rng);
          if (what === null) return;
          tried++;
          touched.add(m.target.startsWith("articles/") ? "articles/<id>.txt" : m.target);
          const { outcome, why } = classify(scratch.dir, m);
          counts[outcome]++;
          if (m.message && outcome === "rejected") offPrinted++;
          if (outcome === "other") others.push(`#${k} ${m.target} ${m.op} (${what}): ${why}`);
          if (process.env.MUTATION_LOG) console.log(`#${k} ${outcome} ${m.target} ${m.op} (${what}) ${why}`);
        } finally {
          scratch.restore();
        }
      });
      console.log(`mutations, shard ${shard} of ${SHARDS}: ${tried} tried, ${counts.rejected} rejected clearly, ${counts.accepted} accepted, ${counts.other} other`);
      // 4 and 200 for the whole catalogue (issue 16, issue 7), so 4 / SHARDS and 200 / SHARDS a shard
      expect(offPrinted, "bounds moved off their printed figure, rejected as such").toBeGreaterThanOrEqual(Math.ceil(4 / SHARDS));
      expect(others).toEqual([]);
      expect(counts.other).toBe(0);
      expect(tried).toBeGreaterThanOrEqual(Math.ceil(200 / SHARDS));
      expect([...touched].sort()).toEqual([...Object.keys(CSV_SPECS), "articles/<id>.txt"].sort());
      // the copy is back to its original state after the last restore
      expect(validateAll(scratch.dir)).toEqual([]);
      // a time limit only against a hang: how fast it runs is the benchmark's business
    }, 600_000);
  });
}
