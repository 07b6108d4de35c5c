/**
 * The extractor's measured recall and precision on the five ledger articles, pinned so that they
 * cannot fall silently (README, "Adding a new article"). Each article is extracted from its own
 * text alone; its ledger rows are only the answer key (src/extract/measure.ts defines recall:
 * same place and same value; precision: real figures, chrome and names not counting).
 *
 * The pinned counts are the ones measured when the extractor was written (`npm run -s extract --
 * --measure`); a change that finds fewer ledger figures, or proposes more that are not real,
 * fails here. The floor (90% recall, 75% precision) is checked as well.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { measureLedger, type ArticleMeasure } from "../../src/extract/measure";
import { loadLedger } from "../../src/data/ledger";

/** Measured: found of claims, real of proposals (the README table). */
const PINNED: Record<string, { found: number; claims: number; real: number; proposals: number }> = {
  "gate-selloff-crushes": { found: 63, claims: 63, real: 57, proposals: 57 },
  "gate-risk-off-cycle": { found: 25, claims: 25, real: 25, proposals: 25 },
  "tradingkey-ai-bubble": { found: 19, claims: 20, real: 19, proposals: 19 },
  "gmteight-2t-wiped": { found: 16, claims: 16, real: 16, proposals: 17 },
  "nakamoto-570k-liquidated": { found: 53, claims: 56, real: 54, proposals: 54 },
};

describe("extractor recall and precision on the five articles (own rows set aside)", () => {
  const ledger = loadLedger();
  let measures: ArticleMeasure[] = [];
  // the library takes a few seconds for the five texts (more on a loaded machine)
  beforeAll(() => {
    measures = measureLedger(ledger, "recognizers");
  }, 120_000);
  const of = (id: string) => {
    const m = measures.find((x) => x.article === id);
    if (!m) throw new Error(`no measure for ${id}`);
    return m;
  };

  it.each(Object.keys(PINNED))("%s: recall and precision do not fall below the measured figures", (id) => {
    const m = of(id);
    const pin = PINNED[id];
    expect(m.claims, "ledger claims of the article").toBe(pin.claims);
    expect(m.found, `found; missed: ${m.missed.join(", ")}`).toBeGreaterThanOrEqual(pin.found);
    // more proposals may only come with as many more real ones: not-real proposals may not grow
    expect(m.candidates - m.real, `not real: ${JSON.stringify(m.notReal)}`).toBeLessThanOrEqual(pin.proposals - pin.real);
    expect(m.real).toBeGreaterThanOrEqual(pin.real);
  });

  it.each(Object.keys(PINNED))("%s: at least 90% recall and 75% precision", (id) => {
    const m = of(id);
    expect(m.recall).toBeGreaterThanOrEqual(0.9);
    expect(m.precision).toBeGreaterThanOrEqual(0.75);
  });

  it("the articles measured are the ledger's five", () => {
    expect(ledger.articles.map((a) => a.id).sort()).toEqual(Object.keys(PINNED).sort());
  });
});
