import type { DbExecutor } from "@/lib/db/client";
import type { Settings } from "@/lib/db/generated/client";
import type { ScheduleSettings } from "./day-state";
import { plainDecimal } from "./money";

export type DistributionSettings = ScheduleSettings & {
  maxLatenessSeconds: number;
  maxAttempts: number;
  premiumMinStake: string;
  performanceMinScore: string;
  updatedAt: Date;
};

export function toDistributionSettings(row: Settings): DistributionSettings {
  return {
    timeZone: row.timeZone,
    slotTimes: (row.slotTimes ?? {}) as Record<string, string>,
    maxSlotsPerDay: row.maxSlotsPerDay,
    maxRosPercentage: plainDecimal(row.maxRosPercentage),
    maxDailyRosPercentage: plainDecimal(row.maxDailyRosPercentage),
    maxPoolAmount: plainDecimal(row.maxPoolAmount),
    maxLatenessSeconds: row.maxLatenessSeconds,
    maxAttempts: row.maxAttempts,
    premiumMinStake: plainDecimal(row.premiumMinStake),
    performanceMinScore: plainDecimal(row.performanceMinScore),
    updatedAt: row.updatedAt,
  };
}

/** The settings row, created with its defaults the first time anything needs it. */
export async function loadSettings(client: DbExecutor): Promise<DistributionSettings> {
  const row =
    (await client.settings.findUnique({ where: { id: 1 } })) ??
    (await client.settings.upsert({
      where: { id: 1 },
      create: { id: 1, timeZone: process.env.SLOTPAY_TIME_ZONE || "UTC" },
      update: {},
    }));
  return toDistributionSettings(row);
}
