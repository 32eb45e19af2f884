import { beforeAll, describe, expect, it } from "vitest";
import { db, inTransaction } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { tick } from "@/lib/distribution/execution/tick";
import { IllegalTransitionError, moveSlot } from "@/lib/distribution/slot-transitions";
import { snapshotState } from "../../helpers/db-state";
import { dayOf, noonSlot, queueDay, setUpExecution, slotOf, type Actor } from "../../helpers/execution-data";

process.env.SLOTPAY_LOG = "silent";

// Every status write goes through moveSlot: a move outside SPEC §2's table is refused before
// anything is written, a slot no longer in the expected status is left alone, and a move that
// happens saves the day status and its audit row in the caller's transaction.

let actor: Actor;

beforeAll(async () => {
  ({ actor } = await setUpExecution({ stakesStartedAt: "2030-01-01T00:00:00Z", members: [{ score: "60", principals: ["2000"] }] }));
});

describe("moveSlot", () => {
  it("refuses a COMPLETED slot going back to PENDING (or anywhere), and writes nothing", async () => {
    const date = "2031-03-01";
    await queueDay({ actor, date, premium: "10", performance: "5", slots: noonSlot(date) });
    await tick({ now: new Date(`${date}T12:00:01Z`) });
    const slot = await slotOf(date, 1);
    expect(slot.status).toBe("COMPLETED");
    const before = await snapshotState();
    const audits = await db().auditLog.count();

    for (const to of ["PENDING", "FAILED", "EXECUTING"] as const) {
      await expect(
        inTransaction((tx) =>
          moveSlot(tx, {
            dayId: slot.dayId,
            slotId: slot.id,
            from: "COMPLETED",
            to,
            audit: { actor: null, action: "test.move", outcome: "OK" },
          }),
        ),
      ).rejects.toThrow(new IllegalTransitionError("COMPLETED", to));
    }
    await expect(
      inTransaction((tx) => moveSlot(tx, { dayId: slot.dayId, slotId: slot.id, from: "PENDING", to: "COMPLETED" })),
    ).rejects.toThrow(IllegalTransitionError);
    expect(await snapshotState()).toEqual(before);
    expect(await db().auditLog.count()).toBe(audits);
  });

  it("leaves a slot that is no longer `from` alone: the compare-and-set finds nothing", async () => {
    const date = "2031-03-02";
    await queueDay({ actor, date, premium: "0", performance: "0", slots: noonSlot(date) });
    const slot = await slotOf(date, 1);
    const before = await snapshotState();
    const moved = await inTransaction((tx) =>
      moveSlot(tx, {
        dayId: slot.dayId,
        slotId: slot.id,
        from: "EXECUTING",
        to: "FAILED",
        audit: { actor: null, action: "test.move", outcome: "FAILED" },
      }),
    );
    expect(moved).toBeNull();
    expect(await snapshotState()).toEqual(before);
    expect(await db().auditLog.count({ where: { action: "test.move" } })).toBe(0);
  });

  it("moves, saves the day status and the audit row in the caller's transaction, and returns the slot", async () => {
    const date = "2031-03-03";
    await queueDay({ actor, date, premium: "0", performance: "0", slots: noonSlot(date) });
    const slot = await slotOf(date, 1);
    const moved = await inTransaction(async (tx) => {
      const row = await moveSlot(tx, {
        dayId: slot.dayId,
        slotId: slot.id,
        from: "PENDING",
        to: "FAILED",
        set: [Prisma.sql`execution_details = ${JSON.stringify({ error: "by hand" })}::jsonb`],
        audit: { actor: null, action: "test.move", outcome: "FAILED", details: { slotId: slot.id } },
      });
      // The caller's own writes share the transaction: seen here, and rolled back with it.
      expect((await tx.day.findUniqueOrThrow({ where: { id: slot.dayId } })).status).toBe("FAILED");
      return row;
    });
    expect(moved).toMatchObject({
      id: slot.id,
      dayId: slot.dayId,
      slotNumber: 1,
      status: "FAILED",
      executionDetails: { error: "by hand" },
    });
    expect((await dayOf(date)).status).toBe("FAILED");
    expect(await db().auditLog.count({ where: { action: "test.move", details: { path: ["slotId"], equals: slot.id } } })).toBe(1);

    await expect(
      inTransaction(async (tx) => {
        await moveSlot(tx, { dayId: slot.dayId, slotId: slot.id, from: "FAILED", to: "PENDING" });
        throw new Error("the caller's next write failed");
      }),
    ).rejects.toThrow("the caller's next write failed");
    expect((await slotOf(date, 1)).status).toBe("FAILED");
    expect((await dayOf(date)).status).toBe("FAILED");
  });
});
