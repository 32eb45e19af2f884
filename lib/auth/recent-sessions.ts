import { expiringMap } from "@/lib/cache/expiring-map";
import type { AuthSession } from "./sessions";

// Reads (status polls) may use a session looked up in the last second; changes never do, and
// this process's sign-outs drop their entry at once. Another instance's sign-out reaches a
// read at most a second late (decision 025). Concurrent reads of one session share one lookup.

const maxAgeMs = 1_000;
const recent = expiringMap<AuthSession>("__slotpayRecentSessions");
const holder = globalThis as typeof globalThis & { __slotpayLoadingSessions?: Map<string, Promise<AuthSession | null>> };
const loading = () => (holder.__slotpayLoadingSessions ??= new Map());

export async function recentSession(id: string, load: (id: string) => Promise<AuthSession | null>, now = Date.now()) {
  const hit = recent.get(id, now);
  if (hit) return hit;
  const pending = loading().get(id);
  if (pending) return pending;
  const lookup = load(id).then((session) => {
    // A sign-out while the lookup ran took it out of `loading`: its answer may predate the sign-out.
    if (loading().get(id) !== lookup) return session;
    if (session) recent.set(id, session, now + maxAgeMs);
    else recent.delete(id);
    return session;
  });
  loading().set(id, lookup);
  return lookup.finally(() => {
    if (loading().get(id) === lookup) loading().delete(id);
  });
}

export function forgetRecentSession(id: string): void {
  recent.delete(id);
  loading().delete(id);
}
