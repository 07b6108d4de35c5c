/**
 * Forest-plot rows shared by the interval chart and the small multiples (not part of the public
 * API): each row's geometry, a shared value axis, and one trace per colour key.
 */
import { escapeHtml } from "../render/html";
import { bounds, round, unique } from "./parts";
import { claimHover, type ClaimLike } from "./rows";
import type { JsonObject } from "./theme";

/** Geometry of one forest-plot row: the points to draw, with their symbols. */
export interface RowGeometry {
  xs: (number | null)[];
  symbols: string[];
}

/** A row's x points: ends as ticks, open ends as arrows at the axis edge, points as diamonds. */
export function rowGeometry(c: ClaimLike, min: number, max: number): RowGeometry {
  if (c.low !== null && c.high !== null && c.low === c.high) return { xs: [c.low], symbols: ["diamond"] };
  const lo = c.low ?? min;
  const hi = c.high ?? max;
  return { xs: [lo, hi], symbols: [c.low === null ? "triangle-left" : "line-ns", c.high === null ? "triangle-right" : "line-ns"] };
}

/** The padded [min, max] of every finite bound (and extra values), for a shared value axis. */
export function valueExtent(claims: readonly ClaimLike[], extra: readonly number[] = []): [number, number] {
  const vals = [...claims.flatMap((c) => [c.low, c.high]), ...extra].filter((v): v is number => v !== null && Number.isFinite(v));
  if (vals.length === 0) return [-1, 1];
  const lo = Math.min(...vals);
  const hi = Math.max(...vals);
  const anyOpen = claims.some((c) => c.low === null || c.high === null);
  const pad = (hi - lo || Math.abs(hi) || 1) * (anyOpen ? 0.12 : 0.06);
  return [round(lo - pad), round(hi + pad)];
}

/** Forest-plot traces for claims on axes (xa, ya), one trace per colour key. */
export function forestTraces(
  claims: readonly ClaimLike[],
  key: (c: ClaimLike) => string,
  name: (k: string) => string,
  color: (k: string) => string,
  extent: [number, number],
  axes: { x: string; y: string; legend: (k: string) => boolean },
  fn: string,
): JsonObject[] {
  return unique(claims.map(key)).map((k) => {
    const xs: (number | null)[] = [];
    const ys: (string | null)[] = [];
    const symbols: string[] = [];
    const hover: string[] = [];
    for (const c of claims.filter((c) => key(c) === k)) {
      bounds(c, fn);
      const g = rowGeometry(c, extent[0], extent[1]);
      const h = claimHover(c);
      g.xs.forEach((x, i) => {
        xs.push(x);
        ys.push(c.id);
        symbols.push(g.symbols[i]!);
        hover.push(h);
      });
      xs.push(null);
      ys.push(null);
      symbols.push("circle");
      hover.push("");
    }
    return {
      type: "scatter",
      mode: "lines+markers",
      name: escapeHtml(name(k)),
      legendgroup: escapeHtml(k),
      showlegend: axes.legend(k),
      xaxis: axes.x,
      yaxis: axes.y,
      x: xs,
      y: ys,
      connectgaps: false,
      cliponaxis: false,
      line: { color: color(k), width: 3 },
      marker: { color: color(k), size: 11, symbol: symbols, line: { color: color(k), width: 2 } },
      hovertext: hover,
      hoverinfo: "text",
    };
  });
}

/** Rows' default label: "<printed figure> — <source>", or "— <article>" without a source (escaped). */
export function rowLabel(c: ClaimLike, labels?: Readonly<Record<string, string>>): string {
  return escapeHtml(labels?.[c.id] ?? `${c.raw} — ${c.source || c.article}`);
}
