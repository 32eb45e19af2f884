import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fractionDigits, plainDecimal, plainDecimalOfNumber } from "@/lib/legacy/decimal-text";

describe("plainDecimal", () => {
  it.each([
    ["5000", "5000"],
    ["5000.00", "5000"],
    ["4500.50", "4500.5"],
    ["0007.250", "7.25"],
    ["1.0E+4", "10000"],
    ["2.5E+3", "2500"],
    ["5E-7", "0.0000005"],
    ["1.23E-2", "0.0123"],
    ["12.5e1", "125"],
    [".5", "0.5"],
    ["5.", "5"],
    ["-0.0", "0"],
    ["-250", "-250"],
    ["+3", "3"],
    ["  42 ", "42"],
  ])("%s → %s", (text, plain) => {
    expect(plainDecimal(text)).toBe(plain);
  });

  it.each(["", ".", "abc", "NaN", "Infinity", "-Infinity", "1e", "1.2.3", "0x10", "1E+99999"])("refuses %j", (text) => {
    expect(plainDecimal(text)).toBeNull();
  });

  it("moves the point by the exponent exactly, whatever the digits", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: -40, max: 40 }), (mantissa, exponent) => {
        const plain = plainDecimal(`${mantissa}E${exponent}`) as string;
        // plain × 10^40 must equal mantissa × 10^(exponent + 40), both as integers
        const [whole, fraction = ""] = plain.split(".");
        const scaled = BigInt(whole + fraction.padEnd(40, "0"));
        expect(scaled).toBe(mantissa * 10n ** BigInt(exponent + 40));
        expect(plain).not.toMatch(/^0\d|\.\d*0$|\.$/); // canonical: no leading or trailing zeros
      }),
    );
  });
});

describe("plainDecimalOfNumber", () => {
  it("writes numbers without exponent or float noise", () => {
    expect(plainDecimalOfNumber(2250.75)).toBe("2250.75");
    expect(plainDecimalOfNumber(1e-7)).toBe("0.0000001");
    expect(plainDecimalOfNumber(1e21)).toBe("1000000000000000000000");
    expect(plainDecimalOfNumber(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(plainDecimalOfNumber(Number.NaN)).toBeNull();
    expect(plainDecimalOfNumber(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it("counts decimal places", () => {
    expect(fractionDigits("12")).toBe(0);
    expect(fractionDigits("0.12345678")).toBe(8);
    expect(fractionDigits(plainDecimalOfNumber(0.1 + 0.2) as string)).toBe(17);
  });
});
