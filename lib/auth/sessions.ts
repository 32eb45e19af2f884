import { randomUUID } from "node:crypto";
import type { Role } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { forgetRecentSession } from "./recent-sessions";

export const sessionMaxAgeSeconds = 8 * 60 * 60;
export const stepUpWindowSeconds = () => Number(process.env.STEP_UP_WINDOW_SECONDS ?? 300);

export type SignedInUser = { id: number; email: string; name: string; role: Role; twoFactorEnabled: boolean };
export type AuthSession = { id: string; user: SignedInUser; stepUpUntil: Date | null };

/** Called once per sign-in; the JWT carries the returned id. */
export async function openAuthSession(userId: number, now = new Date()): Promise<string> {
  const id = randomUUID();
  await db().authSession.create({
    data: { id, userId, createdAt: now, expiresAt: new Date(now.getTime() + sessionMaxAgeSeconds * 1000) },
  });
  return id;
}

export async function revokeAuthSession(id: string): Promise<void> {
  forgetRecentSession(id);
  await db().authSession.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date(), stepUpUntil: null } });
}

/** The live session with that id, or null when unknown, revoked, expired or no longer allowed in. */
export async function findAuthSession(id: string, now = new Date()): Promise<AuthSession | null> {
  const row = await db().authSession.findUnique({
    where: { id },
    include: { user: { select: { id: true, email: true, name: true, role: true, totpSecret: true } } },
  });
  if (!row || row.revokedAt || row.expiresAt <= now || !row.user.role) return null;
  const { totpSecret, role, ...user } = row.user;
  return { id: row.id, stepUpUntil: row.stepUpUntil, user: { ...user, role, twoFactorEnabled: Boolean(totpSecret) } };
}

export async function openStepUpWindow(sessionId: string, now = new Date()): Promise<void> {
  await db().authSession.update({
    where: { id: sessionId },
    data: { stepUpUntil: new Date(now.getTime() + stepUpWindowSeconds() * 1000), failedCodes: 0 },
  });
}
