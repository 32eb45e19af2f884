import type { AuthSession } from "./sessions";

// Reads (status polls) may use a session looked up in the last second; changes never do, and
// this process's sign-outs drop their entry at once. Another instance's sign-out reaches a
// read at most a second late.

const maxAgeMs = 1_000;
const maxEntries = 5_000;
const holder = globalThis as typeof globalThis & { __slotpayRecentSessions?: Map<string, { session: AuthSession; until: number }> };

const recent = () => (holder.__slotpayRecentSessions ??= new Map());

export async function recentSession(id: string, load: (id: string) => Promise<AuthSession | null>, now = Date.now()) {
  const hit = recent().get(id);
  if (hit && hit.until > now) return hit.session;
  const session = await load(id);
  if (recent().size >= maxEntries) recent().clear();
  if (session) recent().set(id, { session, until: now + maxAgeMs });
  else recent().delete(id);
  return session;
}

export const forgetRecentSession = (id: string) => recent().delete(id);
