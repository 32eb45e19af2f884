import { PrismaPGlite } from "pglite-prisma-adapter";
import { closeDb, db, openEmbeddedDatabase } from "@/lib/db/client";
import { PrismaClient } from "@/lib/db/generated/client";
import type { EngineTarget } from "@/lib/db/schema-engine";
import { engineTargetFor } from "@/lib/db/migrations";

export type DatabaseSession = { client: PrismaClient; migrationTarget: EngineTarget };

/**
 * Runs `work` against the configured database and closes it afterwards. The embedded PGlite is
 * opened once for migrations and seeding and really closed (Prisma's disconnect leaves it open),
 * because the server opens the same directory next and two instances corrupt it.
 */
export async function withDatabase<T>(work: (session: DatabaseSession) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL;
  if (url) {
    try {
      return await work({ client: db(), migrationTarget: engineTargetFor(url) });
    } finally {
      await closeDb();
    }
  }
  const pglite = openEmbeddedDatabase();
  const client = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  try {
    return await work({ client, migrationTarget: engineTargetFor(undefined, pglite) });
  } finally {
    await client.$disconnect();
    await pglite.close();
  }
}
