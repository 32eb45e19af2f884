import fc from "fast-check";
import { badInstant, badNumber, badShapedString, tooLong, unstorableString, wrongType, type FuzzRequest } from "./hostile";

// Hostile bodies for the bulk upserts (PUT /api/admin/members, /stakes): arrays or NDJSON of rows
// in which at least one row is refused — by its own fields or by the database checks (a repeated
// id, an unknown member, another account's email) — or a broken envelope. Every input is invalid.

const decimalText = /^\s*\d{1,12}(\.\d{1,8})?\s*$/;
/** Values an amount refuses: what badNumber gives, less the decimal strings these routes take. */
const badAmount = (range: { min: number; max: number; minExcluded?: boolean }) =>
  badNumber(range).filter(
    (value) => !(typeof value === "string" && decimalText.test(value) && (!range.minExcluded || /[1-9]/.test(value))),
  );

const badExternalId = fc.oneof(wrongType("string"), unstorableString, tooLong(128), fc.constantFrom("", " ", "a b", "a,b", 'a"b'));

export const fuzzMember = { externalId: "fuzz-member", email: "fuzz-member@platform.test", name: "Fuzz", performanceScore: "1.5" };
const memberFields: Record<string, fc.Arbitrary<unknown>> = {
  externalId: badExternalId,
  email: fc.oneof(wrongType("string"), unstorableString, tooLong(254), fc.constantFrom("", "no-at-sign", "a@", "@b.test", "a b@c.test")),
  name: fc.oneof(wrongType("string"), unstorableString, tooLong(200)),
  performanceScore: badAmount({ min: 0, max: 999_999_999_999 }),
};

// Its member does not exist in the fuzz database, so even an unbroken stake row is refused there.
export const fuzzStake = {
  externalId: "fuzz-stake",
  memberExternalId: "fuzz-member",
  principal: "100",
  status: "ACTIVE",
  startedAt: "2026-11-01T00:00:00Z",
};
const stakeFields: Record<string, fc.Arbitrary<unknown>> = {
  externalId: badExternalId,
  memberExternalId: badExternalId,
  principal: badAmount({ min: 0, max: 999_999_999_999, minExcluded: true }),
  status: badShapedString(["PAUSED", "active", "", "ENDED "]),
  startedAt: badInstant,
  endedAt: fc.oneof(
    badInstant.filter((value) => value !== null),
    fc.constant("2026-12-01T00:00:00Z"),
  ),
};

const encoder = new TextEncoder();
const asJson = (rows: unknown): FuzzRequest => ({ body: JSON.stringify(rows), contentType: "application/json" });
const asNdjson = (rows: unknown[]): FuzzRequest => ({
  body: rows.map((row) => JSON.stringify(row)).join("\n"),
  contentType: "application/x-ndjson",
});

/** `template` rows with one row's field made bad; as a JSON array or NDJSON; or a broken envelope; or a database-level refusal. */
export function bulkUpsertInput(
  template: Record<string, unknown>,
  fields: Record<string, fc.Arbitrary<unknown>>,
  refusedByDatabase: unknown[][],
) {
  const rowsWithBadField = fc
    .tuple(fc.constantFrom(...Object.keys(fields)), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 4 }))
    .chain(([field, at, count]) =>
      fields[field].map((value) =>
        Array.from({ length: count }, (_, i) => ({
          ...template,
          externalId: `${String(template.externalId)}-${i}`,
          ...(i === at % count ? { [field]: value } : {}),
        })),
      ),
    );
  const text = JSON.stringify([template]);
  const envelope = fc.oneof(
    fc
      .oneof(
        fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 })),
        fc.integer(),
        fc.string(),
        fc.constant(null),
        fc.boolean(),
      )
      .map(asJson),
    fc.array(fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.constant([])), { minLength: 1, maxLength: 3 }).map(asJson),
    fc.integer({ min: 1, max: text.length - 1 }).map((cut) => ({ body: text.slice(0, cut), contentType: "application/json" })),
    fc
      .constantFrom("text/plain", "application/x-www-form-urlencoded", "", "application/xml")
      .map((contentType) => ({ body: text, contentType })),
    fc
      .string({ minLength: 1, maxLength: 20 })
      .filter((line) => {
        try {
          JSON.parse(line);
          return false;
        } catch {
          return true;
        }
      })
      .map((line) => ({ body: `${JSON.stringify(template)}\n${line}`, contentType: "application/x-ndjson" })),
    fc.integer({ min: 1, max: text.length - 1 }).map((at) => ({
      body: new Blob([encoder.encode(text.slice(0, at)), Uint8Array.of(0xff, 0xfe), encoder.encode(text.slice(at))]),
      contentType: "application/json",
    })),
    fc.constant(null).map(() => asNdjson(Array.from({ length: 50_001 }, (_, i) => ({ ...template, externalId: `many-${i}` })))),
  );
  return fc.oneof(
    { arbitrary: rowsWithBadField.map(asJson), weight: 3 },
    { arbitrary: rowsWithBadField.map(asNdjson), weight: 2 },
    { arbitrary: envelope, weight: 2 },
    { arbitrary: fc.constantFrom(...refusedByDatabase).map(asJson), weight: 1 },
  );
}

export const bulkMembersInput = bulkUpsertInput(fuzzMember, memberFields, [
  [fuzzMember, fuzzMember],
  [fuzzMember, { ...fuzzMember, externalId: "fuzz-member-2" }],
]);
export const bulkStakesInput = bulkUpsertInput(fuzzStake, stakeFields, [[fuzzStake], [fuzzStake, { ...fuzzStake, principal: "2" }]]);
