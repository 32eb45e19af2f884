import { describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { recentSession } from "@/lib/auth/recent-sessions";
import { findAuthSession, revokeAuthSession, type AuthSession } from "@/lib/auth/sessions";
import { route } from "@/lib/http/route";
import { codeFor, createConsoleUser, signInAs } from "../../factories/users";

const read = route({ access: "signed-in" }, async ({ session }) => ({ email: session?.user.email }));
const change = route({ access: "admin", action: "test.change", body: z.object({}) }, async () => ({ success: true }));

const get = (cookie: string) => read(new Request("http://localhost:3000/api/read", { headers: { cookie } }));
const post = (cookie: string, body: object) =>
  change(
    new Request("http://localhost:3000/api/change", {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );

describe("sessions on reads and changes", () => {
  it("a sign-out in this process ends reads at once", async () => {
    const admin = await createConsoleUser();
    const session = await signInAs(admin);
    expect((await get(session.cookie)).status).toBe(200);
    await revokeAuthSession(session.sessionId);
    expect((await get(session.cookie)).status).toBe(401);
  });

  it("a change always reads the session from the database (a sign-out elsewhere counts at once)", async () => {
    const admin = await createConsoleUser();
    const session = await signInAs(admin);
    expect((await get(session.cookie)).status).toBe(200); // now remembered for reads
    await db().authSession.update({ where: { id: session.sessionId }, data: { revokedAt: new Date() } });
    expect((await post(session.cookie, { twoFactorCode: await codeFor(admin) })).status).toBe(401);
  });

  it("a sign-out on another instance ends this one's reads once the second is over (the clock passed in)", async () => {
    const admin = await createConsoleUser();
    const { sessionId } = await signInAs(admin);
    const readAt = Date.now();
    expect(await recentSession(sessionId, (id) => findAuthSession(id), readAt)).not.toBeNull();
    await db().authSession.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    expect(await recentSession(sessionId, (id) => findAuthSession(id), readAt + 999)).not.toBeNull();
    expect(await recentSession(sessionId, (id) => findAuthSession(id), readAt + 1_001)).toBeNull();
    // Refused is not remembered: a session restored in the database counts on the next read.
    await db().authSession.update({ where: { id: sessionId }, data: { revokedAt: null } });
    expect(await recentSession(sessionId, (id) => findAuthSession(id), readAt + 1_002)).not.toBeNull();
  });

  it("concurrent reads of one session share one lookup; a sign-out during it is not remembered", async () => {
    const admin = await createConsoleUser();
    const { sessionId } = await signInAs(admin);
    let lookups = 0;
    const counted = (id: string) => {
      lookups++;
      return findAuthSession(id);
    };
    const readAt = Date.now();
    const sessions = await Promise.all(Array.from({ length: 20 }, () => recentSession(sessionId, counted, readAt)));
    expect(lookups).toBe(1);
    expect(new Set(sessions).size).toBe(1);
    expect(sessions[0]?.user.email).toBe(admin.email);

    // A lookup still running when this process signs the session out must not serve later reads.
    let release: (session: AuthSession | null) => void = () => undefined;
    const slow = () => new Promise<AuthSession | null>((resolve) => (release = resolve));
    const later = readAt + 5_000;
    const during = recentSession(sessionId, slow, later);
    await revokeAuthSession(sessionId);
    release(sessions[0]);
    await during;
    expect(await recentSession(sessionId, (id) => findAuthSession(id), later + 1)).toBeNull();
  });
});
