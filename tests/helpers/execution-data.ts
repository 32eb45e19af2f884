import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma, StakeStatus } from "@/lib/db/generated/client";
import { fromUnits, toUnits } from "@/lib/distribution/money";
import { tick } from "@/lib/distribution/execution/tick";
import { queueDistribution } from "@/lib/distribution/queue-distribution";
import { loadSettings } from "@/lib/distribution/settings-store";
import { instantOfLocalTime } from "@/lib/distribution/time-zone";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { createConsoleUser } from "../factories/users";

// Data and read-backs for the slot execution tests. Amounts are compared as exact decimal
// strings in canonical form ("15", "4.99999999"), never as floating point.

export type Actor = { id: number; email: string };
type LedgerKind = "ROS" | "PREMIUM_POOL" | "PERFORMANCE_POOL";

/** A decimal in canonical form: no trailing zeros, no exponent. */
export const exact = (value: string | Prisma.Decimal) => fromUnits(toUnits(typeof value === "string" ? value : value.toFixed(8)));

/** Sums decimals exactly. */
export const sumExact = (values: readonly string[]) => fromUnits(values.reduce((total, value) => total + toUnits(value), 0n));

/** The admin every queue/retry is done as. */
export async function createActor(): Promise<Actor> {
  const admin = await createConsoleUser();
  return { id: admin.id, email: admin.email };
}

type ExecutionSettings = { premiumMinStake: string; performanceMinScore: string; maxLatenessSeconds: number; maxAttempts: number };

/** The settings the execution tests run with unless a test changes one. */
export const executionSettings: ExecutionSettings = {
  premiumMinStake: "1000",
  performanceMinScore: "50",
  maxLatenessSeconds: 21_600,
  maxAttempts: 3,
};

export async function setSettings(values: Partial<ExecutionSettings>) {
  await db().settings.upsert({ where: { id: 1 }, create: { id: 1, ...values }, update: values });
}

/** Takes every earlier member out of the pools (stakes ENDED, score 0), so a test's own members are the only ones paid. */
export async function retireAllMembers() {
  await db().$executeRaw`UPDATE stakes SET status = 'ENDED' WHERE status = 'ACTIVE'`;
  await db().$executeRaw`UPDATE users SET performance_score = 0 WHERE performance_score <> 0`;
}

type StakeInput = { principal: string; startedAt: string; status?: StakeStatus };

export type Member = { userId: number; stakeIds: number[] };

/** A platform member (no console role) with a performance score and stakes; returns the user and stake ids. */
export async function createMember(options: { score?: string; stakes?: StakeInput[] } = {}): Promise<Member> {
  const user = await db().user.create({
    data: { email: `member-${randomUUID()}@slotpay.test`, performanceScore: options.score ?? "0" },
  });
  const stakeIds: number[] = [];
  for (const stake of options.stakes ?? []) {
    const row = await db().stake.create({
      data: { userId: user.id, principal: stake.principal, startedAt: new Date(stake.startedAt), status: stake.status ?? "ACTIVE" },
    });
    stakeIds.push(row.id);
  }
  return { userId: user.id, stakeIds };
}

/**
 * The execution settings, the admin who queues the days, and members (in order) whose ACTIVE
 * stakes of these principals all started at `stakesStartedAt`.
 */
export async function setUpExecution(options: {
  stakesStartedAt: string;
  members: { score: string; principals: string[] }[];
}): Promise<{ actor: Actor; members: Member[] }> {
  await setSettings(executionSettings);
  const actor = await createActor();
  const members: Member[] = [];
  for (const { score, principals } of options.members) {
    members.push(await createMember({ score, stakes: principals.map((principal) => ({ principal, startedAt: options.stakesStartedAt })) }));
  }
  return { actor, members };
}

export type SlotPlan = { slotNumber: number; rosPercentage: string; scheduledFor: string };

