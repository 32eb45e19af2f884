// MongoDB Extended JSON (v2, canonical and relaxed) as mongoexport writes it, decoded into
// plain values. Only the types a DailyDistributionQueue document uses get a meaning; any other
// `$`-wrapper (binary, timestamp, regex…) is kept as the plain object it is.

/** An ObjectId, as 24 lowercase hex digits. */
export class ObjectIdValue {
  constructor(readonly hex: string) {}
  /** When the id was generated: its first 4 bytes are seconds since the epoch. */
  get timestamp(): Date {
    return new Date(parseInt(this.hex.slice(0, 8), 16) * 1000);
  }
}

/** A Decimal128 or an Int64 too large for a JS number, kept exactly as its decimal text. */
export class ExactNumberValue {
  constructor(readonly text: string) {}
}

export type DecodedValue =
  null | boolean | number | string | Date | ObjectIdValue | ExactNumberValue | DecodedValue[] | { [key: string]: DecodedValue };

export class ExtendedJsonError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(path ? `${path}: ${message}` : message);
  }
}

const integerText = /^-?\d+$/;
const isoInstant = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** Milliseconds of an ISO 8601 instant with an offset, or NaN. Date.parse alone rolls 2026-02-30 over to March. */
export function parseIsoInstant(text: string): number {
  const match = isoInstant.exec(text);
  if (!match) return Number.NaN;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const calendar = new Date(Date.UTC(year, month - 1, day));
  const real = calendar.getUTCFullYear() === year && calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
  return real && hour < 24 && minute < 60 && second < 60 ? Date.parse(text) : Number.NaN;
}

type Wrapper = (value: unknown, path: string) => DecodedValue;

function validDate(ms: number, path: string): Date {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) throw new ExtendedJsonError(path, "$date is out of range");
  return date;
}

const wrappers: Record<string, Wrapper> = {
  $oid(value, path) {
    if (typeof value !== "string" || !/^[0-9a-fA-F]{24}$/.test(value)) {
      throw new ExtendedJsonError(path, `$oid must be 24 hex digits, got ${JSON.stringify(value)}`);
    }
    return new ObjectIdValue(value.toLowerCase());
  },
  $date(value, path) {
    if (typeof value === "string") {
      const ms = parseIsoInstant(value);
      if (Number.isNaN(ms)) throw new ExtendedJsonError(path, `$date ${JSON.stringify(value)} is not an ISO 8601 instant`);
      return validDate(ms, path);
    }
    if (typeof value === "number" && Number.isInteger(value)) return validDate(value, path); // legacy mongoexport
    if (
      isObject(value) &&
      Object.keys(value).length === 1 &&
      typeof value.$numberLong === "string" &&
      integerText.test(value.$numberLong)
    ) {
      return validDate(Number(value.$numberLong), path);
    }
    throw new ExtendedJsonError(path, `$date must be an ISO string or {"$numberLong": "<ms>"}, got ${JSON.stringify(value)}`);
  },
  $numberDecimal(value, path) {
    if (typeof value !== "string") throw new ExtendedJsonError(path, "$numberDecimal must be a string");
    return new ExactNumberValue(value);
  },
  $numberInt(value, path) {
    if (typeof value !== "string" || !integerText.test(value))
      throw new ExtendedJsonError(path, `$numberInt ${JSON.stringify(value)} is not an integer`);
    return Number(value);
  },
  $numberLong(value, path) {
    if (typeof value !== "string" || !integerText.test(value))
      throw new ExtendedJsonError(path, `$numberLong ${JSON.stringify(value)} is not an integer`);
    const number = Number(value);
    return Number.isSafeInteger(number) ? number : new ExactNumberValue(value);
  },
  $numberDouble(value, path) {
    if (typeof value !== "string") throw new ExtendedJsonError(path, "$numberDouble must be a string");
    const special: Record<string, number> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, "-Infinity": Number.NEGATIVE_INFINITY };
    const number = value in special ? special[value] : value.trim() === "" ? Number.NaN : Number(value);
    if (Number.isNaN(number) && value !== "NaN")
      throw new ExtendedJsonError(path, `$numberDouble ${JSON.stringify(value)} is not a number`);
    return number;
  },
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const join = (path: string, key: string | number) => (typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${key}` : key);

/** Decodes a value parsed by JSON.parse; throws ExtendedJsonError naming the field of a malformed wrapper. */
export function decodeExtendedJson(value: unknown, path = ""): DecodedValue {
  if (value === null || typeof value === "boolean" || typeof value === "number" || typeof value === "string") return value;
  if (Array.isArray(value)) return value.map((item, index) => decodeExtendedJson(item, join(path, index)));
  if (!isObject(value)) throw new ExtendedJsonError(path, `unexpected ${typeof value}`);
  const keys = Object.keys(value);
  if (keys.length === 1 && Object.hasOwn(wrappers, keys[0])) return wrappers[keys[0]](value[keys[0]], path);
  const decoded: { [key: string]: DecodedValue } = {};
  for (const key of keys) decoded[key] = decodeExtendedJson(value[key], join(path, key));
  return decoded;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A decoded value as plain JSON for a jsonb column: dates as ISO strings, ids as hex, exact numbers as numbers. */
export function toPlainJson(value: DecodedValue): JsonValue {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof ObjectIdValue) return value.hex;
  if (value instanceof ExactNumberValue) return finiteOrNull(Number(value.text));
  if (typeof value === "number") return finiteOrNull(value);
  if (Array.isArray(value)) return value.map(toPlainJson);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toPlainJson(item)]));
  }
  return value;
}

const finiteOrNull = (n: number) => (Number.isFinite(n) ? n : null);
