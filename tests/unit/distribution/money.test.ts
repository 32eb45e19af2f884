import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareDecimals, decimalOfNumber, fromUnits, moneyScale, toUnits } from "@/lib/distribution/money";

describe("decimalOfNumber", () => {
  it.each([
    [0, "0"],
    [5000, "5000"],
    [2.5, "2.5"],
    [0.1, "0.1"],
    [1.5, "1.5"],
    [-1.25, "-1.25"],
    [0.00000001, "0.00000001"],
    [1e-7, "0.0000001"],
    [333.33333333, "333.33333333"],
    [123456789.12345678, "123456789.12345678"],
    [1e12, "1000000000000"],
  ])("%d → %s", (value, expected) => {
    expect(decimalOfNumber(value)).toBe(expected);
  });

  it.each([0.123456789, 1e-9, 0.1 + 0.2, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    "refuses %d (more than 8 places or not finite)",
    (value) => {
      expect(decimalOfNumber(value)).toBeNull();
    },
  );
});

describe("units", () => {
  it("uses a scale of 8 decimal places", () => {
    expect(moneyScale).toBe(8);
    expect(toUnits("1")).toBe(100_000_000n);
    expect(toUnits("0.00000001")).toBe(1n);
  });

  it.each([
    ["0", 0n],
    ["2.5", 250_000_000n],
    ["-2.5", -250_000_000n],
    ["333.33333333", 33_333_333_333n],
    [" 7 ", 700_000_000n],
    ["1.123456789", 112_345_678n], // beyond the scale is cut, never rounded up
  ])("toUnits(%j) = %d", (decimal, units) => {
    expect(toUnits(decimal)).toBe(units);
  });

  it.each(["", "abc", "1.", ".5", "1,5", "--1", "1e3"])("toUnits refuses %j", (decimal) => {
    expect(() => toUnits(decimal)).toThrow(RangeError);
  });

  it.each([
    [0n, "0"],
    [1n, "0.00000001"],
    [-1n, "-0.00000001"],
    [250_000_000n, "2.5"],
    [499_999_999n, "4.99999999"],
    [100_000_000_000_000_000_000n, "1000000000000"],
  ])("fromUnits(%d) = %s", (units, decimal) => {
    expect(fromUnits(units)).toBe(decimal);
  });

  it("round-trips every amount of the scale exactly", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (units) => {
        expect(toUnits(fromUnits(units))).toBe(units);
      }),
    );
  });

  it("sums exactly where floating point does not", () => {
    expect(fromUnits(toUnits("0.1") + toUnits("0.2"))).toBe("0.3");
    expect(0.1 + 0.2).not.toBe(0.3);
  });
});

describe("compareDecimals", () => {
  it.each([
    ["1", "1.00000000", 0],
    ["2.5", "10", -1],
    ["10", "9.99999999", 1],
    ["0", "-0.00000001", 1],
    ["5000", "5000", 0],
  ])("compare(%s, %s) = %d", (a, b, expected) => {
    expect(compareDecimals(a, b)).toBe(expected);
  });

  it("agrees with the order of the units", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }), fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }), (a, b) => {
        expect(compareDecimals(fromUnits(a), fromUnits(b))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });
});
