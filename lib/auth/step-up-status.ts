import { db } from "@/lib/db/client";
import type { AuthSession } from "./sessions";

export type StepUpStatus = { twoFactorEnabled: boolean; verifiedUntil: string | null };

/**
 * GET /api/account/step-up: whether this session's 2FA step-up window is open, and until when.
 * Read from the database, not the per-second session cache, so a window a change just opened shows at once.
 */
export async function stepUpStatus(options: { session: AuthSession; now?: Date }): Promise<StepUpStatus> {
  const now = options.now ?? new Date();
  const row = await db().authSession.findUnique({ where: { id: options.session.id }, select: { stepUpUntil: true } });
  const until = row?.stepUpUntil ?? null;
  return {
    twoFactorEnabled: options.session.user.twoFactorEnabled,
    verifiedUntil: until && until > now ? until.toISOString() : null,
  };
}
