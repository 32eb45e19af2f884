import fc from "fast-check";
import {
  badBoolean,
  badInstant,
  badNumber,
  badNumericQuery,
  badQuery,
  badShapedString,
  badSlotList,
  badText,
  badTime,
  badTimeZone,
  ignoredInput,
  jsonMutation,
  tooLong,
  unstorableQueryString,
  unstorableString,
  wrongType,
  type FuzzRequest,
} from "./hostile";
import { bulkMembersInput, bulkStakesInput } from "./bulk-inputs";

// The HTTP fuzz suite's table (tests/fuzz/http-fuzz.test.ts): for every "METHOD /api/… pattern"
// of the route files, who calls it and which hostile inputs it gets. `refused`: every input is
// invalid and must get a 4xx JSON error; `ignored`: the route takes no input and must answer as
// usual. A route file without a row fails the suite: add one.

export type FuzzRow = {
  as: "admin" | "anonymous";
  /** Dynamic segments when the input does not set them. */
  path?: Record<string, string>;
  input: fc.Arbitrary<FuzzRequest>;
  expect: "refused" | "ignored";
};

const amount = badNumber({ min: 0, max: 999_999_999_999 });
const ros = badNumber({ min: 0, max: 100, minExcluded: true });
const slot = { slotNumber: 3, rosPercentage: 1 };
const dayFields = {
  premiumPoolAmount: amount,
  performancePoolAmount: amount,
  description: badText(500),
  multiSlot: badBoolean,
  multiSlotEnabled: badBoolean,
  distributionSlots: badSlotList,
  date: fc.oneof(wrongType("string"), fc.constantFrom("1999-12-31", "0000-01-01", "2026-02-30", "10000-01-01", "today", "")),
  expectedVersion: fc.oneof(badNumber({ min: 1, max: 2 ** 31 - 1, integer: true }), fc.constant("1")),
};

const badSettingsSlots = fc.oneof(
  wrongType("array"),
  badNumber({ min: 1, max: 200, integer: true }).map((slotNumber) => [{ slotNumber, time: "10:00" }]),
  badTime.map((time) => [{ slotNumber: 1, time }]),
  fc.constant([
    { slotNumber: 1, time: "10:00" },
    { slotNumber: 1, time: "11:00" },
  ]),
  fc.constant(Array.from({ length: 201 }, (_, i) => ({ slotNumber: (i % 200) + 1, time: "10:00" }))),
);

const badDate = fc.oneof(
  fc.constantFrom("0000-01-01", "0000-12-31", "1969-12-31", "10000-01-01", "2026-02-30", "2026-13-01", "2026-1-1", "20261201", "today", ""),
  unstorableQueryString,
  tooLong(10),
);

/** A day's date as a path segment that cannot be one. */
const badDatePath = badDate
  .filter((date) => date !== "")
  .map((date) => ({ path: { date: encodeURIComponent(date) } }))
  .filter(({ path }) => path.date !== "." && path.date !== "..");

/** Text that cannot be a member's external id (printable ASCII, no spaces, at most 191). */
const badExternalId = fc.oneof(tooLong(191), unstorableQueryString, fc.constantFrom("a b", "é", "\t", " x"));

/** A path segment, URL-encoded, that cannot be a slot number. */
const badSlotNumber = fc
  .oneof(
    fc.constantFrom("0", "00", "01", "-1", "201", "999", "1000", "1.5", "1e2", "2 ", " 2", "２", "0x2", "abc", "%", "2%2F3"),
    fc.integer({ min: 201, max: 2 ** 40 }).map(String),
    fc.stringMatching(/^[0-9]{4,300}$/),
    unstorableQueryString,
    fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !/^[1-9]\d{0,2}$/.test(s.trim())),
  )
  .map((value) => (value.includes("%2F") ? value : encodeURIComponent(value)))
  .filter((segment) => segment !== "." && segment !== ".." && segment !== "");

