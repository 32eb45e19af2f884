import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { brief, fullState, importText, storedDay } from "../../helpers/legacy-import";

// A legacy day that cannot be imported: its date is taken in Slotpay, or its write fails.

/** One relaxed Extended JSON line: a three-slot PENDING day on `date`. */
const legacyLine = (oid: string, date: string) =>
  JSON.stringify({
    _id: { $oid: oid },
    date,
    premiumPoolAmount: 100,
    performancePoolAmount: 50,
    multiSlotEnabled: true,
    status: "PENDING",
    queuedAt: { $date: `${date}T06:00:00Z` },
    distributionSlots: [1, 2, 3].map((n) => ({ slotNumber: n, rosPercentage: 1, scheduledFor: { $date: `${date}T0${6 + n}:00:00Z` } })),
  });

describe("a day already in Slotpay", () => {
  it("is a conflict: reported, left as it is, the document not imported", async () => {
    const existing = await db().day.create({
      data: {
        date: new Date("2019-03-01T00:00:00Z"),
        premiumPoolAmount: 10,
        performancePoolAmount: 5,
        slots: { create: [{ slotNumber: 1, rosPercentage: 1, scheduledFor: new Date("2019-03-01T08:00:00Z") }] },
      },
      include: { slots: true },
    });
    const line = legacyLine("5c78f1a0a3f1c29e4b0d1e99", "2019-03-01");
    const expected = `2019-03-01 is taken by a day queued in Slotpay (day id ${existing.id})`;
    const before = await fullState();

    const dryRun = await importText(line, true);
    const report = await importText(line);

    expect(dryRun.outcomes.map(brief)).toEqual([["5c78f1a0a3f1c29e4b0d1e99", "conflict", expected]]);
    expect(report.outcomes.map(brief)).toEqual([["5c78f1a0a3f1c29e4b0d1e99", "conflict", expected]]);
    expect(await fullState()).toEqual(before);
  });
});

describe("a document whose write fails midway", () => {
  const failing = "5c8a1b00a3f1c29e4b0d1e98";
  const after = "5c8a1b01a3f1c29e4b0d1e97";
  const lines = [legacyLine(failing, "2019-04-01"), legacyLine(after, "2019-04-02")].join("\n");
  const constraint = "legacy_import_test_refuses_one";

  afterAll(async () => {
    await db().$executeRawUnsafe(`ALTER TABLE audit_log DROP CONSTRAINT IF EXISTS ${constraint}`);
  });

  it("leaves nothing of it, the next document is imported, and a later run imports it", async () => {
    // The audit row is its last write: by then its day and all three slots were inserted.
    await db().$executeRawUnsafe(
      `ALTER TABLE audit_log ADD CONSTRAINT ${constraint} CHECK (details->>'legacyId' IS DISTINCT FROM '${failing}')`,
    );
    const slotsBefore = await db().slot.count();

    const report = await importText(lines);

    expect(report.outcomes.map((o) => [o.ref.legacyId, o.outcome])).toEqual([
      [failing, "failed"],
      [after, "imported"],
    ]);
    expect(report.outcomes[0]).toMatchObject({
      reason: expect.stringMatching(/^nothing of it was written: .*legacy_import_test_refuses_one/),
    });
    expect(await db().day.findFirst({ where: { OR: [{ legacyId: failing }, { date: new Date("2019-04-01T00:00:00Z") }] } })).toBeNull();
    expect(await db().slot.count()).toBe(slotsBefore + 3); // only the second document's
    expect(await db().auditLog.count({ where: { action: "legacy.import", details: { path: ["legacyId"], equals: failing } } })).toBe(0);

    await db().$executeRawUnsafe(`ALTER TABLE audit_log DROP CONSTRAINT ${constraint}`);
    const retry = await importText(lines);
    expect(retry.outcomes.map((o) => [o.ref.legacyId, o.outcome])).toEqual([
      [failing, "imported"],
      [after, "skipped"],
    ]);
    expect((await storedDay(failing)).slots).toHaveLength(3);
  });
});
