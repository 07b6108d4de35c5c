/**
 * Materiality (src/domain/materiality.ts): when a gap between two figures is worth a dispute. A gap
 * (after every rounding and hedge) is immaterial when it is no larger than the spread of the other
 * independent reports of the quantity, or at most 0.5% of the figure.
 */
import { describe, expect, it } from "vitest";
import { isImmaterial, MATERIAL_RELATIVE, relativeGap, spreadOf } from "../../src/domain/materiality";

describe("relativeGap", () => {
  it("is the gap over the magnitude of the reference", () => {
    // 150 / 60000 = 0.0025; the sign of the reference does not matter
    expect(relativeGap(150, 60000)).toBeCloseTo(0.0025, 15);
    expect(relativeGap(150, -60000)).toBeCloseTo(0.0025, 15);
  });
  it("is null for a zero or infinite reference, or an infinite gap", () => {
    expect(relativeGap(1, 0)).toBeNull();
    expect(relativeGap(1, Infinity)).toBeNull();
    expect(relativeGap(Infinity, 10)).toBeNull();
  });
});

describe("spreadOf", () => {
  it("is the largest minus the smallest report", () => {
    // Bitcoin's Feb 6 low across venues: 60,187 − 60,008.52 = 178.48
    expect(spreadOf([60008.52, 60187, 60030])).toBeCloseTo(178.48, 9);
  });
  it("is 0 for fewer than two reports and ignores non-finite values", () => {
    expect(spreadOf([])).toBe(0);
    expect(spreadOf([5])).toBe(0);
    expect(spreadOf([1, Infinity, 3, NaN])).toBe(2);
  });
});

describe("isImmaterial", () => {
  it("the threshold is half a percent", () => {
    expect(MATERIAL_RELATIVE).toBe(0.005);
  });
  it("a gap of zero (touching or overlapping figures) is immaterial", () => {
    expect(isImmaterial(0, 10)).toBe(true);
  });
  it("a gap of at most 0.5% of the figure is immaterial", () => {
    // 300 / 60000 = 0.5% exactly: immaterial; 301 / 60000 = 0.502%: material
    expect(isImmaterial(300, 60000)).toBe(true);
    expect(isImmaterial(301, 60000)).toBe(false);
  });
  it("a dissent within the spread of the other reports is immaterial, however large in percent", () => {
    // 4 points on an index of 10 (40%) but the other reports differ by 4: immaterial; by 3.9: material
    expect(isImmaterial(4, 10, 4)).toBe(true);
    expect(isImmaterial(4, 10, 3.9)).toBe(false);
  });
  it("with no reference to measure against, only the spread decides", () => {
    expect(isImmaterial(1, 0)).toBe(false);
    expect(isImmaterial(1, 0, 2)).toBe(true);
  });
});
