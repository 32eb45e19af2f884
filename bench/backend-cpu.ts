import { readFileSync } from "node:fs";
import pg from "pg";

// CPU time of the PostgreSQL backends connected to the bench database, read from /proc (the
// server is local). On a machine shared with other work the wall time of a statement stretches
// with the load; the CPU it used does not, so ratios of CPU times stay comparable across runs.

const clockTicksPerSecond = 100; // USER_HZ on Linux

/** CPU a process has used so far, or null when it is gone or unreadable. */
export function cpuMsOf(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicksPerSecond; // utime + stime
  } catch {
    return null;
  }
}

export type CpuSnapshot = Map<number, number>;

/** Every backend of the current database (this connection's included) and the CPU it has used so far. */
export async function snapshotBackendCpu(client: pg.Client): Promise<CpuSnapshot | null> {
  const { rows } = await client.query<{ pid: number }>(
    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'",
  );
  const snapshot: CpuSnapshot = new Map();
  for (const { pid } of rows) {
    const ms = cpuMsOf(pid);
    if (ms === null) return null; // not readable: a remote server, or /proc restricted
    snapshot.set(pid, ms);
  }
  return snapshot;
}

/** CPU the backends used between `before` and `after` (a backend that connected in between counts from zero). */
export function cpuMsBetween(before: CpuSnapshot | null, after: CpuSnapshot | null): number | null {
  if (!before || !after) return null;
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/**
 * Finds the backend of a connection that names itself `applicationName` (the importer's, the
 * export's cursor) once it connects, and reads its CPU: at any moment while it runs, and after
 * it has gone, the last reading (taken every 50 ms).
 */
export async function watchBackend(databaseUrl: string, applicationName: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let pid: number | null = null;
  let last: number | null = null;
  let stopped = false;
  const read = () => {
    const ms = pid === null ? null : cpuMsOf(pid);
    if (ms !== null) last = ms;
    return last;
  };
  const poll = (async () => {
    while (!stopped) {
      if (pid === null) {
        const { rows } = await client.query<{ pid: number }>(
          "SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database() ORDER BY backend_start DESC LIMIT 1",
          [applicationName],
        );
        pid = rows[0]?.pid ?? null;
      } else read();
      await new Promise((resolve) => setTimeout(resolve, pid === null ? 20 : 50));
    }
  })();
  return {
    cpuMs: read,
    async stop() {
      stopped = true;
      await poll;
      await client.end();
    },
  };
}
