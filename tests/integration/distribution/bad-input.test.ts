import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { codeFor, signInAs } from "../../factories/users";
import { resetDays, snapshotState } from "../../helpers/db-state";
import { dayIdOf, simulateExecution } from "../../helpers/execution";
import { apiBase, apiRequest, callRoute, expectError, expectSuccess, readJson } from "../../helpers/http";
import { clientFor, routeHandlers } from "../../helpers/routes";
import { signedIn, withCode, type SignedIn } from "../../helpers/session";
import { useMiddayTimeZone, type Today } from "../../helpers/today";

// SPEC §5: bad input to any route is a 400 VALIDATION JSON error — never a 500 — and a rejected
// request changes nothing. Today's day: slot 1 COMPLETED, 2 FAILED, 3 PENDING; at most 4 slots.

let admin: SignedIn;
let today: Today;

const yesterday = () => new Date(Date.now() - 24 * 3600_000).toISOString();
const tomorrow = () => new Date(Date.now() + 24 * 3600_000).toISOString();

type Mutation = "queue" | "modify" | "addSlots" | "retry" | "putSettings";
type Send = { raw?: string; body?: unknown; contentType?: string; slotNumber?: string };

/** One request to a mutation route, as the admin whose step-up window is open. */
function send(route: Mutation, options: Send): Promise<Response> {
  const init = { cookie: admin.cookie, raw: options.raw, body: options.body, contentType: options.contentType };
  switch (route) {
    case "queue":
      return routeHandlers.queue(apiRequest(`${apiBase}/queue`, { ...init, method: "POST" }));
    case "modify":
      return routeHandlers.modify(apiRequest(`${apiBase}/modify`, { ...init, method: "POST" }));
    case "addSlots":
      return routeHandlers.addSlots(apiRequest(`${apiBase}/today/add-slots`, { ...init, method: "POST" }));
    case "retry": {
      const slotNumber = options.slotNumber ?? "2";
      return callRoute(routeHandlers.retry, apiRequest(`${apiBase}/slots/${slotNumber}/retry`, { ...init, method: "POST" }), { slotNumber });
    }
    case "putSettings":
      return routeHandlers.putSettings(apiRequest(`${apiBase}/cron-settings`, { ...init, method: "PUT" }));
  }
}

// Bodies each route would accept (and act on): a broken envelope around them must still be refused.
const validBody: Record<Mutation, () => Record<string, unknown>> = {
  queue: () => ({ distributionSlots: [{ slotNumber: 3, rosPercentage: 1.5 }] }),
  modify: () => ({ distributionSlots: [{ slotNumber: 3, rosPercentage: 1.5 }] }),
  addSlots: () => ({ additionalSlots: [{ slotNumber: 4, rosPercentage: 1 }] }),
  retry: () => ({}),
  putSettings: () => ({ maxAttempts: 5 }),
};

const envelopeCases = (route: Mutation): [string, () => Promise<Response>][] => [
  ["malformed JSON", () => send(route, { raw: "{not json" })],
  ["truncated JSON", () => send(route, { raw: '{"distributionSlots": [' })],
  ["an empty body", () => send(route, { raw: "" })],
  ["text/plain", () => send(route, { body: validBody[route](), contentType: "text/plain" })],
  ["form encoding", () => send(route, { raw: "maxAttempts=5", contentType: "application/x-www-form-urlencoded" })],
  ["no content type", () => send(route, { body: validBody[route](), contentType: "" })],
  ["an array", () => send(route, { body: [validBody[route]()] })],
  ["an empty array", () => send(route, { body: [] })],
  ["null", () => send(route, { raw: "null" })],
  ["a number", () => send(route, { raw: "42" })],
  ["a string", () => send(route, { raw: '"queue"' })],
  ["a body over 64 KB", () => send(route, { body: { ...validBody[route](), padding: "x".repeat(70_000) } })],
  ["a numeric twoFactorCode", () => send(route, { body: { ...validBody[route](), twoFactorCode: 123456 } })],
  ["a 17-character twoFactorCode", () => send(route, { body: { ...validBody[route](), twoFactorCode: "1".repeat(17) } })],
];

