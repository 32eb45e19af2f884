import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { AppServer } from "../support/app-server";
import type { InngestServer } from "../support/inngest-server";
import { eventsOf } from "./running-app";

// Reading a day run by real servers back from the database and from the Inngest server.

export const slotRunSlug = "slotpay-run-distribution-slot";

/** Waits until `read` gives a value, polling every 100 ms. */
export async function waitFor<T>(what: string, read: () => Promise<T | null | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * The first whole second at or after `earliestMs` such that no minute starts within
 * [t − 2 s, t + spanMs + 2 s]: the safety-net cron fires on the minute, and slots planned away
 * from it are left to their per-slot runs.
 */
export function clearOfMinuteBoundaries(earliestMs: number, spanMs: number): number {
  for (let t = Math.ceil(earliestMs / 1000) * 1000; ; t += 1000) {
    const from = t - 2_000;
    const to = t + spanMs + 2_000;
    if (Math.floor(from / 60_000) === Math.floor(to / 60_000)) return t;
  }
}

const executed = z.object({ executedAt: z.iso.datetime(), completedAt: z.iso.datetime().optional(), error: z.string().optional() });

export type SlotRow = {
  id: number;
  slotNumber: number;
  status: string;
  scheduledFor: Date;
  executedAt: Date | null;
  completedAt: Date | null;
  error: string | undefined;
  /** executedAt − scheduledFor, ms. */
  latenessMs: number | null;
  ledgerRows: number;
};

export async function slotsOfToday(dayId: number): Promise<Map<number, SlotRow>> {
  const slots = await db().slot.findMany({ where: { dayId }, orderBy: { slotNumber: "asc" } });
  const counts = await db().ledgerEntry.groupBy({ by: ["slotId"], where: { slotId: { in: slots.map((s) => s.id) } }, _count: true });
  const rowsBySlot = new Map(counts.map((c) => [c.slotId, c._count]));
  return new Map(
    slots.map((slot) => {
      const details = slot.executionDetails ? executed.parse(slot.executionDetails) : null;
      const executedAt = details ? new Date(details.executedAt) : null;
      return [
        slot.slotNumber,
        {
          id: slot.id,
          slotNumber: slot.slotNumber,
          status: slot.status,
          scheduledFor: slot.scheduledFor,
          executedAt,
          completedAt: details?.completedAt ? new Date(details.completedAt) : null,
          error: details?.error,
          latenessMs: executedAt ? executedAt.getTime() - slot.scheduledFor.getTime() : null,
          ledgerRows: rowsBySlot.get(slot.id) ?? 0,
        },
      ];
    }),
  );
}

/** Waits until every one of `slotNumbers` has left PENDING/EXECUTING. */
export function waitForSlotsToEnd(dayId: number, slotNumbers: number[], timeoutMs: number) {
  return waitFor(
    `slots ${slotNumbers.join(", ")} to end`,
    async () => {
      const slots = await slotsOfToday(dayId);
      const ended = slotNumbers.every((n) => ["COMPLETED", "FAILED"].includes(slots.get(n)?.status ?? ""));
      return ended && slots;
    },
    timeoutMs,
  );
}

const slotEvent = z.object({ dayId: z.number(), slotNumber: z.number(), scheduledFor: z.string() });

export type SlotRun = { id: string; status: string; slotNumber: number; scheduledFor: string; output: unknown };

/** The per-slot function's runs since `since`, with the slot each was for and what it returned. */
export async function slotRunsSince(inngest: InngestServer, since: Date): Promise<SlotRun[]> {
  const runs = (await inngest.runs(since)).filter((run) => run.functionSlug === slotRunSlug);
  return Promise.all(
    runs.map(async (run) => {
      const data = slotEvent.parse(await inngest.runEventData(run.id));
      return {
        id: run.id,
        status: run.status,
        slotNumber: data.slotNumber,
        scheduledFor: data.scheduledFor,
        output: await inngest.runOutput(run.id),
      };
    }),
  );
}

/** A payout error raised inside the payout transaction of slot `slotNumber`, after it has written `afterRows` ledger rows. */
export async function injectPayoutError(options: { slotNumber: number; afterRows: number }) {
  await db().$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION test_refuse_payout() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE written int;
    BEGIN
      IF NEW.slot_id IN (SELECT id FROM slots WHERE slot_number = ${options.slotNumber}) THEN
        SELECT count(*) INTO written FROM ledger_entries WHERE slot_id = NEW.slot_id;
        IF written >= ${options.afterRows} THEN
          RAISE EXCEPTION 'injected payout failure after % rows of slot %', written, NEW.slot_id;
        END IF;
      END IF;
      RETURN NEW;
    END $$`);
  await db().$executeRawUnsafe(
    "CREATE TRIGGER test_refuse_payout BEFORE INSERT ON ledger_entries FOR EACH ROW EXECUTE FUNCTION test_refuse_payout()",
  );
  return async () => {
    await db().$executeRawUnsafe("DROP TRIGGER IF EXISTS test_refuse_payout ON ledger_entries");
    await db().$executeRawUnsafe("DROP FUNCTION IF EXISTS test_refuse_payout()");
  };
}

/** The run's finalize step logs after the payout committed: wait for the lines of these slots. */
export async function finalizedLines(app: AppServer, dayId: number, slotNumbers: number[]) {
  const ids = [...(await slotsOfToday(dayId)).values()].filter((s) => slotNumbers.includes(s.slotNumber)).map((s) => s.id);
  return waitFor(
    `the finalize steps of slots ${slotNumbers.join(", ")}`,
    async () => {
      const lines = eventsOf(app, "slot.finalized");
      return ids.every((id) => lines.some((line) => line.slotId === id)) && lines;
    },
    10_000,
  );
}
