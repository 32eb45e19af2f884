import { InngestTestEngine } from "@inngest/test";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { runSlot, wakeLeadMs } from "@/inngest/functions/run-slot";
import { db } from "@/lib/db/client";
import { tick } from "@/lib/distribution/execution/tick";
import { ensureLedgerPartitions } from "@/lib/ledger/ensure-ledger-partitions";
import { createMember } from "../../helpers/execution-data";

// Past the deadline PostgreSQL ends the statement, or (17 and later, same deadline) the transaction.
const deadlineError = /(statement|transaction) timeout/;

process.env.SLOTPAY_LOG = "silent";

// The per-slot run's decisions with the real SDK (@inngest/test) and PostgreSQL: a run woken
// early, a run whose day is busy, and a payout that fails or runs past its deadline.

const wokenUp = { id: "wait-for-slot-time", handler: () => undefined };
type Mocked = { id: string; handler: () => unknown };

let nextDate = Date.UTC(2031, 0, 1);
async function dayWith(slots: { slotNumber: number; scheduledFor: Date; status?: "PENDING" | "EXECUTING" | "COMPLETED" }[]) {
  const date = new Date(nextDate);
  nextDate += 86_400_000;
  const day = await db().day.create({ data: { date, premiumPoolAmount: "0", performancePoolAmount: "0" } });
  await ensureLedgerPartitions({ dates: [date.toISOString().slice(0, 10)] }); // as queueing the day would
  for (const slot of slots) {
    const executing = slot.status === "EXECUTING" ? { leaseOwner: "another-executor", leaseExpiresAt: new Date(Date.now() + 60_000) } : {};
    await db().slot.create({ data: { dayId: day.id, rosPercentage: "1", ...slot, ...executing } });
  }
  return day.id;
}

function runFor(dayId: number, slotNumber: number, scheduledFor: Date, steps: Mocked[] = [wokenUp]) {
  const event = { name: "distribution/slot.scheduled", data: { dayId, slotNumber, scheduledFor: scheduledFor.toISOString() } };
  return new InngestTestEngine({ function: runSlot, events: [event], steps });
}

const slotOf = (dayId: number, slotNumber: number) => db().slot.findFirstOrThrow({ where: { dayId, slotNumber } });
const ledgerRowsOf = async (dayId: number, slotNumber: number) =>
  db().ledgerEntry.count({ where: { slotId: (await slotOf(dayId, slotNumber)).id } });
const stepIds = (ctx: { step: { run: unknown } }) => (ctx.step.run as { mock: { calls: [string][] } }).mock.calls.map(([id]) => id);

async function injectPayoutFault(sql: string) {
  await db().$executeRawUnsafe(
    `CREATE OR REPLACE FUNCTION test_payout_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${sql}; RETURN NEW; END $$`,
  );
  await db().$executeRawUnsafe(
    "CREATE TRIGGER test_payout_fault BEFORE INSERT ON ledger_entries FOR EACH ROW EXECUTE FUNCTION test_payout_fault()",
  );
}

beforeAll(async () => {
  await createMember({ stakes: [{ principal: "500", startedAt: new Date(Date.now() - 86_400_000).toISOString() }] });
});

afterEach(async () => {
  delete process.env.SLOTPAY_PAYOUT_TIMEOUT_SECONDS;
  await db().$executeRawUnsafe("DROP TRIGGER IF EXISTS test_payout_fault ON ledger_entries");
});

