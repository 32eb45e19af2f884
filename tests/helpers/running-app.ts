import { request as httpRequest } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { AppServer } from "../support/app-server";
import { codeFor, createConsoleUser, signInAs } from "../factories/users";

// An admin talking to a running `next start` over real HTTP, and that server's JSON event log.
// Outside Vitest too (bench/inngest-lateness.ts), so nothing here imports it.

const apiBase = "/api/admin/daily-declaration-returns";

export type AdminOverHttp = {
  /** A mutation of today's day; retried while a slot is executing (409 SLOTS_EXECUTING). */
  mutate: (path: "/queue" | "/modify" | "/today/add-slots", body: object) => Promise<unknown>;
};

export async function adminOverHttp(server: Pick<AppServer, "baseUrl">): Promise<AdminOverHttp> {
  const user = await createConsoleUser();
  const { cookie } = await signInAs(user);
  const twoFactorCode = await codeFor(user); // spent by the first mutation, which opens the step-up window
  return {
    mutate: async (path, body) => {
      for (let attempt = 1; ; attempt++) {
        const response = await fetch(`${server.baseUrl}${apiBase}${path}`, {
          method: "POST",
          headers: { cookie, origin: server.baseUrl, "content-type": "application/json" },
          body: JSON.stringify({ ...body, twoFactorCode }),
        });
        const answer = (await response.json()) as { success: boolean; code?: string };
        if (response.ok) return answer;
        if (answer.code !== "SLOTS_EXECUTING" || attempt === 50) throw new Error(`${path}: ${response.status} ${JSON.stringify(answer)}`);
        await sleep(100);
      }
    },
  };
}

export type LogEvent = { time: string; level: string; event: string } & Record<string, unknown>;

/** The JSON event lines a server printed (lib/observability/log.ts), optionally of one event. */
export function eventsOf(server: Pick<AppServer, "output">, event?: string): LogEvent[] {
  const events: LogEvent[] = [];
  for (const line of server.output()) {
    if (!line.startsWith("{")) continue;
    try {
      const parsed = JSON.parse(line) as LogEvent;
      if (typeof parsed.event === "string" && (!event || parsed.event === event)) events.push(parsed);
    } catch {
      // not one of ours
    }
  }
  return events;
}

/** A raw HTTP request, so that headers fetch would refuse or rewrite (Host) are sent as given. */
export function rawRequest(
  url: string,
  options: { method: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: options.method, headers: options.headers }, (response) => {
      let body = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", reject);
    request.end(options.body);
  });
}
