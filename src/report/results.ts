/**
 * The machine-readable results that `npm run report` writes beside the pages, each computed
 * from the data files alone (not from notebook outputs), deterministically sorted.
 */
import { loadAnalysis, type Analysis } from "../domain/analysis";

/** [file name in out/, JSON value, label for the gallery] for each results file. */
export type ResultFile = [string, unknown, string];

/** Builds every results file (README, "Machine-readable results", documents their fields). */
export function buildResults(analysis: Analysis = loadAnalysis()): ResultFile[] {
  const verdicts = analysis.verdicts.map((v) => ({
    id: v.id,
    kind: v.kind,
    statement: v.statement,
    claims: v.claims,
    sources: v.sources,
    claimed: v.claimed,
    claimed_as_printed: v.claimedAsPrinted,
    reference: v.reference,
    computed: v.computed,
    computed_with_rounding: v.computedWithRounding,
    verdict: v.verdict,
    reason: v.reason,
    gap: v.gap,
    working: v.working,
    rating: v.rating,
    explanation: v.explanation,
  }));
  const conflicts = analysis.conflicts.map((c) => ({
    id: c.id,
    subject: c.subject,
    metric: c.metric,
    window: c.window,
    claims: c.claims,
    unit: c.unit,
    intersection: c.intersection,
    consensus: c.consensus,
    spread: c.spread,
    agreeing: c.agreeing,
    verdict: c.verdict,
    reason: c.reason,
    rating: c.rating,
    explanation: c.explanation,
  }));
  const independent = analysis.independent;
  const byId = <T extends { id?: string; claim?: string }>(xs: T[]) => [...xs].sort((a, b) => String(a.id ?? a.claim).localeCompare(String(b.id ?? b.claim)));
  return [
    ["verdicts.json", byId(verdicts), `verdicts.json — ${verdicts.length} recomputation checks with verdicts`],
    ["conflicts.json", byId(conflicts), `conflicts.json — ${conflicts.length} groups of claims reconciled across sources`],
    ["independent.json", byId(independent as unknown as { claim: string }[]), `independent.json — ${independent.length} claims checked against independent reporting`],
  ];
}
