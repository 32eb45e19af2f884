import type pg from "pg";
import { defaultSlotTimes } from "@/lib/seed/default-settings";

export type SeedResult = { ms: number; users: number; stakes: number; performanceQualified: number; premiumQualified: number };

// Deterministic spreads from a multiplicative hash of the row number, so runs are comparable:
// scores 0–100 (about half reach the default minimum of 50), principals 1–500 with 8 decimals.
const seedStatements = (users: number, stakes: number) => [
  `INSERT INTO users (email, name, performance_score)
   SELECT 'holder-' || g || '@bench.slotpay.test', 'Holder ' || g, ((g::bigint * 2654435761) % 10000000000)::numeric / 100000000
   FROM generate_series(1, ${users}) g`,
  `INSERT INTO stakes (user_id, principal, status, started_at)
   SELECT (SELECT min(id) FROM users) + (g - 1) % ${users},
          1 + ((g::bigint * 2246822519) % 49900000000)::numeric / 100000000,
          'ACTIVE',
          now() - ((g % 365) + 1) * interval '1 day' - (g % 86400) * interval '1 second'
   FROM generate_series(1, ${stakes}) g`,
  `INSERT INTO wallets (user_id, balance) SELECT id, 0 FROM users`,
];

/**
 * Fills a fresh database set-based: users, ACTIVE stakes, a wallet each, the settings row. The
 * chaos suite seeds its population with it too, without the checkpoint (a server shared with
 * other work should not be made to flush for a test).
 */
export async function seedBenchData(
  client: pg.Client,
  options: { users: number; stakes: number; checkpoint?: boolean },
): Promise<SeedResult> {
  const started = performance.now();
  for (const statement of seedStatements(options.users, options.stakes)) await client.query(statement);
  await client.query(`INSERT INTO settings (id, time_zone, slot_times) VALUES (1, 'UTC', $1::jsonb)`, [JSON.stringify(defaultSlotTimes())]);
  // VACUUM as well as ANALYZE: a long-lived table has its hint bits and visibility map set,
  // and the first slot should not pay for them. The checkpoint keeps the seed's WAL out of it.
  await client.query("VACUUM ANALYZE users, stakes, wallets, settings");
  if (options.checkpoint !== false) await client.query("CHECKPOINT").catch(() => undefined); // needs a superuser; only a nicety
  const ms = performance.now() - started;

  const { rows } = await client.query<{ performance: number; premium: number }>(`
    SELECT (SELECT count(*) FROM users u, settings s WHERE u.performance_score >= s.performance_min_score AND u.performance_score > 0)::int AS performance,
           (SELECT count(*) FROM (SELECT 1 FROM stakes WHERE status = 'ACTIVE' GROUP BY user_id
              HAVING sum(principal) >= (SELECT premium_min_stake FROM settings)) q)::int AS premium`);
  return { ms, users: options.users, stakes: options.stakes, performanceQualified: rows[0].performance, premiumQualified: rows[0].premium };
}
