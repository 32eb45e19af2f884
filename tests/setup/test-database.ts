import { randomBytes } from "node:crypto";
import pg, { type Client } from "pg";

// Tests create and drop whole databases on this server, so only this machine's server is accepted.
const localHosts = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);
const safeName = /^[a-z_][a-z0-9_]{0,62}$/;

/** Throws unless the URL names a PostgreSQL server on this machine (TCP loopback or a Unix socket). */
export function assertLocalDatabase(url: URL, variable = "TEST_DATABASE_URL"): void {
  const socketHost = url.searchParams.get("host");
  const host = socketHost ?? url.hostname;
  const local = host === "" || host.startsWith("/") || localHosts.has(host);
  if (!local) {
    throw new Error(
      `${variable} points at "${host}". Tests drop and create databases, so they only run against ` +
        "a local PostgreSQL (localhost, 127.0.0.1 or ::1).",
    );
  }
}

const testDatabaseUrlMissing =
  "TEST_DATABASE_URL is not set: run the tests through `npm test`, `npm run test:vitest` or `npm run test:e2e` " +
  "(they start a throwaway PostgreSQL), or set it to a local server whose role may create databases.";

/** TEST_DATABASE_URL, checked to be local; the test runner (scripts/test.ts) sets it when it starts a server. */
export function testServerUrl(): URL {
  if (!process.env.TEST_DATABASE_URL) throw new Error(testDatabaseUrlMissing);
  const url = new URL(process.env.TEST_DATABASE_URL);
  assertLocalDatabase(url);
  return url;
}

/** The URL of database `name` on the test server, with TEST_DATABASE_URL's credentials and options. */
export function testDatabaseUrl(name: string): string {
  const url = testServerUrl();
  url.pathname = `/${assertSafeName(name)}`;
  return url.toString();
}

const baseName = () => decodeURIComponent(testServerUrl().pathname.slice(1)) || "slotpay_test";

/** Migrated once per run by the global setup; every test file's database is a copy of it. */
export const templateDatabaseName = () => `${baseName()}_template`;

/** Every throwaway database starts with this, so a later run can drop what a crashed one left. */
export const throwawayDatabasePrefix = () => `${baseName()}_tmp_`;

export const uniqueDatabaseName = (label: string) =>
  assertSafeName(`${throwawayDatabasePrefix()}${label}_${process.pid}_${randomBytes(4).toString("hex")}`);

/** Runs `work` with a client on the server's maintenance database, where CREATE/DROP DATABASE are issued. */
export async function withAdminClient<T>(work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: testDatabaseUrl("postgres") });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(unreachableMessage(error), { cause: error });
  }
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

export async function createDatabase(admin: Client, name: string, options: { template?: string } = {}) {
  const template = options.template ? ` TEMPLATE ${quoteIdentifier(options.template)}` : "";
  await admin.query(`CREATE DATABASE ${quoteIdentifier(name)}${template}`);
}

export async function dropDatabase(admin: Client, name: string) {
  await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
}

/**
 * Ends every other session on database `name`. The schema engine keeps its connection (and
 * with it Prisma's migration advisory lock) open until its pool's 10 s idle timeout.
 */
export async function endSessionsOn(admin: Client, name: string) {
  await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]);
}

/** True when the database's name carries the pid of a process still running on this machine. */
function ownerStillRunning(name: string): boolean {
  const pid = Number(/_(\d+)_[0-9a-f]+$/.exec(name)?.[1]);
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Drops the throwaway databases with that prefix whose test process is gone, so a crashed run
 * leaves nothing behind while a run in progress on the same server keeps its databases.
 */
export async function dropDatabasesStartingWith(admin: Client, prefix: string): Promise<string[]> {
  const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix]);
  const orphaned = rows.map((row) => row.datname).filter((name) => !ownerStillRunning(name));
  for (const name of orphaned) await dropDatabase(admin, name);
  return orphaned;
}

function assertSafeName(name: string): string {
  if (!safeName.test(name)) throw new Error(`Unexpected database name "${name}": use [a-z0-9_], at most 63 characters`);
  return name;
}

const quoteIdentifier = (name: string) => `"${assertSafeName(name)}"`;

function unreachableMessage(error: unknown): string {
  const url = testServerUrl();
  url.password = url.password ? "***" : "";
  const reason = error instanceof Error ? error.message : String(error);
  return (
    `Cannot reach the test PostgreSQL at ${url.toString()} (${reason}). Start it, or unset TEST_DATABASE_URL ` +
    "and run `npm test`, which starts a throwaway one."
  );
}
