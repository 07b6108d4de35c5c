/** The shapes of the project's data, shared by every module. */

/** How a printed figure was hedged; data/README.md gives the rule that turns each into an interval. */
export type Qualifier = "exact" | "approx" | "nearly" | "over" | "under" | "range" | "garbled";
export const QUALIFIERS: readonly Qualifier[] = ["exact", "approx", "nearly", "over", "under", "range", "garbled"];

/** One article of data/articles.csv, with its body text from data/articles/<id>.txt. */
export interface Article {
  id: string;
  title: string;
  outlet: string;
  /** A short name for chart labels and tables ("TradingKey", "Gate (crushes)"). */
  short_name: string;
  author: string;
  published: string;
  published_basis: string;
  language: string;
  seed: string;
  seed_start: number;
  seed_end: number;
  trimmed: string;
  description: string;
  /** The article body (data/articles/<id>.txt), byte-for-byte as published. */
  text: string;
}

/** One section of data/sections.csv with its character span in the article text. */
export interface Section {
  article: string;
  order: number;
  section: string;
  heading: string;
  level: number;
  kind: "heading" | "theme" | "lead";
  starts_with: string;
  /** Offset of the section's first character in the article text (UTF-16 code units). */
  start: number;
  /** Offset just past the section's last character (the next section's start, or the end). */
  end: number;
}

/** One reported figure: a row of data/claims.csv. */
export interface Claim {
  id: string;
  article: string;
  section: string;
  quote: string;
  subject: string;
  metric: string;
  window: string;
  /** Lower bound in `unit`; null when open ("under X"). */
  low: number | null;
  /** Upper bound in `unit`; null when open ("over X"). */
  high: number | null;
  unit: string;
  qualifier: Qualifier;
  as_of: string;
  /** The figure exactly as printed ("$126K", "~45–50%"). */
  raw: string;
  /** The verbatim hedge words ("~", "nearly", "more than"), empty if none. */
  hedge: string;
  note: string;
  /** 1-based line of the row in data/claims.csv (for messages). */
  line: number;
}

/** A figure in data/claims-excluded.csv: a number in the article that is not a claim. */
export interface Exclusion {
  article: string;
  context: string;
  reason: string;
  line: number;
}

/** A term of data/vocabulary.csv. */
export interface Term {
  field: "subject" | "metric" | "window" | "unit" | "qualifier";
  term: string;
  meaning: string;
}

/** An interval with possibly open (infinite) ends; see src/domain/intervals.ts. */
export interface Interval {
  low: number;
  high: number;
  /** True when `low` itself is excluded ("over 10%" is (10, +inf)). */
  lowOpen?: boolean;
  /** True when `high` itself is excluded ("$126K" covers [125.5K, 126.5K)). */
  highOpen?: boolean;
}

/** A selector of a family level: claims of this subject and metric in any of these windows. */
export interface FamilySelector {
  subject: string;
  metric: string;
  windows: readonly string[];
}

/** A near-miss family of data/families.csv: figures of related quantities across windows or scopes. */
export interface FamilySpec {
  name: string;
  /** The family in words, as a reader sees it ("Bitcoin's trough"). */
  title: string;
  /** "same": every level measures one quantity; "ordered": level k ≤ level k+1 (signed values). */
  relation: "same" | "ordered";
  /** Levels in order; each level is one or more selectors. */
  levels: readonly (readonly FamilySelector[])[];
  /** Why the figures relate, in words. */
  why: string;
}

/** A theme of the reconciliation (data/themes.csv), in display order. */
export interface Theme {
  theme: string;
  title: string;
}

/** A rule of data/theme-rules.csv: a reconciliation whose subject and metric match goes to `theme` (first match wins). */
export interface ThemeRule {
  theme: string;
  /** Subjects that match; empty = any. */
  subjects: readonly string[];
  /** Metrics that match; empty = any. */
  metrics: readonly string[];
  line: number;
}