// next-auth paths this app does not serve (the gate answers 404 or 405).
const servedAuthPaths = new Set([
  "session",
  "csrf",
  "providers",
  "signin",
  "signin/credentials",
  "signout",
  "error",
  "callback/credentials",
  "_log",
]);
const badAuthPath = fc
  .array(fc.oneof(fc.stringMatching(/^[A-Za-z0-9_~-]{1,12}$/), fc.constantFrom("callback", "signin", "credentials", "session", "_log")), {
    minLength: 1,
    maxLength: 3,
  })
  .filter((segments) => !servedAuthPaths.has(segments.join("/")))
  .map((segments) => ({ path: { nextauth: segments.join("/") } }));

const notJson = (text: string) => {
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
};
// JSON bodies for the actions next-auth does serve, which it would parse: broken, or holding text that cannot be stored.
const badAuthJson = fc
  .tuple(
    fc.constantFrom("session", "signout", "_log"),
    fc.oneof(
      fc
        .string({ maxLength: 30 })
        .map((tail) => `{${tail}`)
        .filter(notJson),
      unstorableString.map((data) => JSON.stringify({ csrfToken: "x", data })),
    ),
  )
  .map(([nextauth, body]) => ({ path: { nextauth }, body, contentType: "application/json" }));

const formFieldLimits = { email: 254, password: 1024, code: 16, csrfToken: 256, callbackUrl: 2048 };
const badSignInForm: fc.Arbitrary<FuzzRequest> = fc.oneof(
  fc
    .subarray(Object.keys(formFieldLimits) as (keyof typeof formFieldLimits)[], { minLength: 1 })
    .chain((names) =>
      fc
        .tuple(...names.map((name) => fc.oneof(tooLong(formFieldLimits[name]), unstorableQueryString)))
        .map((values) => ({ names, values })),
    )
    .map(({ names, values }) => ({
      body: new URLSearchParams({
        email: "x@slotpay.test",
        password: "x",
        ...Object.fromEntries(names.map((name, i) => [name, values[i]])),
      }).toString(),
      contentType: "application/x-www-form-urlencoded",
    })),
  fc.integer({ min: 17, max: 60 }).map((count) => ({
    body: new URLSearchParams(Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${i}`, "x"]))).toString(),
    contentType: "application/x-www-form-urlencoded",
  })),
  fc
    .integer({ min: 8 * 1024, max: 64 * 1024 })
    .map((size) => ({ body: `email=${"a".repeat(size)}&password=x`, contentType: "application/x-www-form-urlencoded" })),
);

const notFound: FuzzRow = {
  as: "anonymous",
  input: fc
    .tuple(
      fc.stringMatching(/^[a-z0-9]{1,10}$/),
      fc.array(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 3 }),
      fc.option(fc.jsonValue()),
    )
    .map(([head, rest, body]) => ({
      path: { path: [`fuzz-${head}`, ...rest.map(encodeURIComponent)].filter((s) => s !== "." && s !== "..").join("/") },
      ...(body === null ? {} : { body: JSON.stringify(body), contentType: "application/json" }),
    })),
  expect: "refused",
};

export const fuzzTable: Record<string, FuzzRow> = {
  "POST /api/account/two-factor": {
    as: "admin",
    input: jsonMutation(
      { enrollmentToken: "v1.a.b.c", code: "123456" },
      { enrollmentToken: fc.oneof(badText(1000), fc.constant("")), code: badShapedString(["12345", "1234567", "abcdef", "12 456"]) },
    ),
    expect: "refused",
  },
  "GET /api/account/step-up": { as: "admin", input: ignoredInput, expect: "ignored" },
  "GET /api/admin/api-keys": { as: "admin", input: ignoredInput, expect: "ignored" },
  "GET /api/openapi.json": { as: "anonymous", input: ignoredInput, expect: "ignored" },
  "POST /api/admin/api-keys": {
    as: "admin",
    input: jsonMutation(
      { name: "fuzz", scopes: ["payouts:read"] },
      {
        name: fc.oneof(badText(100), fc.constantFrom("", "  ", "a/b", "<script>", "x\ny")),
        scopes: fc.oneof(
          wrongType("array"),
          fc.constantFrom([], ["payouts:write"], ["payouts:read", "payouts:read"], ["admin"], ["members:write", "*"]),
          fc.array(badText(20), { minLength: 1, maxLength: 3 }),
        ),
      },
    ),
    expect: "refused",
  },
  "POST /api/admin/api-keys/[id]/revoke": {
    as: "admin",
    path: { id: "1" },
    input: fc.oneof(
      badSlotNumber
        .filter((segment) => !/^[1-9]\d{0,8}$/.test(decodeURIComponent(segment)))
        .map((id) => ({ path: { id }, body: "{}", contentType: "application/json" })),
      fc.constantFrom("0", "01", "-1", "1234567890", "1.0").map((id) => ({ path: { id }, body: "{}", contentType: "application/json" })),
      jsonMutation({}, { reason: fc.jsonValue() }).map((input) => ({ ...input, path: { id: "1" } })),
    ),
    expect: "refused",
  },
  "PUT /api/admin/members": { as: "admin", input: bulkMembersInput, expect: "refused" },
  "PUT /api/admin/stakes": { as: "admin", input: bulkStakesInput, expect: "refused" },
  "GET /api/admin/audit-log": {
    as: "admin",
    input: badQuery({
      page: badNumericQuery({ min: 1, max: 100_000, integer: true }),
      pageSize: badNumericQuery({ min: 1, max: 200, integer: true }),
      action: fc.oneof(tooLong(100), unstorableQueryString),
      // An empty filter ("?outcome=") is off, as the audit page sends it: not an input to refuse.
      outcome: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !["OK", "REFUSED", "FAILED"].includes(s)),
      actor: fc.oneof(tooLong(320), unstorableQueryString),
      from: badDate.filter((d) => d !== ""),
      to: badDate.filter((d) => d !== ""),
      date: badDate.filter((d) => d !== ""),
    }),
    expect: "refused",
  },
  "GET /api/admin/daily-declaration-returns/cron-settings": { as: "admin", input: ignoredInput, expect: "ignored" },
  "PUT /api/admin/daily-declaration-returns/cron-settings": {
    as: "admin",
    input: jsonMutation(
      { maxAttempts: 3 },
      {
        timeZone: badTimeZone,
        timezone: badTimeZone,
        slots: badSettingsSlots,
        maxSlotsPerDay: badNumber({ min: 1, max: 200, integer: true }),
        maxRosPercentage: ros,
        maxDailyRosPercentage: ros,
        maxPoolAmount: amount,
        maxLatenessSeconds: badNumber({ min: 60, max: 86_400, integer: true }),
        maxAttempts: badNumber({ min: 1, max: 10, integer: true }),
        premiumMinStake: amount,
        performanceMinScore: amount,
      },
    ),
    expect: "refused",
  },
  "GET /api/admin/daily-declaration-returns/days/[date]": {
    as: "admin",
    path: { date: "2026-01-15" },
    input: badDatePath,
    expect: "refused",
  },
  "GET /api/admin/daily-declaration-returns/days/[date]/payouts.csv": {
    as: "admin",
    path: { date: "2026-01-15" },
    input: fc.oneof(
      badDatePath,
      badQuery({
        slot: badNumericQuery({ min: 1, max: 200, integer: true }),
        format: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !["csv", "ndjson"].includes(s)),
        member: badExternalId,
      }),
    ),
    expect: "refused",
  },
  "GET /api/admin/members/[externalId]/statement": {
    as: "admin",
    path: { externalId: "fuzz-member" },
    input: fc.oneof(
      badQuery({ from: badDate, to: badDate }),
      fc.constantFrom({ query: { from: "2026-02-14", to: "2026-02-13" } }, { query: { from: "2024-01-01", to: "2026-01-01" } }),
      badExternalId
        .map((id) => ({ path: { externalId: encodeURIComponent(id) }, query: { from: "2026-01-01", to: "2026-01-31" } }))
        .filter(({ path }) => path.externalId !== "." && path.externalId !== ".."),
    ),
    expect: "refused",
  },
  "GET /api/admin/webhook-deliveries": {
    as: "admin",
    input: badQuery({
      state: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !["PENDING", "DELIVERED", "GIVEN_UP"].includes(s)),
      limit: badNumericQuery({ min: 1, max: 200, integer: true }),
    }),
    expect: "refused",
  },
  "GET /api/admin/daily-declaration-returns/history": {
    as: "admin",
    input: fc.oneof(
      badQuery({ from: badDate, to: badDate }),
      fc.constantFrom({ query: { from: "2026-02-14", to: "2026-02-13" } }, { query: { from: "2024-01-01", to: "2026-01-01" } }),
    ),
    expect: "refused",
  },
  "POST /api/admin/daily-declaration-returns/modify": {
    as: "admin",
    input: jsonMutation({ premiumPoolAmount: 100, performancePoolAmount: 50, description: "fuzz", distributionSlots: [slot] }, dayFields),
    expect: "refused",
  },
  "GET /api/admin/daily-declaration-returns/preview": {
    as: "admin",
    input: badQuery({ rosPercentage: fc.oneof(badNumericQuery({ min: 0, max: 100 }), fc.constantFrom("0", "-0", "")) }),
    expect: "refused",
  },
  "POST /api/admin/daily-declaration-returns/queue": {
    as: "admin",
    input: jsonMutation(
      { premiumPoolAmount: 100, performancePoolAmount: 50, description: "fuzz", multiSlot: true, distributionSlots: [slot] },
      { ...dayFields, rosPercentage: ros, scheduledFor: badInstant, time: badTime },
    ),
    expect: "refused",
  },
  "POST /api/admin/daily-declaration-returns/slots/[slotNumber]/retry": {
    as: "admin",
    path: { slotNumber: "2" },
    input: fc.oneof(
      badSlotNumber.map((slotNumber) => ({ path: { slotNumber }, body: "{}", contentType: "application/json" })),
      jsonMutation({}, { scheduledFor: badInstant }),
    ),
    expect: "refused",
  },
  "POST /api/admin/daily-declaration-returns/test-execute-cron": {
    as: "admin",
    input: jsonMutation({}, { now: badInstant }),
    expect: "refused",
  },
  "POST /api/admin/daily-declaration-returns/today/add-slots": {
    as: "admin",
    input: jsonMutation({ additionalSlots: [{ slotNumber: 4, rosPercentage: 1 }] }, { additionalSlots: badSlotList }),
    expect: "refused",
  },
  "GET /api/admin/daily-declaration-returns/today/status": { as: "admin", input: ignoredInput, expect: "ignored" },
  "GET /api/auth/[...nextauth]": { as: "anonymous", input: badAuthPath, expect: "refused" },
  "POST /api/auth/[...nextauth]": {
    as: "anonymous",
    path: { nextauth: "callback/credentials" },
    input: fc.oneof(badSignInForm, badAuthPath, badAuthJson),
    expect: "refused",
  },
  "GET /api/health": { as: "anonymous", input: ignoredInput, expect: "ignored" },
  // Without Inngest configured (as these suites run) every method answers a JSON 404.
  "GET /api/inngest": { as: "anonymous", input: ignoredInput, expect: "refused" },
  "POST /api/inngest": { as: "anonymous", input: ignoredInput, expect: "refused" },
  "PUT /api/inngest": { as: "anonymous", input: ignoredInput, expect: "refused" },
  // With a database and no METRICS_TOKEN: 404, whatever the Authorization header says.
  "GET /api/metrics": {
    as: "anonymous",
    input: fc.stringMatching(/^[ -~]{0,60}$/).map((authorization) => ({ headers: { authorization } })),
    expect: "refused",
  },
  "GET /api/[...path]": notFound,
  "POST /api/[...path]": notFound,
  "PUT /api/[...path]": notFound,
  "PATCH /api/[...path]": notFound,
  "DELETE /api/[...path]": notFound,
};
