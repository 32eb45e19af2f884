import { AppError } from "@/lib/errors/app-error";
import { openStepUpWindow, type AuthSession } from "./sessions";
import { verifySessionCode } from "./two-factor";

/**
 * Sudo mode for mutations: a valid unused code opens a window on this session only; within it
 * further mutations of the session need no code (one sent anyway is not checked, so a client
 * that always sends the last code it was given is not refused as a replay). Signing in never
 * opens the window.
 */
export async function requireStepUp(options: { session: AuthSession; code?: string; now?: Date }) {
  const now = options.now ?? new Date();
  const { session } = options;
  if (!session.user.twoFactorEnabled) {
    throw new AppError("FORBIDDEN", "Two-factor authentication must be set up before making changes");
  }
  if (session.stepUpUntil && session.stepUpUntil > now) return;
  await verifySessionCode({ sessionId: session.id, userId: session.user.id, code: options.code, now });
  await openStepUpWindow(session.id, now);
}
