import { beforeAll, describe, expect, it } from "vitest";
import { hashApiKey } from "@/lib/api-keys/key-secret";
import { db } from "@/lib/db/client";
import { tick } from "@/lib/distribution/execution/tick";
import { createTestApiKey } from "../../factories/api-keys";
import { codeFor, createConsoleUser, signInAs } from "../../factories/users";
import { queueDay, setUpExecution } from "../../helpers/execution-data";
import { appServerForThisFile } from "../../helpers/file-app-server";

process.env.SLOTPAY_LOG = "silent";

// API keys over real HTTP: created by a signed-in admin with 2FA and shown once, stored only as a
// hash, audited by name on every use, revoked for good; payouts.csv answers a payouts:read key.

const app = appServerForThisFile();
const date = "2030-09-01";

async function call(path: string, init: { method?: string; key?: string; cookie?: string; body?: unknown; code?: string } = {}) {
  const headers: Record<string, string> = { origin: app().baseUrl };
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  if (init.cookie) headers.cookie = init.cookie;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const body =
    init.body === undefined ? undefined : JSON.stringify(init.code ? { ...(init.body as object), twoFactorCode: init.code } : init.body);
  return fetch(`${app().baseUrl}${path}`, { method: init.method ?? (body ? "POST" : "GET"), headers, body });
}

beforeAll(async () => {
  const { actor } = await setUpExecution({
    stakesStartedAt: "2030-08-01T00:00:00Z",
    members: [{ score: "80", principals: ["2000", "5"] }],
  });
  await queueDay({
    actor,
    date,
    premium: "10",
    performance: "5",
    slots: [{ slotNumber: 1, rosPercentage: "1", scheduledFor: `${date}T10:00:00.000Z` }],
  });
  expect((await tick({ now: new Date(`${date}T10:00:05Z`) })).executed).toMatchObject([{ status: "COMPLETED" }]);
});

describe("API keys", () => {
  it("are created by an admin with a 2FA code, shown once and kept only as a SHA-256", async () => {
    const admin = await createConsoleUser();
    const { cookie } = await signInAs(admin);
    const refused = await call("/api/admin/api-keys", {
      cookie,
      body: { name: "platform sync", scopes: ["members:write", "stakes:write"] },
    });
    expect(refused.status).toBe(403);
    const response = await call("/api/admin/api-keys", {
      cookie,
      body: { name: "platform sync", scopes: ["members:write", "stakes:write"] },
      code: await codeFor(admin),
    });
    expect(response.status).toBe(200);
    const created = (await response.json()) as { key: string; apiKey: { id: number; prefix: string } };
    expect(created.key).toMatch(/^slotpay_[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(created.apiKey.prefix)).toBe(true);

    const list = await (await call("/api/admin/api-keys", { cookie })).text();
    expect(list).toContain('"name":"platform sync"');
    expect(list).not.toContain(created.key);
    expect(list).not.toContain(hashApiKey(created.key));

    const [stored] = await db().$queryRaw<
      { row: string }[]
    >`SELECT row_to_json(k)::text AS row FROM api_keys k WHERE id = ${created.apiKey.id}`;
    expect(stored.row).not.toContain(created.key);
    expect(stored.row.toLowerCase()).not.toContain(created.key.slice(8).toLowerCase());
    expect(stored.row).toContain(hashApiKey(created.key));
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "api-key.create", actorEmail: admin.email } });
    expect(JSON.stringify(audit)).not.toContain(created.key);

    // The key works on its scopes' routes, and the upsert is audited with the key's name.
    const upsert = await fetch(`${app().baseUrl}/api/admin/members`, {
      method: "PUT",
      headers: { authorization: `Bearer ${created.key}`, "content-type": "application/json" },
      body: JSON.stringify([{ externalId: "k-m1", email: "k-m1@platform.test", name: "K", performanceScore: 1 }]),
    });
    expect(upsert.status).toBe(200);
    expect(await db().auditLog.count({ where: { action: "members.upsert", actorEmail: "api-key:platform sync", outcome: "OK" } })).toBe(1);
  });

  it("answers payouts.csv to a key with payouts:read (audited by name), and refuses one without", async () => {
    const reader = await createTestApiKey({ scopes: ["payouts:read"], name: "ledger reader" });
    const writer = await createTestApiKey({ scopes: ["members:write", "stakes:write"] });
    const path = `/api/admin/daily-declaration-returns/days/${date}/payouts.csv`;
    const csv = await call(path, { key: reader.key });
    expect(csv.status).toBe(200);
    expect((await csv.text()).split(/\r?\n/)[0]).toBe("date,slot,scheduledFor,kind,userId,userEmail,stakeId,amount");
    expect(await db().auditLog.count({ where: { action: "payouts.export", actorEmail: "api-key:ledger reader" } })).toBe(1);
    const refused = await call(path, { key: writer.key });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "FORBIDDEN", message: "This API key lacks the scope payouts:read" });
    const refusal = await db().auditLog.findFirstOrThrow({ where: { actorEmail: `api-key:${writer.name}`, outcome: "REFUSED" } });
    expect(refusal.reason).toContain("payouts:read");
  });

  it("are refused once revoked, and a key never reaches a money or settings change", async () => {
    const admin = await createConsoleUser();
    const { cookie } = await signInAs(admin);
    const key = await createTestApiKey({ scopes: ["members:write", "stakes:write", "payouts:read"] });
    const before = await call(`/api/admin/daily-declaration-returns/days/${date}/payouts.csv`, { key: key.key });
    expect(before.status).toBe(200);
    for (const path of ["queue", "modify", "today/add-slots", "slots/1/retry", "cron-settings"]) {
      const response = await call(`/api/admin/daily-declaration-returns/${path}`, {
        key: key.key,
        method: path === "cron-settings" ? "PUT" : "POST",
        body: {},
      });
      expect(`${path} ${response.status}`).toBe(`${path} 403`);
    }
    const revoked = await call(`/api/admin/api-keys/${key.id}/revoke`, { cookie, body: {}, code: await codeFor(admin) });
    expect(revoked.status).toBe(200);
    const after = await call(`/api/admin/daily-declaration-returns/days/${date}/payouts.csv`, { key: key.key });
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("keep their last use, written at most once a minute", async () => {
    const key = await createTestApiKey({ scopes: ["payouts:read"] });
    const path = `/api/admin/daily-declaration-returns/days/${date}/payouts.csv`;
    expect((await call(path, { key: key.key })).status).toBe(200);
    const first = (await db().apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt;
    expect(first).not.toBeNull();
    expect((await call(path, { key: key.key })).status).toBe(200);
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toEqual(first);
    await db().apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date(Date.now() - 61_000) } });
    expect((await call(path, { key: key.key })).status).toBe(200);
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt!.getTime()).toBeGreaterThan(Date.now() - 30_000);
  });
});
