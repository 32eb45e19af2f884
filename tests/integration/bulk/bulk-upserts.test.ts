import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestApiKey } from "../../factories/api-keys";
import { codeFor, createConsoleUser, signInAs } from "../../factories/users";
import { snapshotState } from "../../helpers/db-state";
import { appServerForThisFile } from "../../helpers/file-app-server";

// PUT /api/admin/members and /stakes over real HTTP against `next start` and PostgreSQL:
// all-or-nothing, per-row errors, idempotent, exact amounts, stakes never change member.

const app = appServerForThisFile();
let membersKey: string;
let stakesKey: string;

beforeAll(async () => {
  [membersKey, stakesKey] = (
    await Promise.all([createTestApiKey({ scopes: ["members:write"] }), createTestApiKey({ scopes: ["stakes:write"] })])
  ).map((created) => created.key);
});

type Answer = { status: number; body: Record<string, unknown> & { details?: { row: number; field: string | null; message: string }[] } };

async function put(
  kind: "members" | "stakes",
  rows: unknown,
  options: { ndjson?: boolean; key?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const body = options.ndjson ? (rows as unknown[]).map((row) => JSON.stringify(row)).join("\n") : JSON.stringify(rows);
  const response = await fetch(`${app().baseUrl}/api/admin/${kind}`, {
    method: "PUT",
    headers: {
      "content-type": options.ndjson ? "application/x-ndjson" : "application/json",
      ...(options.key === "" ? {} : { authorization: `Bearer ${options.key ?? (kind === "members" ? membersKey : stakesKey)}` }),
      ...options.headers,
    },
    body,
  });
  expect(response.headers.get("content-type")).toContain("application/json");
  return { status: response.status, body: (await response.json()) as Answer["body"] };
}

const member = (id: string, extra: Record<string, unknown> = {}) => ({
  externalId: id,
  email: `${id}@platform.test`,
  name: `Member ${id}`,
  performanceScore: "12.5",
  ...extra,
});
const stake = (id: string, memberId: string, extra: Record<string, unknown> = {}) => ({
  externalId: id,
  memberExternalId: memberId,
  principal: "1000.12345678",
  status: "ACTIVE",
  startedAt: "2026-11-01T00:00:00.000Z",
  ...extra,
});

describe("PUT /api/admin/members", () => {
  it("creates, then answers the same body as unchanged, then counts a changed row as updated", async () => {
    const rows = [member("m-a1"), member("m-a2"), member("m-a3", { performanceScore: 99.87654321 })];
    expect(await put("members", rows)).toMatchObject({ status: 200, body: { success: true, created: 3, updated: 0, unchanged: 0 } });
    const state = await snapshotState();
    expect(await put("members", rows)).toMatchObject({ status: 200, body: { created: 0, updated: 0, unchanged: 3 } });
    expect(await snapshotState()).toEqual(state);
    rows[1] = member("m-a2", { name: "Renamed" });
    expect(await put("members", rows, { ndjson: true })).toMatchObject({ status: 200, body: { created: 0, updated: 1, unchanged: 2 } });
    const stored = await db().user.findUniqueOrThrow({ where: { externalId: "m-a3" } });
    expect(stored.performanceScore.toFixed(8)).toBe("99.87654321");
    expect((await db().user.findUniqueOrThrow({ where: { externalId: "m-a2" } })).name).toBe("Renamed");
  });

  it("refuses a body with any bad row, naming each row and field, and writes nothing", async () => {
    await put("members", [member("m-b0")]);
    const before = await snapshotState();
    const answer = await put("members", [
      member("m-b1"),
      member("m-b2", { performanceScore: "1.123456789" }),
      member("m-b3", { email: "not-an-email" }),
      member("m-b1", { email: "other@platform.test" }),
      member("m-b4", { email: "m-b0@platform.test" }),
      { ...member("m-b5"), extra: 1 },
    ]);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ success: false, code: "VALIDATION" });
    expect(answer.body.details?.map(({ row, field }) => `${row}:${field}`)).toEqual(["1:performanceScore", "2:email", "5:extra"]);
    expect(answer.body.details?.[0].message).toBe("performanceScore has more than 8 decimal places");
    expect(await snapshotState()).toEqual(before);
    // Past the row checks, the database checks: a repeated id and another member's email.
    const second = await put("members", [
      member("m-b1"),
      member("m-b1", { email: "other@platform.test" }),
      member("m-b4", { email: "m-b0@platform.test" }),
    ]);
    expect(second.status).toBe(400);
    expect(second.body.details?.map(({ row, field }) => `${row}:${field}`)).toEqual(["1:externalId", "2:email"]);
    expect(await snapshotState()).toEqual(before);
  });

  it("refuses more than 50,000 rows, bad JSON and a non-array body with a 400", async () => {
    const many = Array.from({ length: 50_001 }, (_, i) => member(`m-many-${i}`));
    expect(await put("members", many, { ndjson: true })).toMatchObject({ status: 400, body: { code: "VALIDATION" } });
    expect(await put("members", { externalId: "x" })).toMatchObject({
      status: 400,
      body: { message: "Request body must be a JSON array of rows" },
    });
    const broken = await fetch(`${app().baseUrl}/api/admin/members`, {
      method: "PUT",
      headers: { "content-type": "application/x-ndjson", authorization: `Bearer ${membersKey}` },
      body: `${JSON.stringify(member("m-c1"))}\n{not json\n`,
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as Answer["body"]).details).toEqual([{ row: 1, field: null, message: "the line is not valid JSON" }]);
    expect(await db().user.count({ where: { externalId: "m-c1" } })).toBe(0);
  });

  it("takes a signed-in admin with a 2FA code in the header, and refuses one without", async () => {
    const admin = await createConsoleUser();
    const { cookie } = await signInAs(admin);
    const headers = { cookie, origin: app().baseUrl };
    expect(await put("members", [member("m-d1")], { key: "", headers })).toMatchObject({
      status: 403,
      body: { code: "TWO_FACTOR_INVALID" },
    });
    const ok = await put("members", [member("m-d1")], { key: "", headers: { ...headers, "x-two-factor-code": await codeFor(admin) } });
    expect(ok).toMatchObject({ status: 200, body: { created: 1 } });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "members.upsert", outcome: "OK", actorEmail: admin.email } });
    expect(audit.details).toMatchObject({ rows: 1, created: 1 });
  });
});