describe("a run woken before its slot's time", () => {
  it("waits out the last two seconds inside its claim step, then claims and pays at the slot's time", async () => {
    const at = new Date(Date.now() + 1_500);
    const dayId = await dayWith([{ slotNumber: 1, scheduledFor: at }]);
    const { result, ctx } = await runFor(dayId, 1, at).execute();
    expect(result).toMatchObject({ status: "COMPLETED", slotNumber: 1 });
    expect(stepIds(ctx)).toEqual(["claim", "distribute", "finalize"]);
    const slot = await slotOf(dayId, 1);
    expect(Date.parse((slot.executionDetails as { executedAt: string }).executedAt)).toBeGreaterThanOrEqual(at.getTime());
    expect(await ledgerRowsOf(dayId, 1)).toBe(1);
  });

  it("sleeps again until just before the slot's time when it woke more than two seconds early, and claims nothing yet", async () => {
    const at = new Date(Date.now() + 5_000);
    const dayId = await dayWith([{ slotNumber: 1, scheduledFor: at }]);
    const { ctx, result } = await runFor(dayId, 1, at).executeStep("claim");
    expect(result).toEqual({ outcome: "early", until: at.toISOString() });
    const next = await runFor(dayId, 1, at, [wokenUp, { id: "claim", handler: () => result }]).executeStep("wait-for-slot-time-again");
    expect(next.step.op).toBe("Sleep");
    // Woken a second ahead on purpose: Inngest's wake-ups are only good to about half a second.
    const aheadOfTime = new Date(at.getTime() - wakeLeadMs);
    expect(next.ctx.step.sleepUntil).toHaveBeenCalledWith("wait-for-slot-time-again", aheadOfTime);
    expect(ctx.step.sleepUntil).toHaveBeenCalledWith("wait-for-slot-time", aheadOfTime);
    expect(await slotOf(dayId, 1)).toMatchObject({ status: "PENDING", leaseOwner: null });
  });

  it("first pays an earlier slot of its day that is already due (its own run late), then sleeps again", async () => {
    const dayId = await dayWith([
      { slotNumber: 1, scheduledFor: new Date(Date.now() - 1_000) },
      { slotNumber: 2, scheduledFor: new Date(Date.now() + 5_000) },
    ]);
    const own = (await slotOf(dayId, 2)).scheduledFor;
    const next = await runFor(dayId, 2, own).executeStep("wait-for-slot-time-2-again");
    expect(next.step.op).toBe("Sleep");
    expect(stepIds(next.ctx)).toEqual(["claim", "distribute-earlier-slot-1", "finalize-earlier-slot-1", "claim-2"]);
    expect(await slotOf(dayId, 1)).toMatchObject({ status: "COMPLETED" });
    expect(await slotOf(dayId, 2)).toMatchObject({ status: "PENDING", leaseOwner: null });
  });
});

describe("a run whose slot is due while its day is busy", () => {
  it("waits its turn behind another executor's slot instead of skipping, then claims", async () => {
    const at = new Date(Date.now() - 1_000);
    const dayId = await dayWith([
      { slotNumber: 1, scheduledFor: at, status: "EXECUTING" },
      { slotNumber: 2, scheduledFor: at },
    ]);
    const { result } = await runFor(dayId, 2, at).executeStep("claim");
    expect(result).toEqual({ outcome: "blocked" });
    const waiting = await runFor(dayId, 2, at, [wokenUp, { id: "claim", handler: () => result }]).executeStep("wait-for-day");
    expect(waiting.ctx.step.sleep).toHaveBeenCalledWith("wait-for-day", 1_000);

    await db().slot.updateMany({ where: { dayId, slotNumber: 1 }, data: { status: "COMPLETED", leaseOwner: null } });
    const steps = [wokenUp, { id: "claim", handler: () => result }, { id: "wait-for-day", handler: () => undefined }];
    const { result: outcome, ctx } = await runFor(dayId, 2, at, steps).execute();
    expect(outcome).toMatchObject({ status: "COMPLETED", slotNumber: 2 });
    expect(stepIds(ctx)).toEqual(["claim", "claim-2", "distribute", "finalize"]);
  });

  it("pays an earlier slot of its day that is due first, then its own; the earlier slot's run then skips", async () => {
    const at = new Date(Date.now() - 1_000);
    const dayId = await dayWith([
      { slotNumber: 1, scheduledFor: at },
      { slotNumber: 2, scheduledFor: at },
    ]);
    const { result, ctx } = await runFor(dayId, 2, at).execute();
    expect(result).toMatchObject({ status: "COMPLETED", slotNumber: 2 });
    expect(stepIds(ctx)).toEqual(["claim", "distribute-earlier-slot-1", "finalize-earlier-slot-1", "claim-2", "distribute", "finalize"]);
    const [first, second] = [await slotOf(dayId, 1), await slotOf(dayId, 2)];
    const executedAt = (slot: typeof first) => Date.parse((slot.executionDetails as { executedAt: string }).executedAt);
    expect([first.status, second.status]).toEqual(["COMPLETED", "COMPLETED"]);
    expect(executedAt(second)).toBeGreaterThanOrEqual(executedAt(first));
    expect(await runFor(dayId, 1, at).execute()).toMatchObject({
      result: { status: "SKIPPED", reason: expect.stringContaining("COMPLETED") },
    });
  });

  it("skips a slot another executor took meanwhile", async () => {
    const at = new Date(Date.now() - 1_000);
    const dayId = await dayWith([{ slotNumber: 1, scheduledFor: at, status: "EXECUTING" }]);
    const { result } = await runFor(dayId, 1, at).execute();
    expect(result).toMatchObject({ status: "SKIPPED", reason: expect.stringContaining("EXECUTING") });
  });
});

