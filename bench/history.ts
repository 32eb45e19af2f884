import type pg from "pg";
import { db } from "@/lib/db/client";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { count, seconds, type Check } from "./report";
import { queueDueSlot, runDueSlot, type Actor, type SlotRun } from "./slot-run";

export type HistoryFigures = {
  history: { slots: number; rows: number; months: number; ms: number };
  slotBeforeHistory: SlotRun;
  slotAfterHistory: SlotRun;
  slotAfterHistoryOverFirst: number;
  slotAfterHistoryOverBefore: number;
  ledgerAfterHistory: { ok: boolean; ms: number; entries: number };
};

/** Issue 12: the slot after 30 slots of history within 1.1× of slot 1. */
export const historyBar = 1.1;

/** History days lie this many days apart, back from yesterday: 30 slots span three months. */
const daysBetweenHistorySlots = 3;
/** The slots of this step, past those of the HTTP step (2 to 6). */
const beforeSlotNumber = 20;

/**
 * Writes `slots` past slots set-based, as if they had run: a COMPLETED day and slot each, every
 * ACTIVE stake's ROS row in its month's partition, and the wallets raised by what they paid (each
 * slot pays the same amounts, so by `slots` times one slot's sums), so ledger:verify still holds.
 */
async function writeHistory(client: pg.Client, slots: number) {
  const started = performance.now();
  const historyDates = `SELECT current_date - 1 - g * ${daysBetweenHistorySlots} AS date FROM generate_series(0, $1::int - 1) g`;
  await client.query(`SELECT ledger_month_partition(date) FROM (${historyDates}) h`, [slots]);
  const { rows: days } = await client.query<{ slot_id: number; date: string }>(
    `WITH new_days AS (
       INSERT INTO days (date, premium_pool_amount, performance_pool_amount, description, status)
       SELECT date, 0, 0, 'Benchmark history', 'COMPLETED' FROM (${historyDates}) h RETURNING id, date),
     new_slots AS (
       INSERT INTO slots (day_id, slot_number, ros_percentage, scheduled_for, status, attempts, execution_details)
       SELECT id, 1, 0.5, (date + time '12:00') AT TIME ZONE 'UTC', 'COMPLETED', 1, '{"benchHistory": true}'::jsonb FROM new_days
       RETURNING id, day_id)
     SELECT s.id AS slot_id, d.date::text AS date FROM new_slots s JOIN new_days d ON d.id = s.day_id ORDER BY d.date`,
    [slots],
  );
  let rows = 0;
  for (const day of days) {
    const inserted = await client.query(
      `INSERT INTO ledger_entries (slot_id, kind, subject_id, user_id, amount, slot_date)
       SELECT $1, 'ROS', id, user_id, trunc(principal * 0.005, 8), $2::date FROM stakes WHERE status = 'ACTIVE'`,
      [day.slot_id, day.date],
    );
    rows += inserted.rowCount ?? 0;
  }
  await client.query(
    `UPDATE wallets w SET balance = w.balance + $1::int * p.total, updated_at = now()
     FROM (SELECT user_id, sum(trunc(principal * 0.005, 8)) AS total FROM stakes WHERE status = 'ACTIVE' GROUP BY user_id) p
     WHERE w.user_id = p.user_id`,
    [days.length],
  );
  // As autovacuum would have by then: statistics for the planner, and the history's pages flushed.
  await client.query("VACUUM ANALYZE ledger_entries, wallets");
  await client.query("CHECKPOINT").catch(() => undefined);
  const months = new Set(days.map((day) => day.date.slice(0, 7))).size;
  return { slots: days.length, rows, months, ms: performance.now() - started };
}

/** A slot paying ROS and the same pool rises as slot 1 did (pools are day totals). */
async function runComparableSlot(admin: Actor, slotNumber: number): Promise<SlotRun> {
  const [today] = await db().$queryRaw<{ premium: string; performance: string }[]>`
    SELECT (premium_pool_amount + 10000)::text AS premium, (performance_pool_amount + 25000)::text AS performance
    FROM days WHERE date = (now() AT TIME ZONE 'UTC')::date`;
  await queueDueSlot(admin, {
    slotNumber,
    rosPercentage: "0.5",
    premiumPoolAmount: today.premium,
    performancePoolAmount: today.performance,
  });
  return runDueSlot();
}

