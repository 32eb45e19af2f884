import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runImportStakesCli } from "@/lib/bulk/run-import-stakes-cli";
import { db } from "@/lib/db/client";
import { snapshotState } from "../../helpers/db-state";

// npm run import:stakes against PostgreSQL: COPY into staging, the routes' validation and merge,
// all or nothing, bad lines reported by line number.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "slotpay-import-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(args: string[]) {
  const log: string[] = [];
  const errors: string[] = [];
  const code = await runImportStakesCli(args, {
    log: (line) => log.push(line),
    error: (line) => errors.push(line),
    progress: () => undefined,
  });
  return { code, log: log.join("\n"), errors: errors.join("\n") };
}

/**
 * Every stake's every column and its row version (xmin, which any UPDATE renews even when nothing
 * differs), hashed in SQL: 100,000 rows compared without loading them.
 */
async function stakesFingerprint() {
  const [row] = await db().$queryRaw<{ n: number; digest: string; versions: string }[]>`
    SELECT count(*)::int AS n, md5(string_agg(s::text, ',' ORDER BY s.id)) AS digest,
           md5(string_agg(s.xmin::text, ',' ORDER BY s.id)) AS versions
    FROM stakes s`;
  return row;
}

async function file(name: string, lines: string[]) {
  const full = path.join(dir, name);
  await writeFile(full, `${lines.join("\n")}\n`);
  return full;
}

const memberCount = 10_000;
const stakeCount = 100_000;
const stakeHeader = "externalId,memberExternalId,principal,status,startedAt,endedAt";
const stakeLine = (i: number) =>
  i % 10 === 0
    ? `imp-s${i},imp-m${i % memberCount},${i}.12345678,ENDED,2026-10-01T00:00:00Z,2026-11-01T00:00:00.5Z`
    : `imp-s${i},imp-m${i % memberCount},"${(i % 997) + 1}.5",ACTIVE,2026-10-01T00:00:00Z,`;

describe("npm run import:stakes", () => {
  beforeAll(async () => {
    const members = await file("members.csv", [
      "externalId,email,name,performanceScore",
      ...Array.from({ length: memberCount }, (_, i) => `imp-m${i},imp-m${i}@platform.test,"Member, ${i}",${i % 100}`),
    ]);
    const result = await run([members, "--members"]);
    expect(result).toMatchObject({ code: 0 });
    expect(result.log).toContain(`${memberCount.toLocaleString("en")} created`);
  });

  it("reports every bad line of a CSV by its number and imports nothing", async () => {
    const before = await snapshotState();
    const bad = await file("bad.csv", [
      stakeHeader,
      stakeLine(1),
      "imp-bad1,imp-m1,1.123456789,ACTIVE,2026-10-01T00:00:00Z,",
      stakeLine(2),
      "imp-bad2,nobody-here,10,ACTIVE,2026-10-01T00:00:00Z,",
      'imp-bad3,imp-m1,"10,ACTIVE,2026-10-01T00:00:00Z,',
      "imp-bad4,imp-m1,10,PAUSED,2026-10-01T00:00:00Z,",
      stakeLine(3),
    ]);
    const result = await run([bad]);
    expect(result.code).toBe(1);
    expect(result.errors).toContain("3 bad lines");
    expect(result.errors).toContain("line 3 principal: principal has more than 8 decimal places");
    expect(result.errors).toContain("line 6: the line's quotes do not close");
    expect(result.errors).toContain("line 7 status: status must be ACTIVE or ENDED");
    expect(await snapshotState()).toEqual(before);

    // Lines every field of which is fine, refused by the checks in the staging table.
    const unknownMember = await file("unknown-member.csv", [
      stakeHeader,
      stakeLine(4),
      "imp-bad2,nobody-here,10,ACTIVE,2026-10-01T00:00:00Z,",
      stakeLine(4),
    ]);
    const second = await run([unknownMember]);
    expect(second.code).toBe(1);
    expect(second.errors).toContain("line 3 memberExternalId: no member has externalId nobody-here");
    expect(second.errors).toContain("line 4 externalId: externalId imp-s4 appears more than once (first in row 2)");
    expect(await snapshotState()).toEqual(before);
  });

  it("imports a clean 100,000-row file, and the same file again as unchanged", async () => {
    const clean = await file("stakes.csv", [stakeHeader, ...Array.from({ length: stakeCount }, (_, i) => stakeLine(i))]);
    const dryRun = await run([clean, "--dry-run"]);
    expect(dryRun.log).toContain("100,000 created");
    expect(await db().stake.count({ where: { externalId: { startsWith: "imp-s" } } })).toBe(0);

    const first = await run([clean]);
    expect(first).toMatchObject({ code: 0 });
    expect(first.log).toMatch(/Imported 100,000 stakes in [\d.]+ s: 100,000 created, 0 updated, 0 unchanged/);
    const [stored] = await db().$queryRaw<{ n: number; total: string; ended: number }[]>`
      SELECT count(*)::int AS n, sum(principal)::text AS total, count(*) FILTER (WHERE status = 'ENDED')::int AS ended
      FROM stakes WHERE external_id LIKE 'imp-s%'`;
    let expectedTotal = 0n;
    for (let i = 0; i < stakeCount; i++)
      expectedTotal += i % 10 === 0 ? BigInt(i) * 100_000_000n + 12_345_678n : BigInt((i % 997) + 1) * 100_000_000n + 50_000_000n;
    expect(stored).toEqual({
      n: stakeCount,
      total: `${expectedTotal / 100_000_000n}.${(expectedTotal % 100_000_000n).toString().padStart(8, "0")}`,
      ended: stakeCount / 10,
    });

    const before = await stakesFingerprint();
    const again = await run([clean]);
    expect(again.log).toContain("0 created, 0 updated, 100,000 unchanged");
    expect(await stakesFingerprint()).toEqual(before);

    // One line changed: that stake alone gets a new row version.
    const versionsOf = () =>
      db().$queryRaw<{ external_id: string; version: string }[]>`
        SELECT external_id, xmin::text AS version FROM stakes WHERE external_id IN ('imp-s7', 'imp-s8') ORDER BY external_id`;
    const [seven, eight] = await versionsOf();
    const changed = await file("changed.csv", [
      stakeHeader,
      ...Array.from({ length: stakeCount }, (_, i) => (i === 7 ? "imp-s7,imp-m7,7.25,ACTIVE,2026-10-01T00:00:00Z," : stakeLine(i))),
    ]);
    expect((await run([changed])).log).toContain("0 created, 1 updated, 99,999 unchanged");
    const [sevenAfter, eightAfter] = await versionsOf();
    expect(sevenAfter.version).not.toBe(seven.version);
    expect(eightAfter).toEqual(eight);
    expect((await db().stake.findUniqueOrThrow({ where: { externalId: "imp-s7" } })).principal.toFixed(8)).toBe("7.25000000");
  }, 240_000);

  it("takes NDJSON and refuses a stake moved to another member", async () => {
    const ndjson = await file("moved.ndjson", [
      JSON.stringify({
        externalId: "imp-s5",
        memberExternalId: "imp-m6",
        principal: "6.5",
        status: "ACTIVE",
        startedAt: "2026-10-01T00:00:00Z",
      }),
    ]);
    const result = await run([ndjson]);
    expect(result.code).toBe(1);
    expect(result.errors).toContain(
      "line 1 memberExternalId: stake imp-s5 belongs to member imp-m5: a stake cannot move to another member",
    );
  });
});
