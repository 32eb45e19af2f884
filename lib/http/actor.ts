import type { AuthSession } from "@/lib/auth/sessions";

/** Who is acting, for the audit log; the wrapper guarantees a session on non-public routes. */
export function actorOf(session: AuthSession | null) {
  if (!session) throw new Error("actorOf needs a signed-in session");
  return { id: session.user.id, email: session.user.email };
}
