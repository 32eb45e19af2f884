import { describe, expect, it } from "vitest";
import { ExactNumberValue, ExtendedJsonError, ObjectIdValue, decodeExtendedJson, toPlainJson } from "@/lib/legacy/extended-json";

const decode = (json: string) => decodeExtendedJson(JSON.parse(json));

function decodeError(json: string): ExtendedJsonError {
  try {
    decode(json);
  } catch (error) {
    if (error instanceof ExtendedJsonError) return error;
    throw error;
  }
  throw new Error(`${json} decoded without error`);
}

describe("decodeExtendedJson", () => {
  it("decodes $oid to a lowercase id that knows when it was made", () => {
    const id = decode('{"$oid": "695B565CA3F1C29E4B0D1E01"}');
    expect(id).toBeInstanceOf(ObjectIdValue);
    expect((id as ObjectIdValue).hex).toBe("695b565ca3f1c29e4b0d1e01");
    expect((id as ObjectIdValue).timestamp.toISOString()).toBe("2026-01-05T06:12:44.000Z");
  });

  it.each([
    ['{"$date": "2026-02-13T08:00:00.000Z"}', "2026-02-13T08:00:00.000Z"], // relaxed
    ['{"$date": "2026-02-13T08:00:00Z"}', "2026-02-13T08:00:00.000Z"],
    ['{"$date": "2026-02-13T08:00Z"}', "2026-02-13T08:00:00.000Z"],
    ['{"$date": "2026-02-13T09:00:00+01:00"}', "2026-02-13T08:00:00.000Z"],
    ['{"$date": "2026-02-13T09:00:00.5+0100"}', "2026-02-13T08:00:00.500Z"],
    ['{"$date": {"$numberLong": "1770969600000"}}', "2026-02-13T08:00:00.000Z"], // canonical
    ['{"$date": {"$numberLong": "-86400000"}}', "1969-12-31T00:00:00.000Z"], // relaxed writes pre-1970 this way too
    ['{"$date": 1770969600000}', "2026-02-13T08:00:00.000Z"], // mongoexport before 4.2
  ])("decodes %s", (json, iso) => {
    const date = decode(json);
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).toISOString()).toBe(iso);
  });

  it("decodes the number types, keeping decimals and large longs exact", () => {
    expect(decode('{"$numberInt": "42"}')).toBe(42);
    expect(decode('{"$numberInt": "-7"}')).toBe(-7);
    expect(decode('{"$numberLong": "1767681002000"}')).toBe(1767681002000);
    expect(decode('{"$numberLong": "9007199254740993"}')).toEqual(new ExactNumberValue("9007199254740993"));
    expect(decode('{"$numberDouble": "2.25"}')).toBe(2.25);
    expect(decode('{"$numberDouble": "-1.5e3"}')).toBe(-1500);
    expect(decode('{"$numberDouble": "Infinity"}')).toBe(Number.POSITIVE_INFINITY);
    expect(decode('{"$numberDouble": "-Infinity"}')).toBe(Number.NEGATIVE_INFINITY);
    expect(decode('{"$numberDouble": "NaN"}')).toBeNaN();
    expect(decode('{"$numberDecimal": "4500.50"}')).toEqual(new ExactNumberValue("4500.50"));
  });

  it("decodes nested documents and arrays, leaving plain values alone", () => {
    expect(
      decode('{"a": [1, "x", null, true, {"$numberInt": "3"}], "b": {"c": {"$date": "2026-01-01T00:00:00Z"}}, "$comment": 1}'),
    ).toEqual({ a: [1, "x", null, true, 3], b: { c: new Date("2026-01-01T00:00:00Z") }, $comment: 1 });
  });

  it("keeps wrappers it has no meaning for, and objects that only look like wrappers", () => {
    expect(decode('{"$timestamp": {"t": 1, "i": 2}}')).toEqual({ $timestamp: { t: 1, i: 2 } });
    expect(decode('{"$oid": "695b565ca3f1c29e4b0d1e01", "note": "x"}')).toEqual({ $oid: "695b565ca3f1c29e4b0d1e01", note: "x" });
  });

  it.each([
    ['{"_id": {"$oid": "xyz"}}', "_id", "$oid must be 24 hex digits"],
    ['{"_id": {"$oid": 12}}', "_id", "$oid must be 24 hex digits"],
    ['{"slots": [{}, {"at": {"$date": "yesterday"}}]}', "slots[1].at", "is not an ISO 8601 instant"],
    ['{"at": {"$date": "2026-02-30T08:00:00Z"}}', "at", "is not an ISO 8601 instant"],
    ['{"at": {"$date": "2026-02-13"}}', "at", "is not an ISO 8601 instant"],
    ['{"at": {"$date": "2026-02-13T25:00:00Z"}}', "at", "is not an ISO 8601 instant"],
    ['{"at": {"$date": {"$numberLong": "soon"}}}', "at", "$date must be"],
    ['{"at": {"$date": {"$numberLong": "99999999999999999"}}}', "at", "out of range"],
    ['{"n": {"$numberInt": "1.5"}}', "n", `$numberInt "1.5" is not an integer`],
    ['{"n": {"$numberLong": 5}}', "n", "is not an integer"],
    ['{"n": {"$numberDouble": "two"}}', "n", "is not a number"],
    ['{"n": {"$numberDecimal": 5}}', "n", "$numberDecimal must be a string"],
  ])("refuses %s, naming the field", (json, path, message) => {
    const error = decodeError(json);
    expect(error.path).toBe(path);
    expect(error.message).toContain(`${path}: `);
    expect(error.message).toContain(message);
  });
});

describe("toPlainJson", () => {
  it("turns decoded values into jsonb-ready JSON", () => {
    const decoded = decode(
      '{"at": {"$date": {"$numberLong": "1767859204512"}}, "by": {"$oid": "64f0c1d2e3a4b5c6d7e8f901"}, ' +
        '"total": {"$numberDecimal": "7250.125"}, "bad": {"$numberDouble": "NaN"}, "list": [{"$numberInt": "1"}]}',
    );
    expect(toPlainJson(decoded)).toEqual({
      at: "2026-01-08T08:00:04.512Z",
      by: "64f0c1d2e3a4b5c6d7e8f901",
      total: 7250.125,
      bad: null,
      list: [1],
    });
  });
});
