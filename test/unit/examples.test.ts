/**
 * Runs every `@example` line of src/ that states its result (`expr // => expected`): the JSDoc
 * examples are part of the contract, so they must stay true (simple-statistics' never are).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(__dirname, "..", "..", "src");
const modules = (fs.readdirSync(SRC, { recursive: true }) as string[])
  .filter((f) => f.endsWith(".ts") && !f.startsWith("cli"))
  .map((f) => f.split(path.sep).join("/"))
  .sort();

interface Example {
  file: string;
  line: number;
  expr: string;
  expected: string;
}

const EXAMPLE = /^\s*\*\s*@example\s+(.+?)\s*\/\/\s*=>\s*(.+?)\s*$/;
const examples: Example[] = [];
for (const f of modules) {
  fs.readFileSync(path.join(SRC, f), "utf8")
    .split("\n")
    .forEach((text, i) => {
      const m = EXAMPLE.exec(text);
      if (m) examples.push({ file: f, line: i + 1, expr: m[1].replace(/;$/, ""), expected: m[2] });
    });
}

/** Compares with a relative tolerance of 1e-9 for numbers, structurally otherwise. */
function expectClose(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected === "number" && typeof actual === "number") {
    if (Number.isNaN(expected)) expect(actual, where).toBeNaN();
    else if (!Number.isFinite(expected)) expect(actual, where).toBe(expected);
    else expect(Math.abs(actual - expected), `${where}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
    return;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    expect(actual.length, where).toBe(expected.length);
    expected.forEach((e, i) => expectClose(actual[i], e, `${where}[${i}]`));
    return;
  }
  if (expected && typeof expected === "object" && actual && typeof actual === "object") {
    expect(Object.keys(actual).sort(), where).toEqual(Object.keys(expected).sort());
    for (const k of Object.keys(expected)) expectClose((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], `${where}.${k}`);
    return;
  }
  expect(actual, where).toEqual(expected);
}

/** Every export of every module of src/ by name (a later module's export of a name wins), imported once. */
let scope: Record<string, unknown> | undefined;
let names: string[] = [];
async function evaluator(): Promise<(code: string) => unknown> {
  if (!scope) {
    const all: Record<string, unknown> = {};
    for (const f of modules) Object.assign(all, await import(path.join(SRC, f)));
    scope = all;
    names = Object.keys(all).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  }
  const values = names.map((n) => scope![n]);
  return (code) => new Function(...names, `return (${code});`)(...values);
}

describe("the @example lines of src/", () => {
  it("there are examples to check", () => {
    expect(examples.length).toBeGreaterThan(10);
  });

  it.each(examples.map((e) => [`${e.file}:${e.line}`, e] as const))("%s holds", async (_where, ex) => {
    const evaluate = await evaluator();
    const where = `${ex.file}:${ex.line}: ${ex.expr}`;
    expectClose(evaluate(ex.expr), evaluate(ex.expected), where);
  });
});
