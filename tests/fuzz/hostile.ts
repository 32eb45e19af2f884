import fc from "fast-check";

// Generators of input no route may accept, for the HTTP fuzz suite. Every value here is invalid
// by construction for the field it is aimed at — the suite asserts a 4xx and an unchanged
// database, so an accidentally valid input would be a false alarm.

export type FuzzRequest = {
  /** Replaces the route pattern's dynamic segments, already URL-encoded. */
  path?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | Blob;
  contentType?: string;
};

const forbiddenInUrls = [
  "\u0000",
  "\u0001",
  "\u0008",
  "\u000b",
  "\u000c",
  "\u000e",
  "\u001b",
  "\u001f",
  "\u007f",
  "\u0080",
  "\u0085",
  "\u009f",
];
// A lone surrogate cannot travel in a URL (it arrives as U+FFFD), only in JSON as an escape.
const forbiddenInJson = [...forbiddenInUrls, "\ud800", "\udbff", "\udc00", "\udfff"];

const around = (middle: fc.Arbitrary<string>) =>
  fc.tuple(fc.string({ maxLength: 24 }), middle, fc.string({ maxLength: 24 })).map(([head, char, tail]) => `${head}${char}${tail}`);

/** A string holding a character no field may hold (control characters, lone surrogates). */
export const unstorableString = around(fc.constantFrom(...forbiddenInJson));
export const unstorableQueryString = around(fc.constantFrom(...forbiddenInUrls));

/** A string longer than `max` UTF-16 units, of characters that trimming does not remove. */
export const tooLong = (max: number) =>
  fc.tuple(fc.integer({ min: max + 1, max: max * 3 + 16 }), fc.constantFrom("x", "é", "😀", "\u202e")).map(([n, char]) => char.repeat(n));

/** Nested arrays deeper than any body may nest (32 levels). */
export const deeplyNested = fc
  .integer({ min: 40, max: 3000 })
  .map((depth) => JSON.parse(`${"[".repeat(depth)}${"]".repeat(depth)}`) as unknown);

type JsonType = "string" | "number" | "boolean" | "array" | "object";
const ofType: Record<JsonType, fc.Arbitrary<unknown>> = {
  string: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom("1", "true", "null", "[]", "{}", "NaN", "1e400")),
  number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
  boolean: fc.boolean(),
  array: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  object: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
};

/** A JSON value of any type but `keep`, null included (no field takes null), or one nested too deep. */
export const wrongType = (keep: JsonType) =>
  fc.oneof(
    fc.constant(null),
    deeplyNested,
    ...(Object.keys(ofType) as JsonType[]).filter((type) => type !== keep).map((type) => ofType[type]),
  );

/**
 * Numbers a numeric field refuses: below `min` (or at it when excluded), above `max`, fractions
 * for whole numbers, more than 8 decimals. Kept a whole unit clear of the bounds, where doubles
 * near 10^12 could round back inside them.
 */
export function badNumber(range: { min: number; max: number; minExcluded?: boolean; integer?: boolean }): fc.Arbitrary<unknown> {
  const choices: fc.Arbitrary<unknown>[] = [
    fc.double({ min: -1e12, max: range.min - 1, noNaN: true }),
    fc.double({ min: range.max + 1, max: 1e300, noNaN: true }),
    fc.constantFrom(1e308, -1e308, 2 ** 53 + 2),
    wrongType("number"),
  ];
  if (range.minExcluded) choices.push(fc.constant(range.min));
  const inside = fc.integer({ min: Math.ceil(range.min), max: Math.min(Math.floor(range.max) - 1, 1_000_000) });
  choices.push(range.integer ? inside.map((n) => n + 0.5) : inside.map((n) => n + 0.123456789));
  return fc.oneof(...choices);
}

/** Strings of a fixed shape (times, dates, zones, codes): wrong type, unstorable, too long, or known to be wrong. */
export const badShapedString = (knownBad: string[], maxLength = 64) =>
  fc.oneof(wrongType("string"), unstorableString, tooLong(maxLength), fc.constantFrom(...knownBad));

export const badInstant = badShapedString([
  "0000-01-01T00:00:00Z",
  "1969-12-31T23:59:59Z",
  "+275760-09-13T00:00:00Z",
  "2026-13-01T00:00:00Z",
  "2026-02-30T10:00:00Z",
  "2026-02-13T20:00:00",
  "tomorrow",
  "",
]);
export const badTime = badShapedString(["24:00", "25:00", "7:00", "12:60", "12:00:60", "20:00:00.5", "noon", ""]);
export const badTimeZone = badShapedString(["Mars/Olympus", "+05:00", "UTC+1", "Europe/", "", "../../etc/passwd"]);
export const badBoolean = wrongType("boolean");
export const badText = (max: number) => fc.oneof(wrongType("string"), unstorableString, tooLong(max));

