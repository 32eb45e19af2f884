import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/admin/daily-declaration-returns/test-execute-cron/route";
import { codeFor, createConsoleUser, signInAs } from "../../factories/users";
import { expectLedgerOk, ledgerOf, queueDay, setUpExecution, slotOf } from "../../helpers/execution-data";
import { apiBase, apiRequest, appOrigin } from "../../helpers/http";

process.env.SLOTPAY_LOG = "silent";

// POST /api/admin/daily-declaration-returns/test-execute-cron over real Requests: hidden unless
// ENABLE_TEST_ENDPOINTS=true, admin + 2FA like every mutation, and `now` decides what is due.

const date = "2030-08-01";
function post(options: { cookie?: string; body?: unknown; raw?: string } = {}) {
  const { cookie, raw, body = {} } = options;
  return POST(apiRequest(`${apiBase}/test-execute-cron`, { method: "POST", cookie, body, raw, origin: appOrigin }));
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toContain("application/json");
  const body: unknown = await response.json();
  expect(body).toMatchObject({ success: false, code });
  return body;
}

const slotStatus = async (slotNumber: number) => (await slotOf(date, slotNumber)).status;

beforeAll(async () => {
  const { actor } = await setUpExecution({ stakesStartedAt: "2030-07-01T00:00:00Z", members: [{ score: "80", principals: ["2000"] }] });
  await queueDay({
    actor,
    date,
    premium: "10",
    performance: "5",
    slots: [
      { slotNumber: 1, rosPercentage: "1", scheduledFor: `${date}T10:00:00.000Z` },
      { slotNumber: 2, rosPercentage: "1", scheduledFor: `${date}T14:00:00.000Z` },
    ],
  });
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("POST /test-execute-cron", () => {
  it('is a 404 JSON error unless ENABLE_TEST_ENDPOINTS is exactly "true", even for an admin with a code', async () => {
    const admin = await createConsoleUser();
    const { cookie } = await signInAs(admin);
    for (const value of [undefined, "false", "1", "TRUE"]) {
      vi.stubEnv("ENABLE_TEST_ENDPOINTS", value);
      await expectError(await post(), 404, "NOT_FOUND");
      await expectError(await post({ cookie, body: { now: `${date}T12:00:00Z`, twoFactorCode: await codeFor(admin) } }), 404, "NOT_FOUND");
    }
    expect(await slotStatus(1)).toBe("PENDING");
  });

  it("refuses anonymous (401), a VIEWER (403), an admin without a code (403) and a bad `now` (400), running nothing", async () => {
    vi.stubEnv("ENABLE_TEST_ENDPOINTS", "true");
    const body = { now: `${date}T12:00:00Z` };
    await expectError(await post({ body }), 401, "UNAUTHENTICATED");

    const viewer = await createConsoleUser({ role: "VIEWER" });
    await expectError(
      await post({ cookie: (await signInAs(viewer)).cookie, body: { ...body, twoFactorCode: await codeFor(viewer) } }),
      403,
      "FORBIDDEN",
    );

    const admin = await createConsoleUser();
    const { cookie } = await signInAs(admin);
    await expectError(await post({ cookie, body }), 403, "TWO_FACTOR_INVALID");

    for (const now of ["yesterday", "2030-08-01T12:00:00", "2030-13-01T12:00:00Z", 1_900_000_000_000]) {
      const error = await expectError(await post({ cookie, body: { now, twoFactorCode: await codeFor(admin) } }), 400, "VALIDATION");
      expect(JSON.stringify(error)).toContain("now");
    }
    await expectError(await post({ cookie, raw: "{not json" }), 400, "VALIDATION");
    expect([await slotStatus(1), await slotStatus(2)]).toEqual(["PENDING", "PENDING"]);
  });

  it("runs one tick as of the body's `now` for an admin with a code and lists what it executed", async () => {
    vi.stubEnv("ENABLE_TEST_ENDPOINTS", "true");
    const admin = await createConsoleUser();
    const { cookie } = await signInAs(admin);
    const slot1 = await slotOf(date, 1);
    const slot2 = await slotOf(date, 2);

    const first = await post({ cookie, body: { now: `${date}T12:00:00.000Z`, twoFactorCode: await codeFor(admin) } });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      success: true,
      message: "Executed 1 slot(s)",
      now: `${date}T12:00:00.000Z`,
      reaped: [],
      missed: [],
      executed: [{ slotId: slot1.id, dayId: slot1.dayId, slotNumber: 1, status: "COMPLETED" }],
    });
    expect([await slotStatus(1), await slotStatus(2)]).toEqual(["COMPLETED", "PENDING"]);
    expect((await ledgerOf(slot1.id)).length).toBeGreaterThan(0);

    // Before slot 2's time nothing is due; the step-up window opened above covers these calls.
    const early = await post({ cookie, body: { now: `${date}T13:59:59.999Z` } });
    expect(early.status).toBe(200);
    expect(await early.json()).toMatchObject({ success: true, message: "Executed 0 slot(s)", executed: [] });
    expect(await slotStatus(2)).toBe("PENDING");

    const second = await post({ cookie, body: { now: `${date}T14:00:00+00:00` } });
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({
      success: true,
      now: `${date}T14:00:00.000Z`,
      executed: [{ slotId: slot2.id, slotNumber: 2, status: "COMPLETED" }],
    });
    expect(await slotStatus(2)).toBe("COMPLETED");
    await expectLedgerOk();
  });
});
