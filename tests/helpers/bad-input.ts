import { expect } from "vitest";
import { snapshotState } from "./db-state";
import { dayIdOf, runSlot } from "./run-slot";
import { apiBase, apiRequest, callRoute, expectError, expectSuccess } from "./http";
import { routeHandlers } from "./routes";
import { signedIn, withCode, type SignedIn } from "./session";
import { useMiddayTimeZone, type Today } from "./today";

// SPEC §5: bad input to any route is a 400 VALIDATION JSON error — never a 500 — and a rejected
// request changes nothing. Shared by the bad-input-*.test.ts files.

export const yesterday = () => new Date(Date.now() - 24 * 3600_000).toISOString();
export const tomorrow = () => new Date(Date.now() + 24 * 3600_000).toISOString();

export type Mutation = "queue" | "modify" | "addSlots" | "retry" | "putSettings";
export type Send = { raw?: string; body?: unknown; contentType?: string; slotNumber?: string };
export type Case = [string, () => Promise<Response>];

/**
 * Settings allowing at most 4 slots, an admin whose step-up window is open, and today's day:
 * slot 1 COMPLETED, 2 FAILED, 3 PENDING. Not async: the React lint rules take use* names for
 * hooks, which may not be called in an async function.
 */
export function useBadInputDay(): Promise<SignedIn> {
  return useMiddayTimeZone({ maxSlotsPerDay: 4, slotTimes: { "1": "08:00", "2": "10:00", "3": "20:00", "4": "21:00" } }).then(
    queueTodaysDay,
  );
}

async function queueTodaysDay(today: Today): Promise<SignedIn> {
  const admin = await signedIn();
  // The one valid mutation with a code: it opens the step-up window, so 2FA stays out of the way.
  await expectSuccess(
    await admin.api.queue(
      await withCode(admin, {
        premiumPoolAmount: 5000,
        performancePoolAmount: 3000,
        distributionSlots: [1, 2, 3].map((n) => ({ slotNumber: n, rosPercentage: 1 })),
      }),
    ),
  );
  const dayId = await dayIdOf(today.date);
  await runSlot(dayId, 1, "COMPLETED");
  await runSlot(dayId, 2, "FAILED");
  return admin;
}

/** `send(route, options)`: one request to a mutation route, as the admin `who()` returns when it runs. */
export function mutationSender(who: () => SignedIn) {
  return function send(route: Mutation, options: Send): Promise<Response> {
    const init = { cookie: who().cookie, raw: options.raw, body: options.body, contentType: options.contentType };
    switch (route) {
      case "queue":
        return routeHandlers.queue(apiRequest(`${apiBase}/queue`, { ...init, method: "POST" }));
      case "modify":
        return routeHandlers.modify(apiRequest(`${apiBase}/modify`, { ...init, method: "POST" }));
      case "addSlots":
        return routeHandlers.addSlots(apiRequest(`${apiBase}/today/add-slots`, { ...init, method: "POST" }));
      case "retry": {
        const slotNumber = options.slotNumber ?? "2";
        return callRoute(routeHandlers.retry, apiRequest(`${apiBase}/slots/${slotNumber}/retry`, { ...init, method: "POST" }), {
          slotNumber,
        });
      }
      case "putSettings":
        return routeHandlers.putSettings(apiRequest(`${apiBase}/cron-settings`, { ...init, method: "PUT" }));
    }
  };
}

/** Runs the request and expects a 400 VALIDATION error with a message, and nothing changed. */
export async function expectRefusedWithoutChange(run: () => Promise<Response>): Promise<void> {
  const before = await snapshotState();
  const response = await run();
  const body = await expectError(response, 400, "VALIDATION");
  expect(body.message.length).toBeGreaterThan(0);
  expect(await snapshotState()).toEqual(before);
}
