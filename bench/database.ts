import pg from "pg";
import { applyMigrations } from "@/lib/db/migrations";
import { assertLocalDatabase } from "@/tests/setup/test-database";

const safeName = /^[a-z_][a-z0-9_]{0,62}$/;

/** The bench database's name, checked: it is dropped and created by name. */
export function benchDatabaseName(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  assertLocalDatabase(url, "BENCH_DATABASE_URL"); // the bench drops a database: never a remote one
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!safeName.test(name)) throw new Error(`BENCH_DATABASE_URL names "${name}": use [a-z0-9_], at most 63 characters`);
  if (name === "postgres" || name.startsWith("template")) throw new Error(`BENCH_DATABASE_URL must not name the "${name}" database`);
  return name;
}

async function withMaintenanceClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(databaseUrl);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops and recreates the bench database, applies the migrations, and points db() at it. */
export async function recreateBenchDatabase(databaseUrl: string): Promise<void> {
  const name = benchDatabaseName(databaseUrl);
  await withMaintenanceClient(databaseUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  await applyMigrations({ kind: "postgres", url: databaseUrl });
  process.env.DATABASE_URL = databaseUrl;
}

/** Drops the bench database (a run with history leaves gigabytes otherwise). */
export async function dropBenchDatabase(databaseUrl: string): Promise<void> {
  const name = benchDatabaseName(databaseUrl);
  await withMaintenanceClient(databaseUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** A plain connection for the seed and the EXPLAINs, outside Prisma. */
export async function withBenchClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
