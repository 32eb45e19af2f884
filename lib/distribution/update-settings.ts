import { inTransaction, type DbExecutor } from "@/lib/db/client";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { lockSettings } from "./day-lock";
import { decimalOfNumber } from "./money";
import type { SettingsChange } from "./settings-schema";
import { loadSettings } from "./settings-store";
import { settingsView } from "./settings-view";

type OpenDay = { date: string; pending: number; executing: number };

/**
 * SPEC §4: "today" is the date in the time zone, so a new zone while a day still has slots to
 * run would open a second "today" (its pools paid again) and strand the first one's slots. The
 * settings row is locked FOR UPDATE first: a change of a day holds it FOR SHARE (change-today),
 * so every day committed before this check is seen, and none can be created in the old zone after.
 */
async function assertNoOpenDays(tx: DbExecutor, from: string, to: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM settings WHERE id = 1 FOR UPDATE`;
  const open = await tx.$queryRaw<OpenDay[]>`
    SELECT d.date::text AS date, count(*) FILTER (WHERE s.status = 'PENDING')::int AS pending,
           count(*) FILTER (WHERE s.status = 'EXECUTING')::int AS executing
    FROM days d JOIN slots s ON s.day_id = d.id
    WHERE s.status IN ('PENDING', 'EXECUTING') GROUP BY d.date ORDER BY d.date`;
  if (open.length === 0) return;
  const list = open.map((day) => `${day.date} (${day.pending} PENDING, ${day.executing} EXECUTING)`).join(", ");
  throw new AppError(
    "CONFLICT",
    `The time zone cannot change from ${from} to ${to} while days have slots still to run: ${list}. ` +
      "Let them finish, or remove the pending ones, then change it.",
    { details: { days: open.map((day) => ({ date: day.date, PENDING: day.pending, EXECUTING: day.executing })) } },
  );
}

/** PUT /cron-settings: merges the change into the settings row, audited before/after. */
export async function updateSettings(options: { actor: AuditActor; change: SettingsChange }) {
  const { change } = options;
  const view = await inTransaction(async (tx) => {
    await lockSettings(tx);
    const before = await loadSettings(tx);
    const timeZone = change.timeZone ?? change.timezone ?? before.timeZone;
    if (timeZone !== before.timeZone) await assertNoOpenDays(tx, before.timeZone, timeZone);
    const maxSlotsPerDay = change.maxSlotsPerDay ?? before.maxSlotsPerDay;
    const slotTimes = change.slots
      ? Object.fromEntries(change.slots.map((slot) => [String(slot.slotNumber), slot.time]))
      : before.slotTimes;
    const beyond = Object.keys(slotTimes)
      .map(Number)
      .filter((n) => n > maxSlotsPerDay);
    if (beyond.length > 0) {
      throw new AppError("VALIDATION", `Slot times are set for slot ${beyond.join(", ")}, above maxSlotsPerDay (${maxSlotsPerDay})`);
    }
    const decimal = (value: number | undefined) => (value === undefined ? undefined : (decimalOfNumber(value) as string));
    const row = await tx.settings.update({
      where: { id: 1 },
      data: {
        timeZone,
        slotTimes,
        maxSlotsPerDay,
        maxRosPercentage: decimal(change.maxRosPercentage),
        maxDailyRosPercentage: decimal(change.maxDailyRosPercentage),
        maxPoolAmount: change.maxPoolAmount,
        maxLatenessSeconds: change.maxLatenessSeconds,
        maxAttempts: change.maxAttempts,
        premiumMinStake: change.premiumMinStake,
        performanceMinScore: change.performanceMinScore,
      },
    });
    const after = await loadSettings(tx);
    await recordAudit(
      {
        actor: options.actor,
        action: "settings.update",
        outcome: "OK",
        before: settingsView(before),
        after: settingsView(after),
        details: { updatedAt: row.updatedAt.toISOString() },
      },
      tx,
    );
    return settingsView(after);
  });
  return { success: true as const, message: "Settings updated", settings: view };
}