type Slot = Record<string, unknown>;
const slotCases = (key: "distributionSlots" | "additionalSlots", target: number): [string, Slot[]][] => [
  ["rosPercentage as a string", [{ slotNumber: target, rosPercentage: "2.5" }]],
  ["slotNumber as a string", [{ slotNumber: String(target), rosPercentage: 1 }]],
  ["rosPercentage missing", [{ slotNumber: target }]],
  ["rosPercentage null", [{ slotNumber: target, rosPercentage: null }]],
  ["rosPercentage 0", [{ slotNumber: target, rosPercentage: 0 }]],
  ["rosPercentage -1", [{ slotNumber: target, rosPercentage: -1 }]],
  ["rosPercentage 101", [{ slotNumber: target, rosPercentage: 101 }]],
  ["rosPercentage 11, above the settings maximum of 10", [{ slotNumber: target, rosPercentage: 11 }]],
  ["rosPercentage 10.00000001, just above the maximum", [{ slotNumber: target, rosPercentage: 10.00000001 }]],
  ["rosPercentage with 9 decimals", [{ slotNumber: target, rosPercentage: 1.123456789 }]],
  ["duplicate slot numbers", [{ slotNumber: target, rosPercentage: 1 }, { slotNumber: target, rosPercentage: 2 }]],
  ["slotNumber 0", [{ slotNumber: 0, rosPercentage: 1, time: "20:00" }]],
  ["slotNumber 1.5", [{ slotNumber: 1.5, rosPercentage: 1, time: "20:00" }]],
  ["slotNumber 201", [{ slotNumber: 201, rosPercentage: 1, time: "20:00" }]],
  ["slotNumber 5, above maxSlotsPerDay 4", [{ slotNumber: 5, rosPercentage: 1, time: "20:00" }]],
  ["scheduledFor yesterday", [{ slotNumber: target, rosPercentage: 1, scheduledFor: yesterday() }]],
  ["scheduledFor tomorrow", [{ slotNumber: target, rosPercentage: 1, scheduledFor: tomorrow() }]],
  ["scheduledFor that is not a date", [{ slotNumber: target, rosPercentage: 1, scheduledFor: "tomorrow at noon" }]],
  ["scheduledFor in month 13", [{ slotNumber: target, rosPercentage: 1, scheduledFor: "2026-13-01T10:00:00Z" }]],
  ["scheduledFor without an offset", [{ slotNumber: target, rosPercentage: 1, scheduledFor: "2026-02-13T20:00:00" }]],
  ["scheduledFor as a number", [{ slotNumber: target, rosPercentage: 1, scheduledFor: Date.now() }]],
  ["time 25:00", [{ slotNumber: target, rosPercentage: 1, time: "25:00" }]],
  ["time 7:00", [{ slotNumber: target, rosPercentage: 1, time: "7:00" }]],
  ["time 12:60", [{ slotNumber: target, rosPercentage: 1, time: "12:60" }]],
  ["time with milliseconds", [{ slotNumber: target, rosPercentage: 1, time: "20:00:00.500" }]],
  ["a slot that is not an object", ["slot" as unknown as Slot]],
].map(([name, list]) => [`${key}: ${name}`, list as Slot[]]);

