import { createHash } from "node:crypto";
import { getDayStatus } from "./get-day-status";
import type { DistributionStatus } from "./status-view";

// GET /today/status is what every admin screen polls. Concurrent requests share one read, and
// a result is reused for up to a second; this process's own changes clear it at once, so only
// other instances' changes can be up to a second late.

const ttlMs = 1_000;

/** One read of today's status: the value, its JSON body and the body's tag (a hash, the same on every instance). */
export type TaggedStatus = { status: DistributionStatus; body: string; etag: string };

type Entry = { expiresAt: number; value: Promise<TaggedStatus> };
const holder = globalThis as typeof globalThis & { __slotpayStatusCache?: Entry };

async function readTagged(): Promise<TaggedStatus> {
  const status = await getDayStatus();
  const body = JSON.stringify(status);
  return { status, body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
}

/** Today's status with its body and ETag, serialised and hashed once per read rather than per request. */
export function cachedTodayStatusTagged(now = Date.now()): Promise<TaggedStatus> {
  const entry = holder.__slotpayStatusCache;
  if (entry && entry.expiresAt > now) return entry.value;
  const value = readTagged();
  holder.__slotpayStatusCache = { expiresAt: now + ttlMs, value };
  value.catch(() => {
    if (holder.__slotpayStatusCache?.value === value) holder.__slotpayStatusCache = undefined;
  });
  return value;
}

export async function cachedTodayStatus(now = Date.now()): Promise<DistributionStatus> {
  return (await cachedTodayStatusTagged(now)).status;
}

export function forgetTodayStatus(): void {
  holder.__slotpayStatusCache = undefined;
}
