import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { signInFailedMessage, verifyCredentials } from "@/lib/auth/verify-credentials";
import { AppError } from "@/lib/errors/app-error";
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

  it("gives every failure the same answer: unknown email, wrong password, missing, wrong or malformed code", async () => {
    const admin = await createConsoleUser();
    const failures = [
      { email: "nobody@slotpay.test", password: "nope" },
      { email: admin.email, password: "nope", code: await codeFor(admin) },
      { email: admin.email, password: admin.password },
      { email: admin.email, password: admin.password, code: await wrongCodeFor(admin) },
      { email: admin.email, password: admin.password, code: "12345x" },
      {},
    ];
    for (const credentials of failures) {
      const error = await refusal(verifyCredentials(credentials));
      expect({ code: error.code, message: error.message }).toEqual({ code: "UNAUTHENTICATED", message: signInFailedMessage });
    }
  });

  it("spends no code when the password is wrong", async () => {
    const admin = await createConsoleUser();
    const code = await codeFor(admin);
    await refusal(verifyCredentials({ email: admin.email, password: "nope", code }));
    await expect(verifyCredentials({ email: admin.email, password: admin.password, code })).resolves.toMatchObject({ id: admin.id });
  });

  it("refuses a code already used by another sign-in (each time step once)", async () => {
    const admin = await createConsoleUser();
    const code = await codeFor(admin);
    await verifyCredentials({ email: admin.email, password: admin.password, code });
    const replay = await refusal(verifyCredentials({ email: admin.email, password: admin.password, code }));
    expect(replay.code).toBe("UNAUTHENTICATED");
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

  it("lets an admin without 2FA sign in (to enrol) but never a platform member", async () => {
    const fresh = await createConsoleUser({ twoFactor: false });
    await expect(verifyCredentials({ email: fresh.email, password: fresh.password })).resolves.toMatchObject({ id: fresh.id });
    const member = await db().user.create({ data: { email: "member-sign-in@slotpay.test", passwordHash: "x" } });
    const refused = await refusal(verifyCredentials({ email: member.email, password: "x" }));
    expect(refused.code).toBe("UNAUTHENTICATED");
  });
});