/** A day of one slot, slot 1 at noon UTC of `date`. */
export const noonSlot = (date: string, rosPercentage = "1"): SlotPlan[] => [
  { slotNumber: 1, rosPercentage, scheduledFor: `${date}T12:00:00.000Z` },
];

/** Queues the day of `date` (YYYY-MM-DD, UTC) through the admin command, as of midnight that day. */
export async function queueDay(options: { actor: Actor; date: string; premium: string; performance: string; slots: SlotPlan[] }) {
  // Queued at the day's first moment in the settings' zone, so that date is "today" for the queue.
  const { timeZone } = await loadSettings(db());
  const result = await queueDistribution({
    actor: options.actor,
    now: instantOfLocalTime(options.date, "00:00", timeZone),
    request: {
      premiumPoolAmount: options.premium,
      performancePoolAmount: options.performance,
      description: "",
      multiSlotEnabled: true,
      slots: options.slots,
    },
  });
  expect(result.success).toBe(true);
  return dayOf(options.date);
}

export function dayOf(date: string) {
  return db().day.findUniqueOrThrow({
    where: { date: new Date(`${date}T00:00:00.000Z`) },
    include: { slots: { orderBy: { slotNumber: "asc" } } },
  });
}

export async function slotOf(date: string, slotNumber: number) {
  const day = await dayOf(date);
  const slot = day.slots.find((s) => s.slotNumber === slotNumber);
  if (!slot) throw new Error(`no slot ${slotNumber} on ${date}`);
  return slot;
}

/** What the day has paid of its pools, canonical: [premium, performance]. */
export const poolsPaidOf = (day: { premiumPoolPaid: Prisma.Decimal; performancePoolPaid: Prisma.Decimal }) => [
  exact(day.premiumPoolPaid),
  exact(day.performancePoolPaid),
];

const stats = z.object({ totalDistributed: z.number(), totalDistributedExact: z.string() });
const poolStats = stats.extend({ qualifiedUsers: z.number().int() });

/** executionDetails of a COMPLETED slot, as pay-slot writes them. */
export const completedDetails = z.object({
  executedAt: z.iso.datetime(),
  completedAt: z.iso.datetime(),
  attempt: z.number().int(),
  rosStats: stats.extend({ processedStakes: z.number().int() }),
  premiumPoolStats: poolStats,
  performancePoolStats: poolStats,
});
export type CompletedDetails = z.infer<typeof completedDetails>;

/** executionDetails of a FAILED slot: executedAt is when its attempt started, failedAt when it failed. */
export const failedDetails = z.object({
  executedAt: z.iso.datetime(),
  failedAt: z.iso.datetime(),
  error: z.string(),
  attempt: z.number().int().optional(),
});

export type LedgerRow = { kind: LedgerKind; subjectId: number; userId: number; amount: string };

/** The slot's ledger entries, amounts canonical, in (kind, subject) order. */
export async function ledgerOf(slotId: number): Promise<LedgerRow[]> {
  const rows = await db().$queryRaw<{ kind: LedgerKind; subject_id: number; user_id: number; amount: string }[]>`
    SELECT kind::text AS kind, subject_id, user_id, amount::text FROM ledger_entries l WHERE slot_id = ${slotId} ORDER BY l.kind, l.subject_id`;
  return rows.map((row) => ({ kind: row.kind, subjectId: row.subject_id, userId: row.user_id, amount: exact(row.amount) }));
}

/** A COMPLETED slot with its ledger rows and its executionDetails, parsed. */
export async function completedSlot(date: string, slotNumber: number) {
  const slot = await slotOf(date, slotNumber);
  const rows = await ledgerOf(slot.id);
  return { slot, rows, details: completedDetails.parse(slot.executionDetails) };
}

export function totalsOf(rows: readonly LedgerRow[]) {
  const of = (kind: LedgerKind) => {
    const amounts = rows.filter((row) => row.kind === kind).map((row) => row.amount);
    return { count: amounts.length, total: sumExact(amounts) };
  };
  return { ros: of("ROS"), premium: of("PREMIUM_POOL"), performance: of("PERFORMANCE_POOL") };
}