/**
 * `--history=N`: one slot, then N slots of history, then one more slot — the slot after the
 * history against slot 1 of the run and against the slot just before the history.
 */
export async function measureAfterHistory(options: {
  client: pg.Client;
  admin: Actor;
  slots: number;
  firstSlot: SlotRun;
  log: (line: string) => void;
}): Promise<HistoryFigures> {
  const slotBeforeHistory = await runComparableSlot(options.admin, beforeSlotNumber);
  options.log(`  slot ${beforeSlotNumber} before the history: ${seconds(slotBeforeHistory.wallMs)}`);
  const history = await writeHistory(options.client, options.slots);
  options.log(
    `  history: ${count(history.slots)} slots, ${count(history.rows)} rows over ${history.months} months in ${seconds(history.ms)}`,
  );
  const slotAfterHistory = await runComparableSlot(options.admin, beforeSlotNumber + 1);
  const slotAfterHistoryOverFirst = slotAfterHistory.wallMs / options.firstSlot.wallMs;
  const slotAfterHistoryOverBefore = slotAfterHistory.wallMs / slotBeforeHistory.wallMs;
  options.log(
    `  slot ${beforeSlotNumber + 1} after the history: ${seconds(slotAfterHistory.wallMs)} (${slotAfterHistoryOverFirst.toFixed(2)}× slot 1, ${slotAfterHistoryOverBefore.toFixed(2)}× the slot before)`,
  );
  const verifyStarted = performance.now();
  const report = await verifyLedger(db());
  const ledgerAfterHistory = { ok: report.ok, ms: performance.now() - verifyStarted, entries: report.ledgerEntries };
  options.log(
    `  verifyLedger: ${report.ok ? "ok" : "NOT OK"} in ${seconds(ledgerAfterHistory.ms)} (${count(report.ledgerEntries)} entries)`,
  );
  return { history, slotBeforeHistory, slotAfterHistory, slotAfterHistoryOverFirst, slotAfterHistoryOverBefore, ledgerAfterHistory };
}

export function historyChecks(figures: HistoryFigures): Check[] {
  const { history, slotAfterHistory, slotAfterHistoryOverFirst, slotAfterHistoryOverBefore, ledgerAfterHistory } = figures;
  return [
    {
      target: `${count(history.slots)} slots of history (${count(history.rows)} rows)`,
      bar: "-",
      measured: seconds(history.ms),
      pass: null,
    },
    {
      target: "slot after the history over slot 1",
      bar: `≤ ${historyBar}×`,
      measured: `${slotAfterHistoryOverFirst.toFixed(2)}× (${seconds(slotAfterHistory.wallMs)})`,
      pass: slotAfterHistoryOverFirst <= historyBar,
    },
    { target: "  same, over the slot before it", bar: "-", measured: `${slotAfterHistoryOverBefore.toFixed(2)}×`, pass: null },
    {
      target: "verifyLedger after the history",
      bar: "ok",
      measured: `${ledgerAfterHistory.ok ? "ok" : "not ok"} in ${seconds(ledgerAfterHistory.ms)}`,
      pass: ledgerAfterHistory.ok,
    },
  ];
}

/** The last line's history fields: `history: {slots, rows, ms}` and the ratios. */
export function historyJson(figures: HistoryFigures) {
  const times = (run: SlotRun) => ({ slotNumber: run.slotNumber, wallMs: run.wallMs, executeMs: run.executeMs, memory: run.memory });
  return {
    history: figures.history,
    slotBeforeHistory: times(figures.slotBeforeHistory),
    slotAfterHistory: times(figures.slotAfterHistory),
    slotAfterHistoryOverFirst: figures.slotAfterHistoryOverFirst,
    slotAfterHistoryOverBefore: figures.slotAfterHistoryOverBefore,
    ledgerAfterHistory: figures.ledgerAfterHistory,
  };
}
