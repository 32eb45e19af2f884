import { expect } from "vitest";
import type { DistributionStatus } from "@/lib/distribution/status-view";
import { expectSuccess, readJson, type MutationSuccess } from "./http";
import { signedIn, withCode, type SignedIn } from "./session";
import { useMiddayTimeZone, type Today } from "./today";

// Seed 000's testing checklist, run through the route handlers by the seed-000-*.test.ts files.

export const executingMessage = "Cannot modify distribution while slots are executing";

/** Slot inputs from [slotNumber, rosPercentage] pairs. */
export const slots = (...pairs: [number, number][]) => pairs.map(([slotNumber, rosPercentage]) => ({ slotNumber, rosPercentage }));

/**
 * Writes the settings with the checklist's slot times, then signs an admin in. Not async: the
 * React lint rules take use* names for hooks, which may not be called in an async function.
 */
export function useChecklistSettings(): Promise<{ admin: SignedIn; today: Today }> {
  return useMiddayTimeZone({ slotTimes: { "1": "08:00", "2": "10:00", "3": "14:00", "4": "18:00", "5": "20:00" } }).then(async (today) => ({
    admin: await signedIn(),
    today,
  }));
}

/** POST /queue as `who` with their current code, expecting success. */
export async function queueAs(who: SignedIn, body: object): Promise<MutationSuccess> {
  return expectSuccess(await who.api.queue(await withCode(who, body)));
}

/** GET /today/status as `who`, expecting 200. */
export async function statusAs(who: SignedIn): Promise<DistributionStatus> {
  const response = await who.api.status();
  expect(response.status).toBe(200);
  return readJson<DistributionStatus>(response);
}