const queueCases: [string, Record<string, unknown>][] = [
  ...slotCases("distributionSlots", 4).map(([name, list]): [string, Record<string, unknown>] => [name, { distributionSlots: list }]),
  ["five slots, more than maxSlotsPerDay 4", { distributionSlots: [1, 2, 3, 4, 5].map((n) => ({ slotNumber: n, rosPercentage: 1, time: "20:00" })) }],
  ["no slots", { distributionSlots: [] }],
  ["nothing", {}],
  ["distributionSlots as an object", { distributionSlots: { slotNumber: 4, rosPercentage: 1 } }],
  ["premiumPoolAmount as a string", { premiumPoolAmount: "5000", distributionSlots: [{ slotNumber: 3, rosPercentage: 1 }] }],
  ["premiumPoolAmount negative", { premiumPoolAmount: -1, distributionSlots: [{ slotNumber: 3, rosPercentage: 1 }] }],
  ["performancePoolAmount negative", { performancePoolAmount: -0.01, distributionSlots: [{ slotNumber: 3, rosPercentage: 1 }] }],
  ["premiumPoolAmount with 9 decimals", { premiumPoolAmount: 1.123456789, distributionSlots: [{ slotNumber: 3, rosPercentage: 1 }] }],
  ["premiumPoolAmount above 10^12", { premiumPoolAmount: 1e13, distributionSlots: [{ slotNumber: 3, rosPercentage: 1 }] }],
  ["multiSlot as a string", { multiSlot: "yes", distributionSlots: [{ slotNumber: 3, rosPercentage: 1 }] }],
  ["single-slot with two slots", { multiSlot: false, distributionSlots: [{ slotNumber: 3, rosPercentage: 1 }, { slotNumber: 4, rosPercentage: 1 }] }],
  ["single-slot with no rosPercentage", { multiSlot: false }],
  ["a description of 10 000 characters", { description: "x".repeat(10_000), distributionSlots: [{ slotNumber: 3, rosPercentage: 1 }] }],
  ["a description that is a number", { description: 42, distributionSlots: [{ slotNumber: 3, rosPercentage: 1 }] }],
];

const modifyCases: [string, Record<string, unknown>][] = [
  ...slotCases("distributionSlots", 3).map(([name, list]): [string, Record<string, unknown>] => [name, { distributionSlots: list }]),
  ["a new slot scheduled tomorrow", { distributionSlots: [{ slotNumber: 3, rosPercentage: 1 }, { slotNumber: 4, rosPercentage: 1, scheduledFor: tomorrow() }] }],
  ["five slots, more than maxSlotsPerDay 4", { distributionSlots: [1, 2, 3, 4, 5].map((n) => ({ slotNumber: n, rosPercentage: 1, time: "20:00" })) }],
  ["no slots", { distributionSlots: [] }],
  ["nothing", {}],
  ["premiumPoolAmount negative", { premiumPoolAmount: -5, distributionSlots: [{ slotNumber: 3, rosPercentage: 1 }] }],
  ["performancePoolAmount as a string", { performancePoolAmount: "10", distributionSlots: [{ slotNumber: 3, rosPercentage: 1 }] }],
  ["a description of 10 000 characters", { description: "x".repeat(10_000), distributionSlots: [{ slotNumber: 3, rosPercentage: 1 }] }],
];

const addSlotsCases: [string, Record<string, unknown>][] = [
  ...slotCases("additionalSlots", 4).map(([name, list]): [string, Record<string, unknown>] => [name, { additionalSlots: list }]),
  ["additionalSlots missing", {}],
  ["additionalSlots empty", { additionalSlots: [] }],
  ["additionalSlots null", { additionalSlots: null }],
  ["additionalSlots as a string", { additionalSlots: "4" }],
  ["additionalSlots as an object", { additionalSlots: { slotNumber: 4, rosPercentage: 1 } }],
  ["an existing slot number", { additionalSlots: [{ slotNumber: 3, rosPercentage: 1 }] }],
  ["a new slot next to an existing one", { additionalSlots: [{ slotNumber: 4, rosPercentage: 1 }, { slotNumber: 1, rosPercentage: 1 }] }],
];

const retryCases: [string, Send][] = [
  ...["0", "1.5", "201", "abc", "-1", "", "2abc"].map((slotNumber): [string, Send] => [`slotNumber ${JSON.stringify(slotNumber)}`, { slotNumber, body: {} }]),
  ["scheduledFor yesterday", { body: { scheduledFor: yesterday() } }],
  ["scheduledFor tomorrow", { body: { scheduledFor: tomorrow() } }],
  ["scheduledFor that is not a date", { body: { scheduledFor: "soon" } }],
  ["scheduledFor as a number", { body: { scheduledFor: 1_700_000_000_000 } }],
  ["scheduledFor without an offset", { body: { scheduledFor: "2026-02-13T20:00:00" } }],
];

