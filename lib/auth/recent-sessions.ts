import { expiringMap } from "@/lib/cache/expiring-map";
import type { AuthSession } from "./sessions";

// Reads (status polls) may use a session looked up in the last second; changes never do, and
// this process's sign-outs drop their entry at once. Another instance's sign-out reaches a
// read at most a second late.

const maxAgeMs = 1_000;
const recent = expiringMap<AuthSession>("__slotpayRecentSessions");

export async function recentSession(id: string, load: (id: string) => Promise<AuthSession | null>, now = Date.now()) {
  const hit = recent.get(id, now);
  if (hit) return hit;
  const session = await load(id);
  if (session) recent.set(id, session, now + maxAgeMs);
  else recent.delete(id);
  return session;
}

export const forgetRecentSession = (id: string) => recent.delete(id);
