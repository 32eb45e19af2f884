import { describe, expect, it } from "vitest";
import { codeFor, createConsoleUser, signInAs } from "../../factories/users";
import { appServerForThisFile } from "../../helpers/file-app-server";

// GET /today/status answers a poll that names its current ETag with 304 and no body, against a
// real `next start`; a change through the app makes the next poll a 200 with a new tag.

const app = appServerForThisFile();
const statusPath = "/api/admin/daily-declaration-returns/today/status";

describe("GET /today/status, conditional", () => {
  it("answers 200 with an ETag, 304 for that ETag, and 200 with a new ETag once the day changed", async () => {
    const admin = await createConsoleUser();
    const { cookie } = await signInAs(admin);
    const get = (headers: Record<string, string> = {}) => fetch(`${app().baseUrl}${statusPath}`, { headers: { cookie, ...headers } });

    const first = await get();
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get("cache-control")).toBe("no-store");
    // Served without proxy.ts (its matcher leaves plain polls out), the answer sets the API's CSP itself.
    expect(first.headers.get("content-security-policy")).toMatch(/script-src 'none';.*frame-ancestors 'none'/);
    const before = (await first.json()) as { exists: boolean; date: string };
    expect(before.exists).toBe(false);

    const unchanged = await get({ "if-none-match": etag! });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get("etag")).toBe(etag);
    expect(await unchanged.text()).toBe("");
    // A list that names the tag (weakly) matches too; another tag does not.
    expect((await get({ "if-none-match": `"other", W/${etag}` })).status).toBe(304);
    expect((await get({ "if-none-match": '"other"' })).status).toBe(200);
    // Without a session the tag is no way round the sign-in.
    expect((await fetch(`${app().baseUrl}${statusPath}`, { headers: { "if-none-match": etag! } })).status).toBe(401);

    const queued = await fetch(`${app().baseUrl}/api/admin/daily-declaration-returns/queue`, {
      method: "POST",
      headers: { cookie, origin: app().baseUrl, "content-type": "application/json" },
      body: JSON.stringify({
        premiumPoolAmount: 1,
        performancePoolAmount: 0,
        description: "",
        multiSlotEnabled: true,
        distributionSlots: [{ slotNumber: 1, rosPercentage: 1, time: "23:59:59" }],
        twoFactorCode: await codeFor(admin),
      }),
    });
    expect(queued.status, await queued.clone().text()).toBe(200);

    const changed = await get({ "if-none-match": etag! });
    expect(changed.status).toBe(200);
    const newTag = changed.headers.get("etag");
    expect(newTag).not.toBe(etag);
    expect(await changed.json()).toMatchObject({ exists: true, date: before.date, distributionSlots: [{ slotNumber: 1 }] });
    expect((await get({ "if-none-match": newTag! })).status).toBe(304);
  });
});