const validSlot = (slotNumber: number) => ({ slotNumber, rosPercentage: 1 });
const slotFields: Record<string, fc.Arbitrary<unknown>> = {
  slotNumber: badNumber({ min: 1, max: 200, integer: true }),
  rosPercentage: badNumber({ min: 0, max: 100, minExcluded: true }),
  scheduledFor: badInstant,
  time: badTime,
};

/** A slot list no route accepts: not a list, empty, too long, duplicated numbers, or one slot with a bad field. */
export const badSlotList = fc.oneof(
  wrongType("array"),
  fc.constant([]),
  fc.constant(Array.from({ length: 201 }, (_, i) => validSlot(i + 1))),
  fc.integer({ min: 1, max: 4 }).map((n) => [validSlot(n), validSlot(n)]),
  fc.array(fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.constant([])), { minLength: 1, maxLength: 3 }),
  fc
    .tuple(fc.constantFrom(...Object.keys(slotFields)), fc.integer({ min: 1, max: 4 }))
    .chain(([field, n]) => slotFields[field].map((value) => [validSlot(n === 1 ? 2 : 1), { ...validSlot(n), [field]: value }])),
);

/** Fields that change nothing, sprinkled into bodies (dropped by the schemas). */
const noise = fc.dictionary(
  fc.string({ maxLength: 12 }).filter((key) => !key.includes("\u0000")),
  fc.jsonValue({ maxDepth: 2 }),
  { maxKeys: 3 },
);

const encoder = new TextEncoder();
const notJsonTypes = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "", "json"];

/**
 * Hostile JSON bodies for a mutation: its valid `template` with one field replaced by a value the
 * field refuses (and harmless noise added), or a broken envelope around the template.
 */
export function jsonMutation(template: Record<string, unknown>, fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<FuzzRequest> {
  const json = (value: unknown): FuzzRequest => ({ body: JSON.stringify(value), contentType: "application/json" });
  const text = JSON.stringify(template);
  const badField = fc
    .tuple(fc.constantFrom(...Object.keys(fields)), noise)
    .chain(([field, extra]) => fields[field].map((value) => json({ ...extra, ...template, [field]: value })));
  const envelope = fc.oneof(
    fc.integer({ min: 0, max: text.length - 1 }).map((cut) => ({ body: text.slice(0, cut), contentType: "application/json" })),
    fc.constantFrom("}", ",", "x", "]", ' "a"').map((tail) => ({ body: text + tail, contentType: "application/json" })),
    fc.oneof(fc.array(fc.jsonValue()), fc.integer(), fc.string(), fc.constant(null), fc.boolean()).map(json),
    fc.constantFrom(...notJsonTypes).map((contentType) => ({ body: text, contentType })),
    fc.integer({ min: 64 * 1024, max: 256 * 1024 }).map((size) => json({ ...template, padding: "x".repeat(size) })),
    fc.integer({ min: 1, max: Math.max(1, text.length - 1) }).map((at) => ({
      body: new Blob([encoder.encode(text.slice(0, at)), Uint8Array.of(0xff, 0xfe), encoder.encode(text.slice(at))]),
      contentType: "application/json",
    })),
  );
  return fc.oneof({ arbitrary: badField, weight: 4 }, { arbitrary: envelope, weight: 1 });
}

/** Query strings for a read: at least one of its parameters given a value it refuses, plus harmless extras. */
export function badQuery(params: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<FuzzRequest> {
  const names = Object.keys(params);
  return fc
    .tuple(
      fc.subarray(names, { minLength: 1 }),
      fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.string({ maxLength: 10 }), { maxKeys: 2 }),
    )
    .chain(([chosen, extra]) =>
      fc.tuple(...chosen.map((name) => params[name])).map((values) => ({
        query: {
          ...Object.fromEntries(Object.entries(extra).filter(([name]) => !names.includes(name))),
          ...Object.fromEntries(chosen.map((name, i) => [name, values[i]])),
        },
      })),
    );
}

/** Query values a numeric parameter refuses (as text: the query has no other type). */
export const badNumericQuery = (range: { min: number; max: number; integer?: boolean }) =>
  fc.oneof(
    fc.stringMatching(/^[a-df-z]{1,12}$/),
    fc.double({ min: -1e12, max: range.min - 1, noNaN: true }).map(String),
    fc.double({ min: range.max + 1, max: 1e300, noNaN: true }).map(String),
    fc.constantFrom("1e400", "-1e400", "Infinity", "NaN", range.integer ? "1.5" : "1.123456789"),
    unstorableQueryString,
  );

/** Input a route has no use for: odd query strings and headers, which it must ignore. */
export const ignoredInput: fc.Arbitrary<FuzzRequest> = fc.record({
  query: fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 40 }), { maxKeys: 3 }),
  headers: fc.record({
    "if-none-match": fc.stringMatching(/^[ -~]{0,40}$/),
    accept: fc.constantFrom("*/*", "text/html", "application/xml", ""),
  }),
});
