import { describe, expect, it } from "vitest";
import { remembered } from "../../src/data/memo";

describe("remembered: a pure function of text computed once per distinct input", () => {
  it("computes each key once, and again after the memory is full and starts over", () => {
    const calls: string[] = [];
    const upper = remembered((s: string) => (calls.push(s), s.toUpperCase()), (s) => s, 2);
    // a, a (remembered), b: two calls; c fills past the limit of 2, so the memory starts over with c
    expect([upper("a"), upper("a"), upper("b"), upper("c"), upper("a")]).toEqual(["A", "A", "B", "C", "A"]);
    expect(calls).toEqual(["a", "b", "c", "a"]);
  });

  it("hands every caller the same frozen result, nested arrays and objects included", () => {
    const rows = remembered((s: string) => [{ text: s, parts: [s] }], (s) => s);
    const first = rows("x");
    expect(rows("x")).toBe(first);
    expect(() => (first[0].parts as string[]).push("y")).toThrow(TypeError);
    expect(rows("x")[0].parts).toEqual(["x"]);
  });

  it("remembers a null result too (an empty result is not recomputed)", () => {
    let n = 0;
    const nothing = remembered((_s: string) => (n++, null), (s) => s);
    nothing("q");
    nothing("q");
    expect(n).toBe(1);
  });
});
