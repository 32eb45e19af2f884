import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { authorizeSignIn } from "@/lib/auth/authorize-sign-in";
import { knownDeviceCookie } from "@/lib/auth/known-device";
import { accountHashOf, signInKeysOf } from "@/lib/auth/sign-in-keys";
import { admitSignInAttempt } from "@/lib/auth/sign-in-throttle";
import { signInFailedMessage } from "@/lib/auth/verify-credentials";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { route } from "@/lib/http/route";
import { codeFor, createConsoleUser, signInAs, wrongCodeFor, type ConsoleUser } from "../../factories/users";

// Sign-in throttling and the 2FA lockout (issue 7, items 3 and 5): per client address, per
// account or known device, in the database, and never in the way of a signed-in admin.

const limits = {
  SLOTPAY_SIGN_IN_ATTEMPTS_PER_MINUTE: "1000",
  SLOTPAY_SIGN_IN_FREE_FAILURES_PER_CLIENT: "6",
  SLOTPAY_SIGN_IN_FREE_FAILURES_PER_ACCOUNT: "3",
  SLOTPAY_SIGN_IN_MAX_DELAY_SECONDS: "900",
};
beforeEach(() => Object.assign(process.env, limits, { SLOTPAY_TRUSTED_PROXY: "true" }));
afterEach(() => {
  for (const name of [...Object.keys(limits), "SLOTPAY_TRUSTED_PROXY"]) delete process.env[name];
});

/** Headers of a request from `address` (a trusted proxy in front says so), with an optional Cookie. */
const from = (address: string, cookie?: string) => new Headers({ "x-forwarded-for": address, ...(cookie ? { cookie } : {}) });
const someAddress = () => `10.${[1, 2, 3].map(() => Math.floor(Math.random() * 250)).join(".")}`;

