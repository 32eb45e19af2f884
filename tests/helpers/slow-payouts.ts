import { db } from "@/lib/db/client";

// Payouts held up on the database side, for tests that must act while a slot is mid-payout
// with a population small enough to pay in milliseconds. A statement trigger on the payout's
// wallet upsert — after its ledger rows are written, before it commits — sleeps `seconds`, and
// then waits while `held` is set. The delay lives in a flag table and `held` in a sequence, so a
// test turns them on and off without DDL (which would queue behind the very payout it holds up);
// a sequence is read as it is now, not as the payout's REPEATABLE READ snapshot saw it. Off by default.

export async function installSlowPayouts(): Promise<void> {
  await db().$executeRawUnsafe(`
    CREATE TABLE IF NOT EXISTS test_slow_payouts (id int PRIMARY KEY, seconds double precision NOT NULL)`);
  await db().$executeRawUnsafe(`INSERT INTO test_slow_payouts VALUES (1, 0) ON CONFLICT (id) DO NOTHING`);
  await db().$executeRawUnsafe(`CREATE SEQUENCE IF NOT EXISTS test_slow_payouts_held MINVALUE 0 START 0`);
  await db().$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION test_slow_payouts() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE waited int := 0;
    BEGIN
      PERFORM pg_sleep((SELECT seconds FROM test_slow_payouts WHERE id = 1));
      WHILE (SELECT last_value = 1 FROM test_slow_payouts_held) AND waited < 3000 LOOP
        PERFORM pg_sleep(0.02);
        waited := waited + 1;
      END LOOP;
      RETURN NULL;
    END $$`);
  await db().$executeRawUnsafe(`
    CREATE OR REPLACE TRIGGER test_slow_payouts BEFORE INSERT ON wallets FOR EACH STATEMENT EXECUTE FUNCTION test_slow_payouts()`);
}

/** Every payout from now on sleeps this long in the middle (0: not at all). */
export async function setPayoutDelay(seconds: number): Promise<void> {
  await db().$executeRaw`UPDATE test_slow_payouts SET seconds = ${seconds} WHERE id = 1`;
}

/** Holds every payout in the middle until released (at most a minute). */
export async function holdPayouts(held: boolean): Promise<void> {
  await db().$queryRaw`SELECT setval('test_slow_payouts_held', ${held ? 1 : 0}, true)`;
}

/** The backend of a payout waiting in the trigger, or null when none has got there yet. */
export async function payoutInTheMiddle(): Promise<{ pid: number; state: string } | null> {
  const [row] = await db().$queryRaw<{ pid: number; state: string }[]>`
    SELECT pid, state FROM pg_stat_activity
    WHERE datname = current_database() AND wait_event = 'PgSleep' AND query ILIKE '%INSERT INTO wallets%' LIMIT 1`;
  return row ?? null;
}

/** What PostgreSQL says a backend is doing ("active", "idle in transaction" …), or null once it is gone. */
export async function backendState(pid: number): Promise<string | null> {
  const [row] = await db().$queryRaw<{ state: string | null }[]>`SELECT state FROM pg_stat_activity WHERE pid = ${pid}`;
  return row ? (row.state ?? "unknown") : null;
}

/** Polls `probe` every 50 ms until it gives a value other than null. */
export async function waitFor<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
