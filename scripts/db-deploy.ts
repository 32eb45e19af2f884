// npm run db:deploy: applies pending migrations to DATABASE_URL, or to the embedded PGlite when unset.
import { withDatabase } from "@/lib/db/database-session";
import { migrateDatabase } from "@/lib/start/migrate-database";

try {
  console.log((await withDatabase(migrateDatabase)).join("\n"));
  process.exit(0); // the schema engine's connection pool would otherwise keep the process alive
} catch (error) {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
