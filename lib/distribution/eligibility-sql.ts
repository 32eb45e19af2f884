import { Prisma } from "@/lib/db/generated/client";

// Who is paid what, as SQL shared by the preview and the payout so the two never disagree.

/** ROS of one stake: floor(principal × pct / 100) at 8 places (trunc is floor for amounts ≥ 0). */
export const rosAmountSql = (rosPercentage: string) => Prisma.sql`trunc(s.principal * ${rosPercentage}::numeric / 100, 8)`;

/** Stakes paid by a slot at `scheduledFor`: ACTIVE and started at or before it. */
export const payableStakesSql = (scheduledFor: Date) => Prisma.sql`stakes s WHERE s.status = 'ACTIVE' AND s.started_at <= ${scheduledFor}`;

/**
 * Every payable stake (stake_id, user_id) with its ROS amount, computed once per stake: OFFSET 0
 * keeps the planner from evaluating the amount a second time in a filter on it.
 */
export const rosRowsSql = (scheduledFor: Date, rosPercentage: string) => Prisma.sql`
  (SELECT s.id AS stake_id, s.user_id, ${rosAmountSql(rosPercentage)} AS amount FROM ${payableStakesSql(scheduledFor)} OFFSET 0) ros`;

/** Users whose total ACTIVE stake, counting stakes started by `at`, reaches the premium minimum (equal shares). */
export const premiumQualifiedSql = (minStake: string, at: Date) => Prisma.sql`
  SELECT s.user_id FROM ${payableStakesSql(at)}
  GROUP BY s.user_id HAVING sum(s.principal) >= ${minStake}::numeric`;

/** Users whose performance score reaches the minimum; a zero score has no pro-rata share. */
export const performanceQualifiedSql = (minScore: string) => Prisma.sql`
  SELECT u.id AS user_id, u.performance_score AS score FROM users u
  WHERE u.performance_score >= ${minScore}::numeric AND u.performance_score > 0`;
