import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LegacyExportError, readLegacyExport, type ExportEntry } from "@/lib/legacy/read-legacy-export";

const parsed = (entry: ExportEntry) => ("json" in entry ? entry.json : `error: ${entry.parseError}`);

describe("readLegacyExport", () => {
  it("reads a pretty-printed JSON array and says on which line each document starts", () => {
    const text = ["[", '  {"a": 1,', '   "s": "x,]}\\"{"},', "  {", '    "b": [1, {"c": 2}]', "  }, 3,", '  "four"', "]"].join("\n");
    const { format, entries } = readLegacyExport(text);
    expect(format).toBe("json-array");
    expect(entries.map(parsed)).toEqual([{ a: 1, s: 'x,]}"{' }, { b: [1, { c: 2 }] }, 3, "four"]);
    expect(entries.map((e) => [e.index, e.line])).toEqual([
      [1, 2],
      [2, 4],
      [3, 6],
      [4, 7],
    ]);
  });

  it("reads a one-line array, with a byte order mark", () => {
    const { entries } = readLegacyExport('\uFEFF[{"a":1},{"a":2}]');
    expect(entries.map(parsed)).toEqual([{ a: 1 }, { a: 2 }]);
    expect(entries.map((e) => e.line)).toEqual([1, 1]);
  });

  it("reads one document per line, skipping blank lines, with CRLF, keeping a bad line as a bad entry", () => {
    const text = '{"a":1}\r\n\r\n{"a":2\r\n  {"a":3}  \r\n';
    const { format, entries } = readLegacyExport(text);
    expect(format).toBe("ndjson");
    expect(entries.map((e) => [e.index, e.line])).toEqual([
      [1, 1],
      [2, 3],
      [3, 4],
    ]);
    expect(parsed(entries[0])).toEqual({ a: 1 });
    expect(parsed(entries[1])).toMatch(/^error: /);
    expect(parsed(entries[2])).toEqual({ a: 3 });
  });

  it("takes an empty file as an export of an empty collection", () => {
    expect(readLegacyExport("")).toEqual({ format: "ndjson", entries: [] });
    expect(readLegacyExport("\n \n")).toEqual({ format: "ndjson", entries: [] });
    expect(readLegacyExport("[ ]")).toEqual({ format: "json-array", entries: [] });
  });

  it.each([
    ["a broken array", '[{"a": 1},\n{"a": 2'],
    ["an array with a trailing comma", '[{"a": 1},]'],
    ["text that is not JSON at all", "name,date\nx,2026-01-01\n"],
    ["one pretty-printed document", '{\n  "a": 1\n}\n'],
  ])("refuses %s as a whole", (_, text) => {
    expect(() => readLegacyExport(text)).toThrow(LegacyExportError);
  });

  it("finds every document of the fixtures where it starts", () => {
    const array = readLegacyExport(readFileSync("tests/fixtures/legacy/daily-distribution-queue.json", "utf8"));
    expect(array.entries).toHaveLength(14);
    const lines = readFileSync("tests/fixtures/legacy/daily-distribution-queue.json", "utf8").split("\n");
    for (const entry of array.entries) expect(lines[entry.line - 1].trim()).toBe("{");

    const ndjson = readLegacyExport(readFileSync("tests/fixtures/legacy/daily-distribution-queue.ndjson", "utf8"));
    expect(ndjson.entries.map((e) => ("parseError" in e ? `bad ${e.line}` : e.line))).toEqual([1, 2, "bad 3", 4]);
  });
});