const settingsCases: [string, Record<string, unknown>][] = [
  ["an unknown timeZone", { timeZone: "Mars/Olympus_Mons" }],
  ["an empty timeZone", { timeZone: "" }],
  ["a numeric timeZone", { timeZone: 42 }],
  ["a 100-character timeZone", { timeZone: "Europe/".padEnd(100, "x") }],
  ["an unknown timezone (alias)", { timezone: "Nowhere/Special" }],
  ["maxSlotsPerDay 0", { maxSlotsPerDay: 0 }],
  ["maxSlotsPerDay 201", { maxSlotsPerDay: 201 }],
  ["maxSlotsPerDay 2.5", { maxSlotsPerDay: 2.5 }],
  ["maxSlotsPerDay as a string", { maxSlotsPerDay: "4" }],
  ["maxSlotsPerDay below slots that have times", { maxSlotsPerDay: 2 }],
  ["maxRosPercentage 0", { maxRosPercentage: 0 }],
  ["maxRosPercentage -1", { maxRosPercentage: -1 }],
  ["maxRosPercentage 101", { maxRosPercentage: 101 }],
  ["maxRosPercentage with 9 decimals", { maxRosPercentage: 1.123456789 }],
  ["maxRosPercentage as a string", { maxRosPercentage: "10" }],
  ["maxLatenessSeconds 59", { maxLatenessSeconds: 59 }],
  ["maxLatenessSeconds over a day", { maxLatenessSeconds: 86_401 }],
  ["maxAttempts 0", { maxAttempts: 0 }],
  ["maxAttempts 11", { maxAttempts: 11 }],
  ["premiumMinStake negative", { premiumMinStake: -1 }],
  ["premiumMinStake as a string", { premiumMinStake: "1000" }],
  ["performanceMinScore with 9 decimals", { performanceMinScore: 1.123456789 }],
  ["a slot time 25:00", { slots: [{ slotNumber: 1, time: "25:00" }] }],
  ["a slot time 7:00", { slots: [{ slotNumber: 1, time: "7:00" }] }],
  ["a slot without a time", { slots: [{ slotNumber: 1 }] }],
  ["duplicate slot times", { slots: [{ slotNumber: 1, time: "08:00" }, { slotNumber: 1, time: "09:00" }] }],
  ["a slot time for slot 0", { slots: [{ slotNumber: 0, time: "08:00" }] }],
  ["a slot time for slot 201", { slots: [{ slotNumber: 201, time: "08:00" }] }],
  ["a slot time above maxSlotsPerDay 4", { slots: [{ slotNumber: 5, time: "08:00" }] }],
  ["slots as a string", { slots: "08:00,10:00" }],
];

const longAction = "x".repeat(101);
const queryCases: [string, () => Promise<Response>][] = [
  ...["0", "-1", "101", "abc", "", "1.123456789", "Infinity", "1e400"].map((value): [string, () => Promise<Response>] => [
    `preview rosPercentage=${JSON.stringify(value)}`,
    () => admin.api.preview({ rosPercentage: value }),
  ]),
  ...([
    { from: "2026-13-01" },
    { from: "abc" },
    { from: "" },
    { to: "2026-02-30" },
    { to: "2026-1-1" },
    { from: "2026-02-14", to: "2026-02-13" },
    { from: "2024-01-01", to: "2026-01-01" },
  ] as Record<string, string>[]).map((query): [string, () => Promise<Response>] => [`history ${JSON.stringify(query)}`, () => admin.api.history(query)]),
  ...([
    { page: "0" },
    { page: "-1" },
    { page: "1.5" },
    { page: "abc" },
    { page: "100001" },
    { pageSize: "0" },
    { pageSize: "201" },
    { outcome: "DONE" },
    { action: longAction },
  ] as Record<string, string>[]).map((query): [string, () => Promise<Response>] => [`audit-log ${JSON.stringify(query).slice(0, 40)}`, () => admin.api.auditLog(query)]),
];

