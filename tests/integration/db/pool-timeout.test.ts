import { afterAll, describe, expect, it } from "vitest";

// Issue 7, item 17: with every pooled connection held (one here, as with DATABASE_POOL_SIZE=1
// behind a long payout), a request gets 503 with Retry-After after the acquire timeout instead
// of queueing, and /api/health answers on its own connections.

process.env.DATABASE_POOL_SIZE = "1";
process.env.DATABASE_POOL_TIMEOUT_MS = "400";
const { db, inTransaction } = await import("@/lib/db/client");
const { closeHealthPool } = await import("@/lib/db/database-answers");
const { GET: health } = await import("@/app/api/health/route");
const { GET: status } = await import("@/app/api/admin/daily-declaration-returns/today/status/route");
const { createConsoleUser, signInAs } = await import("../../factories/users");
const { forgetTodayStatus } = await import("@/lib/distribution/status-cache");

afterAll(() => closeHealthPool());

/** Holds the pool's only connection in an open transaction until `release` is called. */
async function holdTheOnlyConnection() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held!: () => void;
  const isHeld = new Promise<void>((resolve) => (held = resolve));
  const transaction = inTransaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_backend_pid()`;
    held();
    await released;
  });
  await isHeld;
  return async () => {
    release();
    await transaction;
  };
}

describe("a pool with every connection held", () => {
  it("answers 503 with Retry-After after the acquire timeout, and /api/health 200 meanwhile", async () => {
    const admin = await createConsoleUser();
    const { cookie } = await signInAs(admin);
    forgetTodayStatus();
    const release = await holdTheOnlyConnection();
    try {
      const started = performance.now();
      const busy = await status(
        new Request("http://localhost:3000/api/admin/daily-declaration-returns/today/status", { headers: { cookie } }),
      );
      const waitedMs = performance.now() - started;
      expect(busy.status).toBe(503);
      expect(busy.headers.get("retry-after")).toBe("1");
      expect(await busy.json()).toMatchObject({ success: false, code: "UNAVAILABLE" });
      expect(waitedMs).toBeGreaterThanOrEqual(350);
      expect(waitedMs).toBeLessThan(5_000);

      const healthy = await health(new Request("http://localhost:3000/api/health"));
      expect(healthy.status).toBe(200);
      expect(await healthy.json()).toEqual({ status: "ok", database: "up" });
    } finally {
      await release();
    }
    // Once the connection is back, the same request is served.
    expect(
      (await status(new Request("http://localhost:3000/api/admin/daily-declaration-returns/today/status", { headers: { cookie } }))).status,
    ).toBe(200);
    expect(await db().user.count()).toBeGreaterThan(0);
  });
});
