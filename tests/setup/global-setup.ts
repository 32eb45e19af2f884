import { applyMigrations } from "../../lib/db/migrations";
import {
  createDatabase,
  dropDatabase,
  dropDatabasesStartingWith,
  endSessionsOn,
  templateDatabaseName,
  testDatabaseUrl,
  throwawayDatabasePrefix,
  withAdminClient,
} from "./test-database";

/** Builds the migrated template that every test file's database is cloned from. */
export default async function setup(): Promise<() => Promise<void>> {
  const template = templateDatabaseName();
  await withAdminClient(async (admin) => {
    await dropDatabasesStartingWith(admin, throwawayDatabasePrefix()); // left by a crashed run
    await dropDatabase(admin, template);
    await createDatabase(admin, template);
  });

  await applyMigrations({ kind: "postgres", url: testDatabaseUrl(template) });

  await withAdminClient(async (admin) => {
    // PostgreSQL clones a database only while nobody is connected to it: shut everyone out.
    await admin.query(`ALTER DATABASE "${template}" WITH ALLOW_CONNECTIONS false`);
    await endSessionsOn(admin, template);
  });

  return async function teardown() {
    await withAdminClient(async (admin) => {
      await dropDatabasesStartingWith(admin, throwawayDatabasePrefix());
      await dropDatabase(admin, template);
    });
  };
}
