import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../../setup/throwaway-postgres";

const started: ThrowawayPostgres[] = [];
afterEach(() => started.splice(0).forEach((server) => server.stop()));

async function start(options: { ownerPid?: number } = {}) {
  const server = await startThrowawayPostgres(options);
  started.push(server);
  return server;
}

/** Runs one query on the server's maintenance database. */
async function queryServer<Row extends pg.QueryResultRow>(url: string, sql: string): Promise<Row[]> {
  const target = new URL(url);
  target.pathname = "/postgres";
  const client = new pg.Client({ connectionString: target.toString(), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}

const refusesConnections = async (url: string) =>
  queryServer(url, "SELECT 1").then(
    () => false,
    (error: NodeJS.ErrnoException) => error.code === "ECONNREFUSED",
  );

describe("startThrowawayPostgres", () => {
  it("starts a PostgreSQL 17 of its own on 127.0.0.1, UTF-8 whatever locales the machine has, and deletes it on stop", async () => {
    const server = await start();
    expect(server.url).toMatch(new RegExp(`^postgresql://postgres:[0-9a-f]{36}@127\\.0\\.0\\.1:${server.port}/slotpay_test$`));
    expect(existsSync(server.directory)).toBe(true);

    const [facts] = await queryServer<{
      version: number;
      address: string;
      encoding: string;
      provider: string;
      locale: string;
      roles: number;
    }>(
      server.url,
      `SELECT current_setting('server_version_num')::int AS version, host(inet_server_addr()) AS address,
              pg_encoding_to_char(encoding) AS encoding, datlocprovider AS provider, datlocale AS locale,
              (SELECT count(*)::int FROM pg_roles WHERE rolname = 'slotpay') AS roles
       FROM pg_database WHERE datname = current_database()`,
    );
    expect(facts).toEqual({
      version: expect.any(Number),
      address: "127.0.0.1",
      encoding: "UTF8",
      provider: "b",
      locale: "C.UTF-8",
      roles: 0,
    });
    expect(facts.version).toBeGreaterThanOrEqual(170_000);
    expect(await queryServer<{ upper: string }>(server.url, "SELECT upper('ümlaut') AS upper")).toEqual([{ upper: "ÜMLAUT" }]);

    server.stop();
    server.stop(); // a second stop is a no-op
    expect(existsSync(server.directory)).toBe(false);
    expect(await refusesConnections(server.url)).toBe(true);
  });

  it("stops and deletes a cluster whose owning process is gone when the next one starts", async () => {
    const goneOwner = spawnSync(process.execPath, ["-e", "process.pid"]).pid;
    const survivor = await start(); // owned by this live process: every later start keeps it
    const abandoned = await start({ ownerPid: goneOwner });
    expect(await queryServer(abandoned.url, "SELECT 1")).toHaveLength(1);

    const next = await start();
    expect(existsSync(abandoned.directory)).toBe(false);
    expect(await refusesConnections(abandoned.url)).toBe(true);
    expect(existsSync(survivor.directory)).toBe(true);
    expect(await queryServer(next.url, "SELECT 1")).toHaveLength(1);
  });
});