/** One sign-in as the gate and next-auth run it: admitted by the throttle, then checked. */
async function attempt(credentials: { email: string; password: string; code?: string }, headers: Headers, now: Date) {
  try {
    await admitSignInAttempt(signInKeysOf({ headers, email: credentials.email }), now);
    return await authorizeSignIn(credentials, headers, now);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

const at = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);

async function fail(user: { email: string }, headers: Headers, now: Date) {
  const result = await attempt({ email: user.email, password: "wrong" }, headers, now);
  expect(result).toBeInstanceOf(AppError);
  return result as AppError;
}

describe("sign-in throttling", () => {
  it("blocks an account after its free failures, from any address, for a delay that doubles, and says how long", async () => {
    const admin = await createConsoleUser();
    const start = new Date();
    for (let n = 1; n <= 3; n++) expect((await fail(admin, from(someAddress()), at(start, n))).code).toBe("UNAUTHENTICATED");
    // The fourth failure blocks the account for 1 s, the fifth for 2 s, the sixth for 4 s.
    expect((await fail(admin, from(someAddress()), at(start, 4))).code).toBe("UNAUTHENTICATED");
    const blocked = await fail(admin, from(someAddress()), at(start, 4.5));
    expect(blocked).toMatchObject({ code: "RATE_LIMITED", options: { retryAfterSeconds: 1 } });
    expect(blocked.message).toMatch(/Try again in 1 second/);
    expect((await fail(admin, from(someAddress()), at(start, 5.1))).code).toBe("UNAUTHENTICATED");
    expect(await fail(admin, from(someAddress()), at(start, 6))).toMatchObject({ code: "RATE_LIMITED", options: { retryAfterSeconds: 2 } });
    expect((await fail(admin, from(someAddress()), at(start, 7.2))).code).toBe("UNAUTHENTICATED");
    expect(await fail(admin, from(someAddress()), at(start, 8))).toMatchObject({ code: "RATE_LIMITED", options: { retryAfterSeconds: 4 } });
    // Even the right password and code wait: the block does not look at the credentials.
    const right = await attempt(
      { email: admin.email, password: admin.password, code: await codeFor(admin) },
      from(someAddress()),
      at(start, 9),
    );
    expect(right).toMatchObject({ code: "RATE_LIMITED" });
  });

  it("treats an unknown email like a known one: same failures, same blocks", async () => {
    const ghost = { email: `ghost-${randomUUID()}@slotpay.test` };
    const start = new Date();
    for (let n = 1; n <= 4; n++) expect((await fail(ghost, from(someAddress()), at(start, n))).code).toBe("UNAUTHENTICATED");
    expect(await fail(ghost, from(someAddress()), at(start, 4.5))).toMatchObject({
      code: "RATE_LIMITED",
      options: { retryAfterSeconds: 1 },
    });
  });

  it("blocks a client address after its free failures, whichever accounts it tries", async () => {
    const address = someAddress();
    const start = new Date();
    for (let n = 1; n <= 7; n++) {
      const other = { email: `probe-${randomUUID()}@slotpay.test` };
      expect((await fail(other, from(address), at(start, n))).code).toBe("UNAUTHENTICATED");
    }
    const blocked = await fail({ email: `probe-${randomUUID()}@slotpay.test` }, from(address), at(start, 7.5));
    expect(blocked).toMatchObject({ code: "RATE_LIMITED", options: { retryAfterSeconds: 1 } });
    // Another address is not affected.
    expect((await fail({ email: `probe-${randomUUID()}@slotpay.test` }, from(someAddress()), at(start, 7.5))).code).toBe("UNAUTHENTICATED");
  });

  it("caps attempts per client per minute, whatever their outcome, and forgets them after the minute", async () => {
    process.env.SLOTPAY_SIGN_IN_ATTEMPTS_PER_MINUTE = "3";
    const address = someAddress();
    const start = new Date();
    const keys = (email: string) => signInKeysOf({ headers: from(address), email });
    for (let n = 0; n < 3; n++) await admitSignInAttempt(keys(`a${n}@slotpay.test`), at(start, n));
    const refused = await admitSignInAttempt(keys("a4@slotpay.test"), at(start, 10)).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "RATE_LIMITED", options: { retryAfterSeconds: 50 } });
    await expect(admitSignInAttempt(keys("a5@slotpay.test"), at(start, 61))).resolves.toBeUndefined();
  });

  it("lets the owner's own browser (a known device) in while failures from elsewhere block the account", async () => {
    const admin = await createConsoleUser();
    const device = knownDeviceCookie(accountHashOf(admin.email), { secure: false }).split(";")[0];
    const start = new Date();
    for (let n = 1; n <= 6; n++) await fail(admin, from(someAddress()), at(start, n));
    expect(await fail(admin, from(someAddress()), at(start, 6.5))).toMatchObject({ code: "RATE_LIMITED" });
    // A token made for another account does not count as known for this one.
    const otherDevice = knownDeviceCookie(accountHashOf("someone-else@slotpay.test"), { secure: false }).split(";")[0];
    expect(await fail(admin, from(someAddress(), otherDevice), at(start, 6.5))).toMatchObject({ code: "RATE_LIMITED" });
    // Same moment, the owner's browser: its own (empty) failure count is what counts.
    const owner = await attempt(
      { email: admin.email, password: admin.password, code: await codeFor(admin) },
      from(someAddress(), device),
      at(start, 6.5),
    );
    expect(owner).toMatchObject({ id: admin.id });
  });

  it("clears an account's failures when its owner signs in", async () => {
    const admin = await createConsoleUser();
    const start = new Date();
    for (let n = 1; n <= 3; n++) await fail(admin, from(someAddress()), at(start, n));
    expect(
      await attempt({ email: admin.email, password: admin.password, code: await codeFor(admin) }, from(someAddress()), at(start, 4)),
    ).toMatchObject({
      id: admin.id,
    });
    // Three more free failures, not a block at the first one.
    for (let n = 5; n <= 7; n++) expect((await fail(admin, from(someAddress()), at(start, n))).code).toBe("UNAUTHENTICATED");
  });

  it("keeps its state in the database, where every instance sees it", async () => {
    const admin = await createConsoleUser();
    const start = new Date();
    for (let n = 1; n <= 4; n++) await fail(admin, from(someAddress()), at(start, n));
    const row = await db().signInThrottle.findUniqueOrThrow({ where: { key: `account:${accountHashOf(admin.email)}` } });
    expect(row).toMatchObject({ failures: 4, blockedUntil: at(start, 5) });
  });
});

