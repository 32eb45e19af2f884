import type { DistributionSettings } from "./settings-store";

/** GET /cron-settings. `timezone` and `slots` are the names seed 000's client reads. */
export function settingsView(settings: DistributionSettings) {
  const slots = Object.entries(settings.slotTimes)
    .map(([slotNumber, time]) => ({ slotNumber: Number(slotNumber), time }))
    .sort((a, b) => a.slotNumber - b.slotNumber);
  return {
    timeZone: settings.timeZone,
    timezone: settings.timeZone,
    slots,
    maxSlotsPerDay: settings.maxSlotsPerDay,
    maxRosPercentage: Number(settings.maxRosPercentage),
    maxDailyRosPercentage: Number(settings.maxDailyRosPercentage),
    maxPoolAmount: Number(settings.maxPoolAmount),
    maxLatenessSeconds: settings.maxLatenessSeconds,
    maxAttempts: settings.maxAttempts,
    premiumMinStake: Number(settings.premiumMinStake),
    performanceMinScore: Number(settings.performanceMinScore),
    updatedAt: settings.updatedAt.toISOString(),
  };
}