const cases: [string, () => Promise<Response>][] = [
  ...(["queue", "modify", "addSlots", "retry", "putSettings"] as const).flatMap((route) =>
    envelopeCases(route).map(([name, run]): [string, () => Promise<Response>] => [`${route}: ${name}`, run]),
  ),
  ...queueCases.map(([name, body]): [string, () => Promise<Response>] => [`queue: ${name}`, () => send("queue", { body })]),
  ...modifyCases.map(([name, body]): [string, () => Promise<Response>] => [`modify: ${name}`, () => send("modify", { body })]),
  ...addSlotsCases.map(([name, body]): [string, () => Promise<Response>] => [`add-slots: ${name}`, () => send("addSlots", { body })]),
  ...retryCases.map(([name, options]): [string, () => Promise<Response>] => [`retry: ${name}`, () => send("retry", options)]),
  ...settingsCases.map(([name, body]): [string, () => Promise<Response>] => [`cron-settings: ${name}`, () => send("putSettings", { body })]),
  ...queryCases,
];

beforeAll(async () => {
  today = await useMiddayTimeZone({ maxSlotsPerDay: 4, slotTimes: { "1": "08:00", "2": "10:00", "3": "20:00", "4": "21:00" } });
  admin = await signedIn();
  // The one valid mutation with a code: it opens the step-up window, so 2FA stays out of the way.
  await expectSuccess(await admin.api.queue(await withCode(admin, { premiumPoolAmount: 5000, performancePoolAmount: 3000, distributionSlots: [1, 2, 3].map((n) => ({ slotNumber: n, rosPercentage: 1 })) })));
  const dayId = await dayIdOf(today.date);
  await simulateExecution(dayId, 1, "COMPLETED");
  await simulateExecution(dayId, 2, "FAILED");
});

describe("every route answers bad input with 400 VALIDATION and changes nothing", () => {
  it.each(cases)("%s", async (_name, run) => {
    const before = await snapshotState();
    const response = await run();
    const body = await expectError(response, 400, "VALIDATION");
    expect(body.message.length).toBeGreaterThan(0);
    expect(await snapshotState()).toEqual(before);
  });

  it.each(["queue", "modify", "addSlots", "retry", "putSettings"] as const)("%s refuses a body over 64 KB for its size", async (route) => {
    // Padding an otherwise valid body: schemas that drop unknown fields would accept it.
    const body = await expectError(await send(route, { body: { ...validBody[route](), padding: "x".repeat(64 * 1024) } }), 400, "VALIDATION");
    expect(body.message).toMatch(/too large/i);
  });

  it("audits refused mutations", async () => {
    const refusals = await db().auditLog.count({ where: { outcome: "REFUSED", reason: { startsWith: "VALIDATION" } } });
    expect(refusals).toBeGreaterThan(100);
  });

  it("gives zod's issues as details", async () => {
    const body = await expectError(await send("queue", { body: { distributionSlots: [{ slotNumber: 4, rosPercentage: "2.5" }] } }), 400, "VALIDATION");
    expect(body.details).toEqual([expect.objectContaining({ path: "distributionSlots.0.rosPercentage", message: "rosPercentage must be a number" })]);
  });
});