describe("the audit of failed sign-ins", () => {
  it("names a console account as stored and tallies an unknown email, storing nothing that was typed", async () => {
    const admin = await createConsoleUser();
    const address = someAddress();
    await fail({ email: `  ${admin.email.toUpperCase()}  ` }, from(address), new Date());
    const row = await db().auditLog.findFirstOrThrow({ where: { action: "auth.sign-in", actorId: admin.id } });
    expect(row).toMatchObject({
      outcome: "REFUSED",
      actorEmail: admin.email,
      reason: "UNAUTHENTICATED",
      details: { client: address, failed: "password" },
    });

    const typed = `${"x".repeat(200)}-${randomUUID()}@slotpay.test`;
    const tally = () =>
      db().refusalTally.aggregate({ _sum: { count: true }, where: { action: "auth.sign-in", reason: "UNAUTHENTICATED" } });
    const before = (await tally())._sum.count ?? 0;
    await fail({ email: typed }, from(someAddress()), new Date());
    expect((await tally())._sum.count).toBe(before + 1);
    expect(
      await db().auditLog.count({
        where: { OR: [{ actorEmail: { contains: typed.slice(-40) } }, { reason: { contains: typed.slice(-40) } }] },
      }),
    ).toBe(0);
  });

  it("tells which part failed only in the audit log, never in the answer", async () => {
    const admin = await createConsoleUser();
    const noCode = await attempt({ email: admin.email, password: admin.password }, from(someAddress()), new Date());
    expect(noCode).toMatchObject({ code: "UNAUTHENTICATED", message: signInFailedMessage });
    const row = await db().auditLog.findFirstOrThrow({ where: { action: "auth.sign-in", actorId: admin.id }, orderBy: { id: "desc" } });
    expect(row.details).toMatchObject({ failed: "code" });
  });
});

// A mutation behind the real wrapper, to see the step-up decide.
const mutate = route({ access: "admin", action: "test.throttle", body: z.object({ value: z.number() }) }, async () => ({ success: true }));
const post = (cookie: string, body: Record<string, unknown>) =>
  mutate(
    new Request("http://localhost:3000/api/test", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:3000", cookie },
      body: JSON.stringify(body),
    }),
  );

async function lockSession(admin: ConsoleUser, cookie: string) {
  const wrong = await wrongCodeFor(admin);
  for (let n = 1; n <= 5; n++) await post(cookie, { value: 1, twoFactorCode: wrong });
  expect((await post(cookie, { value: 1, twoFactorCode: wrong })).status).toBe(429);
}

describe("the 2FA lockout of step-up", () => {
  it("is never triggered by anonymous sign-in failures: the signed-in admin still steps up", async () => {
    const admin = await createConsoleUser();
    const { cookie } = await signInAs(admin);
    const start = new Date();
    for (let n = 0; n < 30; n++) await fail(admin, from(someAddress()), at(start, n * 0.01));
    await attempt({ email: admin.email, password: admin.password, code: await wrongCodeFor(admin) }, from(someAddress()), start);
    const response = await post(cookie, { value: 1, twoFactorCode: await codeFor(admin) });
    expect(response.status).toBe(200);
  });

  it("belongs to the session that failed the codes: another session of the same admin steps up", async () => {
    const admin = await createConsoleUser();
    const failing = await signInAs(admin);
    const other = await signInAs(admin);
    await lockSession(admin, failing.cookie);
    const locked = await post(failing.cookie, { value: 1, twoFactorCode: await codeFor(admin) });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(890);
    expect((await post(other.cookie, { value: 1, twoFactorCode: await codeFor(admin) })).status).toBe(200);
  });
});
