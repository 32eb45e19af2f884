import { describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { revokeAuthSession } from "@/lib/auth/sessions";
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
});
