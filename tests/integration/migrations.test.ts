import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { applyMigrations, loadMigrationList } from "@/lib/db/migrations";
import { createDatabase, dropDatabase, endSessionsOn, testDatabaseUrl, uniqueDatabaseName, withAdminClient } from "../setup/test-database";

const migrationNames = async () => (await loadMigrationList()).migrationDirectories.map((dir) => dir.path);

describe("applyMigrations", () => {
  it("applies every migration to a fresh PGlite, then nothing on a second run", async () => {
    const pglite = new PGlite();
    try {
      const expected = await migrationNames();
      expect(expected.length).toBeGreaterThan(0);
      expect(await applyMigrations({ kind: "pglite", db: pglite })).toEqual(expected);
      expect(await applyMigrations({ kind: "pglite", db: pglite })).toEqual([]);

      const { rows } = await pglite.query<{ present: boolean }>("SELECT to_regclass('public.slots') IS NOT NULL AS present");
      expect(rows[0]?.present).toBe(true);
    } finally {
      await pglite.close();
    }
  });

  it("applies every migration to a fresh PostgreSQL database, then nothing on a second run", async () => {
    const name = uniqueDatabaseName("migrations");
    const url = testDatabaseUrl(name);
    await withAdminClient((admin) => createDatabase(admin, name));
    try {
      expect(await applyMigrations({ kind: "postgres", url })).toEqual(await migrationNames());
      // Otherwise the second run waits on the first one's advisory lock for ~10 s.
      await withAdminClient((admin) => endSessionsOn(admin, name));
      expect(await applyMigrations({ kind: "postgres", url })).toEqual([]);

      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const slots = await client.query<{ present: boolean }>("SELECT to_regclass('public.slots') IS NOT NULL AS present");
        expect(slots.rows[0]?.present).toBe(true);
        const bookkeeping = await client.query<{ applied: number }>(
          "SELECT count(*)::int AS applied FROM _prisma_migrations WHERE finished_at IS NOT NULL",
        );
        expect(bookkeeping.rows[0]?.applied).toBe((await migrationNames()).length);
      } finally {
        await client.end();
      }
    } finally {
      // FORCE also closes the schema engine's idle pool connections.
      await withAdminClient((admin) => dropDatabase(admin, name));
    }
  });
});
