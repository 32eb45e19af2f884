import { describe, expect, it } from "vitest";
import { hashApiKey } from "@/lib/api-keys/key-secret";
import { runApiKeyCli } from "@/lib/api-keys/run-api-key-cli";
import { db } from "@/lib/db/client";

// npm run api-key against PostgreSQL: create shows the key once, list never shows it, revoke ends it.

async function run(args: string[]) {
  const log: string[] = [];
  const errors: string[] = [];
  const code = await runApiKeyCli(args, { log: (line) => log.push(line), error: (line) => errors.push(line) });
  return { code, log: log.join("\n"), errors: errors.join("\n") };
}

describe("npm run api-key", () => {
  it("creates, lists and revokes a key, audited as the command line", async () => {
    const created = await run(["create", "--name", "cli sync", "--scopes", "members:write,payouts:read"]);
    expect(created.code).toBe(0);
    const key = /slotpay_[A-Za-z0-9_-]{43}/.exec(created.log)?.[0];
    expect(key).toBeDefined();
    const stored = await db().apiKey.findUniqueOrThrow({ where: { keyHash: hashApiKey(key!) } });
    expect(stored).toMatchObject({ name: "cli sync", scopes: ["members:write", "payouts:read"], revokedAt: null });

    const listed = await run(["list"]);
    expect(listed.log).toContain(`${stored.id}\tcli sync\t${key!.slice(0, 14)}…\tmembers:write,payouts:read`);
    expect(listed.log).not.toContain(key);

    expect(await run(["revoke", String(stored.id)])).toMatchObject({ code: 0, log: "API key cli sync revoked" });
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: stored.id } })).revokedAt).not.toBeNull();
    expect((await run(["list"])).log).toMatch(/cli sync.*revoked/);
    const audits = await db().auditLog.findMany({ where: { actorEmail: "command line" }, orderBy: { id: "asc" } });
    expect(audits.map((audit) => audit.action)).toEqual(["api-key.create", "api-key.revoke"]);
  });

  it("refuses bad usage with exit code 2 and an unknown key with 1", async () => {
    expect((await run(["create", "--name", "x", "--scopes", "admin"])).code).toBe(2);
    expect((await run(["create", "--scopes", "payouts:read"])).errors).toContain("name");
    expect((await run(["rotate"])).code).toBe(2);
    expect(await run(["revoke", "999999"])).toMatchObject({ code: 1, errors: "No API key 999999" });
    expect(await db().apiKey.count({ where: { name: "x" } })).toBe(0);
  });
});
