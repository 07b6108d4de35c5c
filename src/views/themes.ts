/**
 * The reconciliation's themes (data/themes.csv) and the rules that sort a reconciliation into
 * one (data/theme-rules.csv): a new theme or a new subject needs an edit of those files only.
 */
import type { Conflict } from "../domain/reconcile";
import type { Ledger } from "../data/ledger";
import type { Theme, ThemeRule } from "../data/types";
import { sharedAnalysis } from "./shared";
import { conflictRatingLabel } from "../domain/ratings";
import { verdictBarChart, type VerdictBarOptions } from "../charts/verdict-bar";
import { withLegendRoom } from "../charts/decorate";
import type { PlotlyFigure } from "../charts/theme";
import type { RowsInput } from "../render/html";

/** A theme id of data/themes.csv ("bitcoin-levels"). */
export type ConflictTheme = string;

/**
 * The themes in display order, with their titles (data/themes.csv).
 * @example conflictThemes()[0] // => { theme: "bitcoin-levels", title: "Bitcoin levels" }
 */
export function conflictThemes(ledger: Pick<Ledger, "themes"> = sharedAnalysis().ledger): Theme[] {
  return [...ledger.themes];
}

/**
 * The theme of a reconciliation group or family: the first rule of data/theme-rules.csv whose
 * subjects (empty = any) hold its first subject and whose metrics (empty = any) hold its first
 * metric. The file ends with a catch-all rule, so there is always one.
 * @example conflictTheme({ subject: "BTC", metric: "liquidations" }) // => "liquidations-flows"
 * @example conflictTheme({ subject: "nakamoto|crushes", metric: "low" }) // => "other"
 * @example conflictTheme({ subject: "BTC", metric: "low" }) // => "bitcoin-levels"
 * @example conflictTheme({ subject: "amazon", metric: "pct_change" }) // => "equities"
 * @example conflictTheme({ subject: "x", metric: "y" }, [{ theme: "t", subjects: ["x"], metrics: [], line: 2 }]) // => "t"
 */
export function conflictTheme(c: Pick<Conflict, "subject" | "metric">, rules: readonly ThemeRule[] = sharedAnalysis().ledger.themeRules): ConflictTheme {
  const subject = c.subject.split("|")[0];
  const metric = c.metric.split("|")[0];
  const rule = rules.find((r) => (r.subjects.length === 0 || r.subjects.includes(subject)) && (r.metrics.length === 0 || r.metrics.includes(metric)));
  if (!rule) throw new Error(`conflictTheme: no rule of data/theme-rules.csv matches subject "${subject}" and metric "${metric}"`);
  return rule.theme;
}

/**
 * How the reconciliations among `rows` (a conflicts table: `theme` and `rating` columns) fall by
 * theme and rating: a stacked bar per theme (data/themes.csv order and titles), its segments the
 * ratings in words of agreement (conflictRatingLabel: "Consistent", "Cannot be compared", …) on
 * the rating colours, legend room kept. Options as verdictBarChart's (id, title, width, …).
 * @example conflictRatingChart([{ theme: "metals", rating: "accurate" }], { id: "t", title: "T" }).data[0].name // => "Consistent"
 */
export function conflictRatingChart(rows: RowsInput, options: VerdictBarOptions, ledger: Pick<Ledger, "themes"> = sharedAnalysis().ledger): PlotlyFigure {
  const themes = conflictThemes(ledger);
  return withLegendRoom(
    verdictBarChart(rows, {
      by: "theme",
      verdict: "rating",
      categoryOrder: themes.map((t) => t.theme),
      categoryLabels: Object.fromEntries(themes.map((t) => [t.theme, t.title])),
      xTitle: "reconciliations",
      ratingLabels: conflictRatingLabel,
      ...options,
    }),
  );
}
