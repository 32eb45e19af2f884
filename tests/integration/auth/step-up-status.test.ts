import { describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as stepUpRoute } from "@/app/api/account/step-up/route";
import { revokeAuthSession, stepUpWindowSeconds } from "@/lib/auth/sessions";
import { route } from "@/lib/http/route";
import { codeFor, createConsoleUser, signInAs } from "../../factories/users";
import { apiRequest, readJson } from "../../helpers/http";

// GET /api/account/step-up: the board shows "verified, 4:32 left" from it.

const stepUpOf = async (cookie?: string) => stepUpRoute(apiRequest("/api/account/step-up", { cookie }));

// A change behind the real wrapper: a valid code in it opens the session's window.
const change = route({ access: "admin", action: "test.change", body: z.object({}) }, async () => ({ success: true }));
const changeWithCode = async (cookie: string, twoFactorCode: string) =>
  change(apiRequest("/api/test", { cookie, body: { twoFactorCode }, origin: "http://localhost:3000" }));

type StepUp = { twoFactorEnabled: boolean; verifiedUntil: string | null };

describe("GET /api/account/step-up", () => {
  it("is closed after sign-in, open for the window once a change carried a valid code, for that session only", async () => {
    const admin = await createConsoleUser();
    const first = await signInAs(admin);
    const other = await signInAs(admin);
    expect(await readJson(await stepUpOf(first.cookie))).toEqual({ twoFactorEnabled: true, verifiedUntil: null });

    const before = Date.now();
    expect((await changeWithCode(first.cookie, await codeFor(admin))).status).toBe(200);
    const after = await readJson<StepUp>(await stepUpOf(first.cookie));
    const until = Date.parse(after.verifiedUntil ?? "");
    expect(until).toBeGreaterThanOrEqual(before + stepUpWindowSeconds() * 1000 - 1000);
    expect(until).toBeLessThanOrEqual(Date.now() + stepUpWindowSeconds() * 1000);
    expect(await readJson(await stepUpOf(other.cookie))).toEqual({ twoFactorEnabled: true, verifiedUntil: null });

    // Signing out ends the window with the session.
    await revokeAuthSession(first.sessionId);
    expect((await stepUpOf(first.cookie)).status).toBe(401);
  });

  it("says when the account has no 2FA, and refuses anonymous callers", async () => {
    const user = await createConsoleUser({ twoFactor: false });
    const { cookie } = await signInAs(user);
    expect(await readJson(await stepUpOf(cookie))).toEqual({ twoFactorEnabled: false, verifiedUntil: null });
    const anonymous = await stepUpOf();
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ success: false, code: "UNAUTHENTICATED" });
  });
});
