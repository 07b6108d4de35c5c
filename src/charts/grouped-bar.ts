/** The grouped bar chart: per category, one bar per group (claimed vs recomputed, 2025 vs 2026). */
import { escapeHtml, formatNumber, toRecords, type Row, type RowsInput } from "../render/html";
import { ordered, round } from "./parts";
import { intervalText } from "./rows";
import { valueWords } from "../domain/wording";
import { axis, figure } from "./frame";
import { CHART_THEME, baseLayout, colorMap, wrapHtml, type ChartOptions, type JsonObject, type PlotlyFigure } from "./theme";

/** Options of groupedBarChart. */
export interface GroupedBarOptions extends ChartOptions {
  /** Category column (one cluster of bars each); default "category". */
  x?: string;
  /** Group column (one bar colour each, e.g. "claimed"/"recomputed" or "2025"/"2026"); default "series". */
  group?: string;
  /** Value column; default "value". */
  y?: string;
  /** Optional columns with the value's interval, drawn as error bars. */
  low?: string;
  high?: string;
  /** Optional quote and source columns shown on hover; default "quote", and "source" (else "article") when present. */
  quote?: string;
  article?: string;
  /** Order of categories and groups (others follow in order of appearance). */
  categoryOrder?: readonly string[];
  groupOrder?: readonly string[];
  /** Fixed colours per group; default Okabe–Ito in group order. */
  groupColors?: Readonly<Record<string, string>>;
  /** Display labels per category (tick text); default the category. */
  categoryLabels?: Readonly<Record<string, string>>;
  /** Axis titles. */
  xTitle?: string;
  yTitle?: string;
  /** Fixed decimals of the value labels and hover; default shortest. */
  decimals?: number;
}

/**
 * Clustered bars: per category, one bar per group, e.g. claimed vs recomputed figures, or 2025 vs
 * 2026 capex per company. Long-format rows (records or a DataFrame), one per (category, group);
 * value labels on the bars; optional error bars from low/high columns; hover shows the quote and
 * article when the rows carry them.
 * @throws Error for two rows with the same category and group, and for an invalid id.
 * @example groupedBarChart([{ category: "amazon", series: "2025", value: 131 }], { id: "capex", title: "Capex" }).data[0].y // => [131]
 */
export function groupedBarChart(rows: RowsInput, options: GroupedBarOptions): PlotlyFigure {
  const layout = baseLayout(options);
  const k = { x: options.x ?? "category", g: options.group ?? "series", y: options.y ?? "value" };
  const records = toRecords(rows);
  const quoteKey = options.quote ?? "quote";
  const articleKey = options.article ?? (records.some((r) => typeof r.source === "string" && r.source !== "") ? "source" : "article");
  const cats = ordered(records.map((r) => String(r[k.x] ?? "")), options.categoryOrder);
  const groups = ordered(records.map((r) => String(r[k.g] ?? "")), options.groupOrder);
  const auto = colorMap(groups);
  const cell = new Map<string, Row>();
  for (const r of records) {
    const key = JSON.stringify([String(r[k.x] ?? ""), String(r[k.g] ?? "")]);
    if (cell.has(key)) throw new Error(`groupedBarChart: two rows for category ${JSON.stringify(r[k.x])} and group ${JSON.stringify(r[k.g])}`);
    cell.set(key, r);
  }
  const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
  const ticks = cats.map((c) => escapeHtml(options.categoryLabels?.[c] ?? valueWords(k.x, c)));
  const groupName = (g: string) => escapeHtml(valueWords(k.g, g));
  const data = groups.map((g) => {
    const rs = cats.map((c) => cell.get(JSON.stringify([c, g])));
    const ys = rs.map((r) => (r ? num(r[k.y]) : null));
    const trace: JsonObject = {
      type: "bar",
      name: groupName(g),
      x: ticks,
      y: ys,
      marker: { color: options.groupColors?.[g] ?? auto[g]! },
      text: ys.map((v) => formatNumber(v, options.decimals)),
      textposition: "outside",
      cliponaxis: false,
      hovertext: rs.map((r, i) => {
        if (!r) return "";
        const lines = [`<b>${ticks[i]}</b> · ${groupName(g)}: ${escapeHtml(formatNumber(ys[i], options.decimals))}`];
        if (options.low && options.high && (num(r[options.low]) !== null || num(r[options.high]) !== null)) {
          lines.push(`range ${escapeHtml(intervalText({ low: num(r[options.low]), high: num(r[options.high]), unit: "" }))}`);
        }
        if (typeof r[articleKey] === "string" && r[articleKey]) lines.push(escapeHtml(r[articleKey] as string));
        if (typeof r[quoteKey] === "string" && r[quoteKey]) lines.push(`“${wrapHtml(r[quoteKey] as string)}”`);
        return lines.join("<br>");
      }),
      hoverinfo: "text",
    };
    if (options.low && options.high) {
      const lo = options.low;
      const hi = options.high;
      trace.error_y = {
        type: "data",
        symmetric: false,
        array: rs.map((r, i) => (r && num(r[hi]) !== null && ys[i] !== null ? round(num(r[hi])! - ys[i]!) : 0)),
        arrayminus: rs.map((r, i) => (r && num(r[lo]) !== null && ys[i] !== null ? round(ys[i]! - num(r[lo])!) : 0)),
        color: CHART_THEME.axisLine,
        thickness: 1.2,
        width: 4,
      };
    }
    return trace;
  });
  layout.barmode = "group";
  layout.bargap = 0.25;
  layout.bargroupgap = 0.05;
  layout.xaxis = axis({ type: "category", showgrid: false, title: { text: escapeHtml(options.xTitle ?? "") } });
  layout.yaxis = axis({ title: { text: escapeHtml(options.yTitle ?? "") }, separatethousands: true, zeroline: true, zerolinecolor: CHART_THEME.axisLine });
  return figure(data, layout);
}