/** Each test stake's row version (xmin): an UPDATE gives a row a new one, even when nothing differs. */
async function rowVersions(): Promise<Record<string, string>> {
  const rows = await db().$queryRaw<{ external_id: string; version: string }[]>`
    SELECT external_id, xmin::text AS version FROM stakes WHERE external_id LIKE 's-_'`;
  return Object.fromEntries(rows.map((row) => [row.external_id, row.version]));
}

describe("PUT /api/admin/stakes", () => {
  beforeAll(async () => {
    expect((await put("members", [member("s-m1"), member("s-m2")])).status).toBe(200);
  });

  it("keeps 8 decimals exactly, is idempotent and audits the key by name", async () => {
    const rows = [
      stake("s-1", "s-m1", { principal: "999999999999.99999999" }),
      stake("s-2", "s-m2", { principal: 0.00000001 }),
      stake("s-3", "s-m2", { status: "ENDED", endedAt: "2026-11-20T10:00:00.123Z" }),
    ];
    expect(await put("stakes", rows)).toMatchObject({ status: 200, body: { created: 3, updated: 0, unchanged: 0 } });
    const written = await rowVersions();
    expect(await put("stakes", rows, { ndjson: true })).toMatchObject({ status: 200, body: { created: 0, updated: 0, unchanged: 3 } });
    expect(await rowVersions()).toEqual(written); // unchanged rows are not rewritten: no new row version
    const stored = await db().$queryRaw<{ external_id: string; principal: string }[]>`
      SELECT external_id, principal::text FROM stakes WHERE external_id LIKE 's-_' ORDER BY external_id`;
    expect(stored).toEqual([
      { external_id: "s-1", principal: "999999999999.99999999" },
      { external_id: "s-2", principal: "0.00000001" },
      { external_id: "s-3", principal: "1000.12345678" },
    ]);
    rows[0] = stake("s-1", "s-m1", { status: "ENDED", endedAt: "2026-11-30T00:00:00Z", principal: "999999999999.99999999" });
    expect(await put("stakes", rows)).toMatchObject({ status: 200, body: { created: 0, updated: 1, unchanged: 2 } });
    const rewritten = await rowVersions();
    expect(rewritten["s-1"]).not.toBe(written["s-1"]);
    expect({ ...rewritten, "s-1": written["s-1"] }).toEqual(written);
    const audits = await db().auditLog.findMany({
      where: { action: "stakes.upsert", outcome: "OK", actorEmail: { startsWith: "api-key:test-stakes:write" } },
    });
    expect(audits.map((audit) => audit.details)).toEqual([
      { rows: 3, created: 3, updated: 0, unchanged: 0 },
      { rows: 3, created: 0, updated: 0, unchanged: 3 },
      { rows: 3, created: 0, updated: 1, unchanged: 2 },
    ]);
  });

  it("refuses 9 decimals, an unknown member, a repeated id and a stake moved to another member; writes nothing", async () => {
    await put("stakes", [stake("s-10", "s-m1")]);
    const before = await snapshotState();
    const typed = await put("stakes", [
      stake("s-11", "s-m1", { principal: "1.000000001" }),
      stake("s-12", "s-m1", { status: "PAUSED" }),
      stake("s-13", "s-m1", { principal: 0 }),
    ]);
    expect(typed.status).toBe(400);
    expect(typed.body.details?.map(({ row, field }) => `${row}:${field}`)).toEqual(["0:principal", "1:status", "2:principal"]);
    const checked = await put("stakes", [stake("s-14", "nobody"), stake("s-10", "s-m2"), stake("s-15", "s-m1"), stake("s-15", "s-m1")]);
    expect(checked.status).toBe(400);
    expect(checked.body.details).toEqual([
      { row: 0, field: "memberExternalId", message: "no member has externalId nobody" },
      { row: 1, field: "memberExternalId", message: "stake s-10 belongs to member s-m1: a stake cannot move to another member" },
      { row: 3, field: "externalId", message: "externalId s-15 appears more than once (first in row 2)" },
    ]);
    expect(await snapshotState()).toEqual(before);
    expect(await db().stake.count({ where: { externalId: { in: ["s-14", "s-15"] } } })).toBe(0);
  });
});
