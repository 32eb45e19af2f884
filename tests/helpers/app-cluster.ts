import { readFileSync } from "node:fs";
import { freePort, startAppServer, type AppServer } from "../support/app-server";
import { codeFor, createConsoleUser, signInAs, type ConsoleUser } from "../factories/users";

// Several `next start` instances on one database, as production scales out, for the chaos suite:
// which instance holds a slot's lease, and an admin who talks to any of them over HTTP.

export type Instance = AppServer & { name: string };

export async function startInstance(name: string, databaseUrl: string, env: Record<string, string>): Promise<Instance> {
  const server = await startAppServer({ port: await freePort(), databaseUrl, env, keepLines: 400, healthTimeoutMs: 180_000 });
  return Object.assign(server, { name });
}

/** The process group of a process on this machine (Linux /proc), or null once it is gone. */
function processGroupOf(pid: number): number | null {
  try {
    // "pid (comm) state ppid pgrp …": the command may contain spaces, so count from its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
  } catch {
    return null;
  }
}

/** The instance whose process wrote this lease owner ("host:pid:random"); each runs in its own process group. */
export function instanceOfLease(instances: readonly Instance[], leaseOwner: string): Instance | undefined {
  const pid = Number(leaseOwner.split(":").at(-2));
  const group = processGroupOf(pid);
  return instances.find((instance) => instance.pid === pid || instance.pid === group);
}

export type Admin = { user: ConsoleUser; post: (instance: Instance, path: string, body: object) => Promise<Response> };

/** An admin with 2FA and a session; the first call sends a code, which opens the step-up window for the rest. */
export async function clusterAdmin(): Promise<Admin> {
  const user = await createConsoleUser();
  const { cookie } = await signInAs(user);
  let code: string | undefined = await codeFor(user);
  return {
    user,
    post: async (instance, path, body) => {
      const twoFactorCode = code;
      code = undefined;
      return fetch(`${instance.baseUrl}/api/admin/daily-declaration-returns${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, origin: instance.baseUrl },
        body: JSON.stringify({ ...body, ...(twoFactorCode ? { twoFactorCode } : {}) }),
      });
    },
  };
}
