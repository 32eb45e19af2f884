import { inTransaction } from "@/lib/db/client";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Prisma } from "@/lib/db/generated/client";
import type { DayState, PlanContext } from "./day-state";
import { lockDayDate } from "./day-lock";
import { findDay, saveDayPlan, toDayState } from "./day-store";
import { notifySlotsChanged } from "./slots-changed";
import { loadSettings } from "./settings-store";
import { statusView } from "./status-view";
import { calendarDateIn } from "./time-zone";

type Plan = (day: DayState | null, context: PlanContext) => DayState;

const auditState = (state: DayState | null) => (state ? (JSON.parse(JSON.stringify(state)) as Prisma.InputJsonValue) : undefined);

/**
 * Runs one admin change of today's day in one transaction: lock the date, read the day, plan
 * the change (pure), write it with the day status recomputed, audit before/after. A plan that
 * throws leaves the database as it was.
 */
type ChangeOptions = {
  actor: AuditActor & { id: number };
  action: string;
  plan: Plan;
  /** The success message, from the day before and after the change. */
  describe: (before: DayState | null, after: DayState) => string;
  now?: Date;
};

export async function changeToday(options: ChangeOptions) {
  const result = await inTransaction(async (tx) => {
    const settings = await loadSettings(tx);
    const now = options.now ?? new Date();
    const date = calendarDateIn(now, settings.timeZone);
    await lockDayDate(tx, date);
    const existing = await findDay(tx, date);
    const before = existing ? toDayState(existing) : null;
    const next = options.plan(before, { settings, today: date, now });
    await saveDayPlan(tx, { date, existing, next, queuedById: options.actor.id });
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
    const saved = await findDay(tx, date);
    return { distribution: statusView(saved, { date, timeZone: settings.timeZone }), before, next, dayId: saved!.id };
  });
  await notifySlotsChanged({ dayId: result.dayId, before: result.before, after: result.next });
  return { success: true as const, message: options.describe(result.before, result.next), distribution: result.distribution };
}
