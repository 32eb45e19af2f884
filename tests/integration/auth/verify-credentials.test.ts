import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { AppError } from "@/lib/http/app-error";
import { codeFor, createConsoleUser, wrongCodeFor } from "../../factories/users";

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("sign-in credentials", () => {
  it("accepts the right password and code", async () => {
    const admin = await createConsoleUser();
    const user = await verifyCredentials({ email: admin.email, password: admin.password, code: await codeFor(admin) });
    expect(user).toMatchObject({ id: admin.id, email: admin.email, role: "ADMIN" });
  });

  it("refuses a wrong password and an unknown email with the same message", async () => {
    const admin = await createConsoleUser();
    const wrongPassword = await refusal(verifyCredentials({ email: admin.email, password: "nope", code: await codeFor(admin) }));
    const unknown = await refusal(verifyCredentials({ email: "nobody@slotpay.test", password: "nope" }));
    expect(wrongPassword.message).toBe("Invalid email or password");
    expect(unknown.message).toBe(wrongPassword.message);
    const row = await db().user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(row.failedAttempts).toBe(1);
  });

  it("refuses a wrong or missing code once 2FA is enrolled", async () => {
    const admin = await createConsoleUser();
    const wrong = await refusal(verifyCredentials({ email: admin.email, password: admin.password, code: await wrongCodeFor(admin) }));
    expect(wrong.code).toBe("TWO_FACTOR_INVALID");
    const missing = await refusal(verifyCredentials({ email: admin.email, password: admin.password }));
    expect(missing.code).toBe("TWO_FACTOR_INVALID");
  });

  it("refuses a code already used by another sign-in (each time step once)", async () => {
    const admin = await createConsoleUser();
    const code = await codeFor(admin);
    await verifyCredentials({ email: admin.email, password: admin.password, code });
    const replay = await refusal(verifyCredentials({ email: admin.email, password: admin.password, code }));
    expect(replay.code).toBe("TWO_FACTOR_INVALID");
    // The next step is still fine: only used or older steps are refused.
    await expect(verifyCredentials({ email: admin.email, password: admin.password, code: await codeFor(admin, 1) })).resolves.toMatchObject(
      { id: admin.id },
    );
  });

  it("accepts only one of two simultaneous sign-ins with the same code", async () => {
    const admin = await createConsoleUser();
    const code = await codeFor(admin);
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => verifyCredentials({ email: admin.email, password: admin.password, code })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("locks the account after 5 failures, with the time left, and unlocks after 15 minutes", async () => {
    const admin = await createConsoleUser();
    const now = new Date();
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await refusal(verifyCredentials({ email: admin.email, password: "wrong" }, now))).code).toBe("UNAUTHENTICATED");
    }
    const fifth = await refusal(verifyCredentials({ email: admin.email, password: "wrong" }, now));
    expect(fifth.code).toBe("TWO_FACTOR_LOCKED");
    expect(fifth.options.retryAfterSeconds).toBe(900);

    const rightButLocked = await refusal(
      verifyCredentials({ email: admin.email, password: admin.password, code: await codeFor(admin) }, new Date(now.getTime() + 60_000)),
    );
    expect(rightButLocked.code).toBe("TWO_FACTOR_LOCKED");
    expect(rightButLocked.options.retryAfterSeconds).toBe(840);

    const later = new Date(now.getTime() + 15 * 60_000 + 1000);
    const code = await codeFor(admin, 31); // the step 15.5 minutes from now
    await expect(verifyCredentials({ email: admin.email, password: admin.password, code }, later)).resolves.toMatchObject({ id: admin.id });
  });

  it("lets an admin without 2FA sign in (to enrol) but never a platform member", async () => {
    const fresh = await createConsoleUser({ twoFactor: false });
    await expect(verifyCredentials({ email: fresh.email, password: fresh.password })).resolves.toMatchObject({ id: fresh.id });
    const member = await db().user.create({ data: { email: "member-sign-in@slotpay.test", passwordHash: "x" } });
    const refused = await refusal(verifyCredentials({ email: member.email, password: "x" }));
    expect(refused.code).toBe("UNAUTHENTICATED");
  });
});
