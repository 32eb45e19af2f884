import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { copyTextLine } from "@/lib/bulk/copy-text";
import { parseRow } from "@/lib/bulk/parse-rows";
import { plainStakeRow } from "@/lib/bulk/plain-stake-row";
import { stakeRow } from "@/lib/bulk/row-schemas";

// The importer's shortcut past the stake schema must never accept what the schema refuses, and
// must give exactly what the schema gives for what it accepts.

const plainRow = {
  externalId: "65f1c0ffee0123456789abcd",
  memberExternalId: "m-42",
  principal: "1500.12345678",
  status: "ACTIVE",
  startedAt: "2026-10-01T00:00:00Z",
};

// Values near every edge the schema draws: ids with spaces, commas, quotes and control
// characters, amounts with 9 decimals or none above zero, impossible dates, leap days, offsets.
const idValues = fc.oneof(
  { arbitrary: fc.stringMatching(/^[A-Za-z0-9_.:-]{1,8}$/), weight: 4 },
  fc.constantFrom("", " a", "a b", "a,b", 'a"b', "a\u0001b", "x".repeat(128), "x".repeat(129), "ä", "\ud800"),
);
const amountValues = fc.oneof(
  { arbitrary: fc.stringMatching(/^\d{1,3}(\.\d{0,10})?$/), weight: 6 },
  fc.constantFrom("0", "0.00000000", "0.00000001", "1e3", " 5", "5 ", "-1", "1234567890123", "999999999999.99999999", ".5", "5."),
  fc.double({ noNaN: false }),
  fc.integer(),
);
const instantValues = fc.oneof(
  {
    arbitrary: fc
      .date({ min: new Date("1960-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true })
      .map((date) => date.toISOString()),
    weight: 3,
  },
  fc.constantFrom(
    "2026-10-01T00:00:00Z",
    "2026-10-01T00:00:00.5Z",
    "2024-02-29T12:00:00Z",
    "2026-02-29T12:00:00Z",
    "2026-04-31T00:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-10-01T24:00:00Z",
    "2026-10-01T00:00Z",
    "2026-10-01T00:00:00+02:00",
    "2026-10-01 00:00:00Z",
    "1969-12-31T23:59:59Z",
    "2026-10-01",
  ),
);
const knownFieldRows = fc.record(
  {
    externalId: idValues,
    memberExternalId: idValues,
    principal: amountValues,
    status: fc.constantFrom("ACTIVE", "ENDED", "active", "PAUSED"),
    startedAt: instantValues,
    endedAt: fc.oneof(instantValues, fc.constant(null), fc.constant("")),
  },
  { requiredKeys: ["externalId", "memberExternalId", "principal", "status", "startedAt"] },
);
// One row in eight also carries a field the schema does not know.
const rawRows = fc
  .tuple(knownFieldRows, fc.integer({ min: 0, max: 7 }))
  .map(([row, dice]) => (dice === 0 ? { ...row, unexpected: "x" } : row));

describe("plainStakeRow", () => {
  it("takes an ordinary row without the schema, as the schema would parse it", () => {
    expect(plainStakeRow(plainRow)).toEqual(stakeRow.parse(plainRow));
    const ended = { ...plainRow, status: "ENDED", endedAt: "2026-11-01T00:00:00.250Z" };
    expect(plainStakeRow(ended)).toEqual(stakeRow.parse(ended));
  });

  it("leaves to the schema every row it is unsure of", () => {
    expect(plainStakeRow({ ...plainRow, principal: 1500 })).toBeNull();
    expect(plainStakeRow({ ...plainRow, principal: "1.123456789" })).toBeNull();
    expect(plainStakeRow({ ...plainRow, externalId: " padded" })).toBeNull();
    expect(plainStakeRow({ ...plainRow, startedAt: "2026-02-30T00:00:00Z" })).toBeNull();
    expect(plainStakeRow({ ...plainRow, status: "ENDED" })).toBeNull();
    expect(plainStakeRow({ ...plainRow, note: "x" })).toBeNull();
  });

  it("never accepts a row the schema refuses, and agrees with it on every row it accepts", () => {
    let accepted = 0;
    fc.assert(
      fc.property(rawRows, (raw) => {
        const plain = plainStakeRow(raw);
        if (plain === null) return;
        accepted++;
        const parsed = stakeRow.safeParse(raw);
        expect(parsed.success).toBe(true);
        expect(plain).toStrictEqual(parsed.data);
        expect(parseRow("stakes", raw, 1)).toStrictEqual({ ok: true, value: parsed.data });
      }),
      { numRuns: 5_000 },
    );
    expect(accepted).toBeGreaterThan(50); // the generators reach the shortcut, not only the schema
  });
});

describe("copyTextLine", () => {
  it("escapes what COPY's text format reads specially and writes null as \\N", () => {
    expect(copyTextLine([1, "plain", null, "tab\there", "line\nbreak", "back\\slash", "cr\r"])).toBe(
      "1\tplain\t\\N\ttab\\there\tline\\nbreak\tback\\\\slash\tcr\\r\n",
    );
  });
});
