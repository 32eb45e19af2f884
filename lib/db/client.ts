import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

// instrumentation.ts and the route handlers are separate bundles in one process: the one
// client (and, embedded, the one PGlite: two on one directory corrupt it) lives on globalThis.
const holder = globalThis as typeof globalThis & { __slotpayDb?: { url: string; client: PrismaClient; pglite?: PGlite } };

export function pgliteDataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DATA_DIR ?? path.join(process.cwd(), ".data", "pglite"));
}

export function openEmbeddedDatabase(): PGlite {
  const dir = pgliteDataDir();
  mkdirSync(path.dirname(dir), { recursive: true }); // PGlite creates its directory, not the parent
  return new PGlite(dir);
}

/** How long a query waits for a free pooled connection before failing (the routes answer 503). */
export const poolAcquireTimeoutMs = () => Number(process.env.DATABASE_POOL_TIMEOUT_MS ?? 5_000);

function createClient(url: string): { url: string; client: PrismaClient; pglite?: PGlite } {
  const pglite = url ? undefined : openEmbeddedDatabase();
  const adapter = pglite
    ? new PrismaPGlite(pglite)
    : new PrismaPg({
        connectionString: url,
        max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
        connectionTimeoutMillis: poolAcquireTimeoutMs(),
      });
  // Password hashes and TOTP secrets only leave the database when a query selects them.
  const client: PrismaClient = new PrismaClient({ adapter, omit: { user: { passwordHash: true, totpSecret: true } } });
  return { url, pglite, client };
}

/** The process's database client: PostgreSQL when DATABASE_URL is set, else the embedded PGlite. */
export function db(): PrismaClient {
  const url = process.env.DATABASE_URL ?? "";
  if (!holder.__slotpayDb || holder.__slotpayDb.url !== url) {
    holder.__slotpayDb = createClient(url);
  }
  return holder.__slotpayDb.client;
}

export async function closeDb(): Promise<void> {
  const current = holder.__slotpayDb;
  holder.__slotpayDb = undefined;
  await current?.client.$disconnect();
  await current?.pglite?.close(); // the adapter's disconnect leaves PGlite open
}

/** What a function that reads or writes needs: the client itself or an interactive transaction. */
export type DbExecutor = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * Interactive transaction with room for a payout's or a merge's work (Prisma's default is 5 s).
 * `repeatableRead`: every statement sees one snapshot (a payout's stakes, decision 022).
 */
export function inTransaction<T>(
  work: (tx: DbExecutor) => Promise<T>,
  options: { timeoutMs?: number; repeatableRead?: boolean } = {},
): Promise<T> {
  return db().$transaction(work, {
    maxWait: 15_000,
    timeout: options.timeoutMs ?? 30_000,
    ...(options.repeatableRead ? { isolationLevel: "RepeatableRead" as const } : {}),
  });
}
