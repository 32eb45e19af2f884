import pg from "pg";
import { testDatabaseUrl } from "../tests/setup/test-database";
import { withE2eDatabase } from "./factories";
import { e2eDatabaseName } from "./fixtures";

// Faults made inside the e2e server's database, so a slot really fails or really stays
// EXECUTING while the page is used. Statement-level triggers on ledger_entries fire for every
// payout INSERT (even one that inserts no row), inside the payout's own transaction.

const holdKey = 910_001;

/** Every payout fails with a real database error until the returned function is called. */
export async function failPayouts(): Promise<() => Promise<void>> {
  await withE2eDatabase(async (client) => {
    await client.query(`CREATE OR REPLACE FUNCTION e2e_fail_payout() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'injected failure: the ledger refused the payout'; END $$`);
    await client.query("DROP TRIGGER IF EXISTS e2e_fail_payout ON ledger_entries");
    await client.query(
      "CREATE TRIGGER e2e_fail_payout BEFORE INSERT ON ledger_entries FOR EACH STATEMENT EXECUTE FUNCTION e2e_fail_payout()",
    );
  });
  return () => withE2eDatabase((client) => client.query("DROP TRIGGER IF EXISTS e2e_fail_payout ON ledger_entries")).then(() => undefined);
}

/**
 * Payouts wait (inside their transaction, so the slot stays EXECUTING) on an advisory lock this
 * test holds, until `release()`: the lock is let go first, the payout finishes, then the trigger goes.
 */
export async function holdPayouts(): Promise<{ release: () => Promise<void> }> {
  const holder = new pg.Client({ connectionString: testDatabaseUrl(e2eDatabaseName) });
  await holder.connect();
  await holder.query("SELECT pg_advisory_lock($1)", [holdKey]);
  await holder.query(`CREATE OR REPLACE FUNCTION e2e_hold_payout() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM pg_advisory_xact_lock_shared(${holdKey}); RETURN NULL; END $$`);
  await holder.query("DROP TRIGGER IF EXISTS e2e_hold_payout ON ledger_entries");
  await holder.query(
    "CREATE TRIGGER e2e_hold_payout BEFORE INSERT ON ledger_entries FOR EACH STATEMENT EXECUTE FUNCTION e2e_hold_payout()",
  );
  let released = false;
  return {
    release: async () => {
      if (released) return;
      released = true;
      await holder.query("SELECT pg_advisory_unlock($1)", [holdKey]);
      await holder.end();
      await withE2eDatabase((client) => client.query("DROP TRIGGER IF EXISTS e2e_hold_payout ON ledger_entries"));
    },
  };
}
