// Legacy amounts arrive as JSON numbers, Decimal128 strings ("5000.00", "2.5E+3") or Int64
// strings. They are compared and stored as exact decimal strings, never via floating point.

const decimalPattern = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const maxExponent = 10_000; // far beyond any stored amount; only keeps a hostile input from building a huge string

/** `text` in plain notation ("2.5E+3" → "2500", "-0.0" → "0"), or null when it is not a finite decimal. */
export function plainDecimal(text: string): string | null {
  const match = decimalPattern.exec(text.trim());
  if (!match) return null;
  const [, sign, whole = "", fraction = "", exponentText] = match;
  if (whole === "" && fraction === "") return null;
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  if (Math.abs(exponent) > maxExponent) return null;

  const digits = whole + fraction;
  const point = whole.length + exponent;
  let integerPart: string;
  let fractionPart: string;
  if (point <= 0) {
    integerPart = "0";
    fractionPart = "0".repeat(-point) + digits;
  } else if (point >= digits.length) {
    integerPart = digits + "0".repeat(point - digits.length);
    fractionPart = "";
  } else {
    integerPart = digits.slice(0, point);
    fractionPart = digits.slice(point);
  }
  integerPart = integerPart.replace(/^0+(?=\d)/, "");
  fractionPart = fractionPart.replace(/0+$/, "");
  const magnitude = fractionPart ? `${integerPart}.${fractionPart}` : integerPart;
  return sign === "-" && /[1-9]/.test(magnitude) ? `-${magnitude}` : magnitude;
}

/** A JS number as an exact plain decimal string (its shortest round-trip form), or null when not finite. */
export function plainDecimalOfNumber(value: number): string | null {
  return Number.isFinite(value) ? plainDecimal(String(value)) : null;
}

/** Digits after the point of a plain decimal string. */
export const fractionDigits = (plain: string) => plain.split(".")[1]?.length ?? 0;
