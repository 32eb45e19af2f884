import { db } from "@/lib/db/client";
import { findDay } from "./day-store";
import { payableStakesSql, performanceQualifiedSql, premiumQualifiedSql, rosAmountSql } from "./eligibility-sql";
import { fromUnits, plainDecimal, toUnits } from "./money";
import { loadSettings } from "./settings-store";
import { calendarDateIn } from "./time-zone";

const unpaid = (amount: string, paid: string) => fromUnits(toUnits(amount) - toUnits(paid));

/** GET /preview: what a slot would pay now at that ROS, and who qualifies for each pool. */
export async function previewDistribution(options: { rosPercentage?: string; now?: Date }) {
  const client = db();
  const now = options.now ?? new Date();
  const settings = await loadSettings(client);
  const day = await findDay(client, calendarDateIn(now, settings.timeZone));
  const ros = options.rosPercentage
    ? (
        await client.$queryRaw<{ stakes: number; total: string }[]>`
          SELECT count(*)::int AS stakes, coalesce(sum(${rosAmountSql(options.rosPercentage)}), 0)::text AS total
          FROM ${payableStakesSql(now)}`
      )[0]
    : null;
  const [pools] = await client.$queryRaw<{ premium: number; performance: number }[]>`
    SELECT (SELECT count(*) FROM (${premiumQualifiedSql(settings.premiumMinStake, now)}) p)::int AS premium,
           (SELECT count(*) FROM (${performanceQualifiedSql(settings.performanceMinScore)}) q)::int AS performance`;
  return {
    asOf: now.toISOString(),
    rosPercentage: options.rosPercentage ? Number(options.rosPercentage) : null,
    ros: ros ? { processedStakes: ros.stakes, totalDistributed: Number(ros.total) } : null,
    premiumPool: {
      qualifiedUsers: pools.premium,
      minStake: Number(settings.premiumMinStake),
      unpaidToday: day ? Number(unpaid(plainDecimal(day.premiumPoolAmount), plainDecimal(day.premiumPoolPaid))) : 0,
    },
    performancePool: {
      qualifiedUsers: pools.performance,
      minScore: Number(settings.performanceMinScore),
      unpaidToday: day ? Number(unpaid(plainDecimal(day.performancePoolAmount), plainDecimal(day.performancePoolPaid))) : 0,
    },
  };
}
