/**
 * `npm run report` (and `npm run refresh`, which passes --refresh): see src/report/report.ts.
 *   --refresh            also write the executed notebooks back over notebooks/*.ipynb
 *   --out DIR            write the report to DIR instead of out/
 *   --timeout SECONDS    per-cell timeout (default 300)
 *   --workers N          kernels at once (default: number of cores)
 *   NOTEBOOK...          run only these notebooks
 * Exits 0 when everything succeeded, 1 otherwise (naming the notebook, cell and error).
 */
import { runReport, type ReportOptions } from "../report/report";

function parseArgs(argv: string[]): ReportOptions {
  const opts: ReportOptions = {};
  const nbs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`report: ${a} needs a value`);
      return v;
    };
    if (a === "--refresh") opts.refresh = true;
    else if (a === "--out") opts.outDir = value();
    else if (a === "--timeout") opts.cellTimeout = Number(value());
    else if (a === "--workers") opts.workers = Number(value());
    else if (a.startsWith("--")) throw new Error(`report: unknown option ${a}`);
    else nbs.push(a);
  }
  if (nbs.length > 0) opts.notebooks = nbs;
  return opts;
}

async function main(): Promise<number> {
  const result = await runReport(parseArgs(process.argv.slice(2)));
  if (!result.ok) {
    console.error(`report: FAILED; out/ was left as it was.`);
    for (const p of result.problems) console.error(p);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error((e as Error).message);
    process.exit(1);
  },
);
