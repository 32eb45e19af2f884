import pg from "pg";
import { db } from "./client";

// GET /api/health must not queue behind payouts for the app's pool: on PostgreSQL it has two
// connections of its own, each wait bounded; embedded PGlite is one connection, so there the
// wait is bounded instead.

const timeoutMs = 2_000;
const holder = globalThis as typeof globalThis & { __slotpayHealthPool?: { url: string; pool: pg.Pool } };

function healthPool(url: string): pg.Pool {
  if (holder.__slotpayHealthPool?.url !== url) {
    void holder.__slotpayHealthPool?.pool.end().catch(() => undefined);
    const pool = new pg.Pool({
      connectionString: url,
      max: 2,
      connectionTimeoutMillis: timeoutMs,
      idleTimeoutMillis: 30_000,
      statement_timeout: timeoutMs,
      allowExitOnIdle: true,
    });
    pool.on("error", () => undefined); // a dropped idle connection is replaced on the next check
    holder.__slotpayHealthPool = { url, pool };
  }
  return holder.__slotpayHealthPool.pool;
}

/** True when the database answers `SELECT 1` within two seconds. */
export async function databaseAnswers(): Promise<boolean> {
  const url = process.env.DATABASE_URL;
  try {
    if (url) {
      await healthPool(url).query("SELECT 1");
    } else {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), timeoutMs)));
      await Promise.race([db().$queryRaw`SELECT 1`, timeout]).finally(() => clearTimeout(timer));
    }
    return true;
  } catch {
    return false;
  }
}

/** Closes the health pool (tests and scripts that end the process themselves). */
export async function closeHealthPool(): Promise<void> {
  const current = holder.__slotpayHealthPool;
  holder.__slotpayHealthPool = undefined;
  await current?.pool.end();
}
