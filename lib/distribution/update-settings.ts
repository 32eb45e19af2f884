import { inTransaction } from "@/lib/db/client";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/http/app-error";
import { lockSettings } from "./day-lock";
import { decimalOfNumber } from "./money";
import type { SettingsChange } from "./settings-schema";
import { loadSettings } from "./settings-store";
import { settingsView } from "./settings-view";

/** PUT /cron-settings: merges the change into the settings row, audited before/after. */
export async function updateSettings(options: { actor: AuditActor; change: SettingsChange }) {
  const { change } = options;
  const view = await inTransaction(async (tx) => {
    await lockSettings(tx);
    const before = await loadSettings(tx);
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
    const row = await tx.settings.update({
      where: { id: 1 },
      data: {
        timeZone: change.timeZone ?? change.timezone ?? before.timeZone,
        slotTimes,
        maxSlotsPerDay,
        maxRosPercentage: change.maxRosPercentage === undefined ? undefined : (decimalOfNumber(change.maxRosPercentage) as string),
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
