import type { PrismaClient } from "@/lib/db/generated/client";
import { buildDemoPopulation, demoMemberEmailDomain, demoMemberEmailPrefix } from "./demo-population";

const demoSize = { seed: 20261124, members: 1_000, activeStakes: 2_000, endedStakes: 24 };

export type DemoDataOutcome =
  | {
      outcome: "created";
      members: number;
      activeStakes: number;
      endedStakes: number;
      premiumQualified: number;
      performanceQualified: number;
    }
  | { outcome: "already-present"; members: number };

const countDemoMembers = (db: PrismaClient) =>
  db.user.count({ where: { email: { startsWith: demoMemberEmailPrefix, endsWith: demoMemberEmailDomain } } });

/** Members who would qualify for each pool now, under the stored settings. */
async function countQualified(db: PrismaClient) {
  const [row] = await db.$queryRaw<{ premium: number; performance: number }[]>`
    SELECT
      (SELECT count(*)::int FROM (
         SELECT s.user_id FROM stakes s WHERE s.status = 'ACTIVE'
         GROUP BY s.user_id HAVING sum(s.principal) >= (SELECT premium_min_stake FROM settings WHERE id = 1)
       ) q) AS premium,
      (SELECT count(*)::int FROM users
         WHERE performance_score >= (SELECT performance_min_score FROM settings WHERE id = 1)) AS performance`;
  return { premiumQualified: row.premium, performanceQualified: row.performance };
}

/**
 * Inserts the demo members, their stakes and a wallet for every user, set-based (one statement
 * per table, in one transaction). Skipped when demo members already exist.
 */
export async function seedDemoData(options: { db: PrismaClient; now?: Date }): Promise<DemoDataOutcome> {
  const { db } = options;
  const existing = await countDemoMembers(db);
  if (existing > 0) return { outcome: "already-present", members: existing };

  const { members, stakes } = buildDemoPopulation({ ...demoSize, now: options.now ?? new Date() });
  await db.$transaction([
    db.$executeRaw`
      INSERT INTO users (email, name, performance_score)
      SELECT * FROM unnest(
        ${members.map((m) => m.email)}::text[],
        ${members.map((m) => m.name)}::text[],
        ${members.map((m) => m.performanceScore)}::numeric[])`,
    // ORDER BY ordinality keeps stake ids the same on every run.
    db.$executeRaw`
      INSERT INTO stakes (user_id, principal, status, started_at, ended_at)
      SELECT u.id, s.principal, s.status::"StakeStatus", s.started_at::timestamptz, NULLIF(s.ended_at, '')::timestamptz
      FROM unnest(
        ${stakes.map((s) => s.memberEmail)}::text[],
        ${stakes.map((s) => s.principal)}::numeric[],
        ${stakes.map((s) => s.status)}::text[],
        ${stakes.map((s) => s.startedAt)}::text[],
        ${stakes.map((s) => s.endedAt ?? "")}::text[]
      ) WITH ORDINALITY AS s(email, principal, status, started_at, ended_at, n)
      JOIN users u ON u.email = s.email
      ORDER BY s.n`,
    db.$executeRaw`INSERT INTO wallets (user_id) SELECT id FROM users ON CONFLICT (user_id) DO NOTHING`,
  ]);
  return {
    outcome: "created",
    members: members.length,
    activeStakes: demoSize.activeStakes,
    endedStakes: demoSize.endedStakes,
    ...(await countQualified(db)),
  };
}
