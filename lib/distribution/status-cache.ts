import { getDayStatus } from "./get-day-status";
import type { DistributionStatus } from "./status-view";

// GET /today/status is what every admin screen polls. Concurrent requests share one read, and
// a result is reused for up to a second; this process's own changes clear it at once, so only
// other instances' changes can be up to a second late.

const ttlMs = 1_000;

type Entry = { expiresAt: number; value: Promise<DistributionStatus> };
const holder = globalThis as typeof globalThis & { __slotpayStatusCache?: Entry };

export function cachedTodayStatus(now = Date.now()): Promise<DistributionStatus> {
  const entry = holder.__slotpayStatusCache;
  if (entry && entry.expiresAt > now) return entry.value;
  const value = getDayStatus();
  holder.__slotpayStatusCache = { expiresAt: now + ttlMs, value };
  value.catch(() => {
    if (holder.__slotpayStatusCache?.value === value) holder.__slotpayStatusCache = undefined;
  });
  return value;
}

export function forgetTodayStatus(): void {
  holder.__slotpayStatusCache = undefined;
}
