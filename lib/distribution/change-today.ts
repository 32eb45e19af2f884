import { inTransaction, type DbExecutor } from "@/lib/db/client";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { ensureLedgerPartitions } from "@/lib/ledger/ensure-ledger-partitions";
import type { DayState, PlanContext } from "./day-state";
import { lockDayDate } from "./day-lock";
import { signalDayChanged } from "./day-signal";
import { findDay, saveDayPlan, toDayState, type DayRow } from "./day-store";
import { emitSlotsChanged } from "./slots-changed";
import { loadSettings, type DistributionSettings } from "./settings-store";
import { statusView } from "./status-view";
import { calendarDateIn } from "./time-zone";

type Plan = (day: DayState | null, context: PlanContext) => DayState;

const auditState = (state: DayState | null) => (state ? (JSON.parse(JSON.stringify(state)) as Prisma.InputJsonValue) : undefined);

type ChangeOptions = {
  actor: AuditActor & { id: number };
  action: string;
  plan: Plan;
  /** The success message, from the day before and after the change. */
  describe: (before: DayState | null, after: DayState) => string;
  now?: Date;
  /** The day to change (default today); a date other than today must name an existing day. */
  date?: string;
  /** The version the client saw; null: it saw no day. Undefined: no check. */
  expectedVersion?: number | null;
  /** The settings the route's precheck read. */
  settings?: DistributionSettings;
};

/**
 * The settings, under a share lock so a time-zone change cannot commit between this read and the
 * change: those the precheck read, unless the row was updated since, else read again.
 */
async function settingsForChange(tx: DbExecutor, prechecked: DistributionSettings | undefined) {
  const [row] = await tx.$queryRaw<{ updated_at: Date }[]>`SELECT updated_at FROM settings WHERE id = 1 FOR SHARE`;
  if (prechecked && row && row.updated_at.getTime() === prechecked.updatedAt.getTime()) return prechecked;
  return loadSettings(tx);
}

function assertExpectedVersion(existing: DayRow | null, options: ChangeOptions, view: () => unknown): void {
  if (options.expectedVersion === undefined) return;
  const currentVersion = existing?.version ?? null;
  if (currentVersion === options.expectedVersion) return;
  throw new AppError(
    "CONFLICT",
    `The distribution changed meanwhile: it is at version ${currentVersion ?? "none (no day)"}, the request expected ${options.expectedVersion ?? "no day"}. Reload it and try again.`,
    { details: { currentVersion, distribution: view() } },
  );
}

/**
 * Runs one admin change of a day (today unless a date is given) in one transaction: lock the
 * date, read the day, check the version the client saw, plan the change (pure), write it with
 * the day status recomputed and the version bumped, audit before/after. A plan that throws
 * leaves the database as it was.
 */
export async function changeToday(options: ChangeOptions) {
  // Before the transaction: creating a partition locks the ledger, which must not be held while the day is.
  await ensureLedgerPartitions(options.date ? { dates: [options.date] } : { now: options.now ?? new Date() });
  const result = await inTransaction(async (tx) => {
    const settings = await settingsForChange(tx, options.settings);
    const now = options.now ?? new Date();
    const today = calendarDateIn(now, settings.timeZone);
    const date = options.date ?? today;
    await lockDayDate(tx, date);
    const existing = await findDay(tx, date);
    if (!existing && date !== today) {
      throw new AppError("NOT_FOUND", `No distribution on ${date}; a new day can only be queued for today (${today})`);
    }
    const view = (day: DayRow | null) => statusView(day, { date, timeZone: settings.timeZone });
    assertExpectedVersion(existing, options, () => view(existing));
    const before = existing ? toDayState(existing) : null;
    const next = options.plan(before, { settings, today: date, now });
    const saved = await saveDayPlan(tx, { date, existing, next, queuedById: options.actor.id });
    await recordAudit(
      {
        actor: options.actor,
        action: options.action,
        outcome: "OK",
        before: auditState(before),
        after: auditState(next),
        details: { date },
      },
      tx,
    );
    await signalDayChanged(tx, saved.id);
    return { distribution: view(saved), before, next, dayId: saved.id };
  });
  await emitSlotsChanged({ dayId: result.dayId, plan: { before: result.before, after: result.next, changeId: String(Date.now()) } });
  return { success: true as const, message: options.describe(result.before, result.next), distribution: result.distribution };
}