/** Every wallet's balance by user id, canonical. */
export async function walletBalances(): Promise<Map<number, string>> {
  const rows = await db().$queryRaw<{ user_id: number; balance: string }[]>`SELECT user_id, balance::text FROM wallets ORDER BY user_id`;
  return new Map(rows.map((row) => [row.user_id, exact(row.balance)]));
}

/** `before` plus the slot's ledger entries, per user: what the wallets must hold after the slot. */
export function walletsAfter(before: Map<number, string>, rows: readonly LedgerRow[]): Map<number, string> {
  const after = new Map(before);
  for (const row of rows) after.set(row.userId, sumExact([after.get(row.userId) ?? "0", row.amount]));
  return after;
}

/** The slot's details agree with what the ledger holds for it. */
export function expectDetailsMatchLedger(details: CompletedDetails, rows: readonly LedgerRow[]) {
  const totals = totalsOf(rows);
  expect(details.rosStats).toEqual({
    processedStakes: totals.ros.count,
    totalDistributed: Number(totals.ros.total),
    totalDistributedExact: totals.ros.total,
  });
  expect(details.premiumPoolStats.totalDistributedExact).toBe(totals.premium.total);
  expect(details.premiumPoolStats.totalDistributed).toBe(Number(totals.premium.total));
  expect(details.performancePoolStats.totalDistributedExact).toBe(totals.performance.total);
  expect(details.performancePoolStats.totalDistributed).toBe(Number(totals.performance.total));
  // A qualified user may get a zero share (and no row), never more than one row.
  expect(details.premiumPoolStats.qualifiedUsers).toBeGreaterThanOrEqual(totals.premium.count);
  expect(details.performancePoolStats.qualifiedUsers).toBeGreaterThanOrEqual(totals.performance.count);
}

export async function expectLedgerOk() {
  const report = await verifyLedger(db());
  expect(report).toMatchObject({
    ok: true,
    balanceMismatches: [],
    duplicatePayouts: [],
    payoutsOfUnfinishedSlots: [],
    poolOverpayments: [],
    checkpointMismatches: [],
  });
  return report;
}

export async function ledgerEntryCount(): Promise<number> {
  return db().ledgerEntry.count();
}

/**
 * Queues a day of one slot and runs it cleanly at `now`; its ledger rows are what a run of the
 * same slot that recovers from a failure must pay.
 */
export async function runReferenceSlot(options: {
  actor: Actor;
  date: string;
  pools: { premium: string; performance: string };
  slots: SlotPlan[];
  now: Date;
}): Promise<LedgerRow[]> {
  await queueDay({ actor: options.actor, date: options.date, ...options.pools, slots: options.slots });
  await tick({ now: options.now });
  const slot = await slotOf(options.date, 1);
  expect(slot.status).toBe("COMPLETED");
  return ledgerOf(slot.id);
}

/**
 * After a recovered run of the day's slot 1: it paid exactly the reference rows, its details and
 * the wallets agree with its ledger, and the day is COMPLETED with both pools paid.
 */
export async function expectPaidAsReference(options: {
  date: string;
  referenceRows: readonly LedgerRow[];
  walletsBefore: Map<number, string>;
  pools: { premium: string; performance: string };
}) {
  const paid = await completedSlot(options.date, 1);
  expect(paid.rows).toEqual(options.referenceRows);
  expectDetailsMatchLedger(paid.details, paid.rows);
  expect(await walletBalances()).toEqual(walletsAfter(options.walletsBefore, paid.rows));
  const day = await dayOf(options.date);
  expect(day.status).toBe("COMPLETED");
  expect(poolsPaidOf(day)).toEqual([options.pools.premium, options.pools.performance]);
  return paid;
}