describe("a run whose payout fails", () => {
  it("throws the error back for Inngest's retry, its slot still EXECUTING under the run's lease with nothing paid; the retry pays it once", async () => {
    const at = new Date(Date.now() - 1_000);
    const dayId = await dayWith([{ slotNumber: 1, scheduledFor: at }]);
    await injectPayoutFault("RAISE EXCEPTION 'injected payout failure'");
    const first = await runFor(dayId, 1, at).execute();
    expect(first.error).toMatchObject({ name: "RetryAfterError", message: "injected payout failure" });
    const held = await slotOf(dayId, 1);
    expect(held).toMatchObject({ status: "EXECUTING", leaseOwner: expect.stringMatching(/^inngest:\w+$/) });
    expect(await ledgerRowsOf(dayId, 1)).toBe(0);

    // Inngest retries the distribute step of the same run: the claim is remembered, the lease still its own.
    await db().$executeRawUnsafe("DROP TRIGGER test_payout_fault ON ledger_entries");
    const claim = { slotId: held.id, dayId, slotNumber: 1, scheduledFor: at.toISOString(), attempt: 1, leaseOwner: held.leaseOwner };
    const retry = runFor(dayId, 1, at, [wokenUp, { id: "claim", handler: () => ({ outcome: "claimed", claim }) }]);
    const { result } = await retry.execute();
    expect(result).toMatchObject({ status: "COMPLETED" });
    expect(await ledgerRowsOf(dayId, 1)).toBe(1);
  });

  it("fails at once, without retries, when the payout runs past its deadline; onFailure marks the slot FAILED with nothing paid", async () => {
    process.env.SLOTPAY_PAYOUT_TIMEOUT_SECONDS = "1";
    const at = new Date(Date.now() - 1_000);
    const dayId = await dayWith([{ slotNumber: 1, scheduledFor: at }]);
    await injectPayoutFault("PERFORM pg_sleep(1.5)");
    const { error } = await runFor(dayId, 1, at).execute();
    expect(error).toMatchObject({ name: "NonRetriableError", message: expect.stringMatching(deadlineError) });
    expect(await ledgerRowsOf(dayId, 1)).toBe(0);
    const runId = (await slotOf(dayId, 1)).leaseOwner?.replace("inngest:", "");

    const onFailure = runSlot.opts.onFailure as unknown as (failure: unknown) => Promise<unknown>;
    const event = { name: "distribution/slot.scheduled", data: { dayId, slotNumber: 1, scheduledFor: at.toISOString() } };
    await onFailure({ event: { name: "inngest/function.failed", data: { run_id: runId, error, event } } });
    const failed = await slotOf(dayId, 1);
    expect(failed).toMatchObject({ status: "FAILED", leaseOwner: null });
    expect(failed.executionDetails).toMatchObject({ error: expect.stringMatching(deadlineError) });
    expect(await ledgerRowsOf(dayId, 1)).toBe(0);
  });

  it("fails the slot under the embedded scheduler too when the payout runs past its deadline", async () => {
    process.env.SLOTPAY_PAYOUT_TIMEOUT_SECONDS = "1";
    const at = new Date(Date.now() - 1_000);
    const dayId = await dayWith([{ slotNumber: 1, scheduledFor: at }]);
    await db().slot.updateMany({ where: { dayId: { not: dayId }, status: { in: ["PENDING", "EXECUTING"] } }, data: { status: "FAILED" } });
    await injectPayoutFault("PERFORM pg_sleep(1.5)");
    const { executed } = await tick();
    expect(executed).toEqual([expect.objectContaining({ dayId, status: "FAILED", error: expect.stringMatching(deadlineError) })]);
    expect(await slotOf(dayId, 1)).toMatchObject({ status: "FAILED" });
    expect(await ledgerRowsOf(dayId, 1)).toBe(0);
  });
});
