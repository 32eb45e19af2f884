import { pgliteDataDir } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrations";
import type { DatabaseSession } from "@/lib/db/database-session";

/** Applies pending migrations; returns the lines to print. */
export async function migrateDatabase(session: DatabaseSession): Promise<string[]> {
  const applied = await applyMigrations(session.migrationTarget);
  const where = process.env.DATABASE_URL ? "PostgreSQL" : `the embedded database (${pgliteDataDir()})`;
  return applied.length === 0
    ? [`No pending migrations: ${where} is up to date.`]
    : [`Migrations applied to ${where}:`, ...applied.map((name) => `  ${name}`)];
}
