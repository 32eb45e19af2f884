import { afterAll } from "vitest";
import { closeDb } from "../../lib/db/client";
import { createDatabase, dropDatabase, templateDatabaseName, testDatabaseUrl, uniqueDatabaseName, withAdminClient } from "./test-database";

// Each test file owns a copy of the migrated template, so files run in parallel and a test
// can set up "today" without wiping anything another file relies on. This runs before the
// test file's imports, so the app's client is created for this database.
const databaseName = uniqueDatabaseName("file");
await withAdminClient((admin) => createDatabase(admin, databaseName, { template: templateDatabaseName() }));
process.env.DATABASE_URL = testDatabaseUrl(databaseName);

afterAll(async () => {
  await closeDb();
  await withAdminClient((admin) => dropDatabase(admin, databaseName));
});
