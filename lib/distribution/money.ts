// Exact money: amounts travel as decimal strings and are compared or summed as integer
// units of the ledger scale (8 places), never as floating point.

export const moneyScale = 8;
const unit = 10n ** BigInt(moneyScale);

/** A JSON number as a decimal string, or null when it has more than 8 decimal places. */
export function decimalOfNumber(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const fixed = value.toFixed(moneyScale);
  if (Number(fixed) !== value) return null;
  return fixed.replace(/\.?0+$/, "") || "0";
}

export function toUnits(decimal: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!match) throw new RangeError(`Not a decimal: ${decimal}`);
  const fraction = (match[3] ?? "").padEnd(moneyScale, "0").slice(0, moneyScale);
  const units = BigInt(match[2]) * unit + BigInt(fraction || "0");
  return match[1] ? -units : units;
}

export function fromUnits(units: bigint): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const fraction = (abs % unit).toString().padStart(moneyScale, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${abs / unit}${fraction ? `.${fraction}` : ""}`;
}

export const compareDecimals = (a: string, b: string) => {
  const d = toUnits(a) - toUnits(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};

/** A database decimal (Prisma's Decimal) as a plain decimal string: never "5e-7". */
export function plainDecimal(value: { toFixed(): string }): string {
  const fixed = value.toFixed();
  return fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
}