describe("the body is checked before the 2FA code is spent", () => {
  // Each case has its own admin (a code is per user) with two sessions: a bad request with a
  // valid unused code on the first must leave that code usable on the second.
  async function expectCodeUnspent(bad: (who: SignedIn, code: string) => Promise<Response>) {
    const first = await signedIn();
    const secondApi = clientFor((await signInAs(first.user)).cookie);
    const code = await codeFor(first.user);
    const before = await snapshotState();

    await expectError(await bad(first, code), 400, "VALIDATION");
    expect(await snapshotState()).toEqual(before);
    const user = await db().user.findUniqueOrThrow({ where: { id: first.user.id }, select: { totpLastStep: true } });
    expect(user.totpLastStep, "the code was not spent").toBeNull();
    const session = await db().authSession.findUniqueOrThrow({ where: { id: first.sessionId } });
    expect(session.stepUpUntil, "no step-up window was opened").toBeNull();

    await expectSuccess(await secondApi.putSettings({ maxAttempts: 3, twoFactorCode: code }));
  }

  it("a wrongly typed body", async () => {
    await expectCodeUnspent((who, code) => who.api.queue({ distributionSlots: [{ slotNumber: 4, rosPercentage: "2.5" }], twoFactorCode: code }));
  });

  it("malformed slot input to add-slots", async () => {
    await expectCodeUnspent((who, code) => who.api.addSlots({ additionalSlots: [], twoFactorCode: code }));
  });

  it("a bad path parameter", async () => {
    await expectCodeUnspent((who, code) => who.api.retry("abc", { twoFactorCode: code }));
  });

  it("a bad settings body", async () => {
    await expectCodeUnspent((who, code) => who.api.putSettings({ timeZone: "Mars/Olympus_Mons", twoFactorCode: code }));
  });

  it("a rosPercentage above the settings maximum (a body error of SPEC §5)", async () => {
    await expectCodeUnspent((who, code) => who.api.queue({ distributionSlots: [{ slotNumber: 4, rosPercentage: 11 }], twoFactorCode: code }));
  });

  it("a time that is not today (a body error of SPEC §5)", async () => {
    await expectCodeUnspent((who, code) => who.api.addSlots({ additionalSlots: [{ slotNumber: 4, rosPercentage: 1, scheduledFor: tomorrow() }], twoFactorCode: code }));
  });
});

describe("valid amounts below 0.000001 never make a request fail with 500", () => {
  beforeAll(async () => {
    await resetDays();
    await db().settings.update({ where: { id: 1 }, data: { maxSlotsPerDay: 48 } });
  });

  afterAll(async () => {
    await db().settings.update({ where: { id: 1 }, data: { maxRosPercentage: 10 } });
  });

  it("a day with a pool of 0.00000001 can be merged into, modified and previewed", async () => {
    const queued = await expectSuccess(
      await admin.api.queue({ premiumPoolAmount: 0.00000001, performancePoolAmount: 0.0000005, distributionSlots: [{ slotNumber: 1, rosPercentage: 1, time: "20:00" }] }),
    );
    expect(queued.distribution.data).toMatchObject({ premiumPoolAmount: 0.00000001, performancePoolAmount: 0.0000005 });

    const merged = await admin.api.queue({ multiSlotEnabled: true, distributionSlots: [{ slotNumber: 2, rosPercentage: 1, time: "21:00" }] });
    expect(merged.status).toBe(200);
    const modified = await admin.api.modify({ distributionSlots: [{ slotNumber: 1, rosPercentage: 2 }] });
    expect(modified.status).toBe(200);
    const preview = await admin.api.preview({ rosPercentage: "1" });
    expect(preview.status).toBe(200);
    expect(await readJson<{ premiumPool: { unpaidToday: number } }>(preview)).toMatchObject({ premiumPool: { unpaidToday: 0.00000001 } });
  });

  it("a maxRosPercentage of 0.0000005 still lets a smaller rosPercentage be queued", async () => {
    await expectSuccess(await admin.api.putSettings({ maxRosPercentage: 0.0000005 }));
    await resetDays();
    const response = await admin.api.queue({ distributionSlots: [{ slotNumber: 1, rosPercentage: 0.0000001, time: "20:00" }] });
    expect(response.status).toBe(200);
    const refused = await admin.api.queue({ distributionSlots: [{ slotNumber: 2, rosPercentage: 0.000001, time: "20:00" }] });
    expect(refused.status).toBe(400);
  });
});
