import { apiKeyActor, type ApiKeyPrincipal } from "@/lib/api-keys/scopes";
import type { AuthSession } from "@/lib/auth/sessions";

/** Who is acting, for the audit log; the wrapper guarantees a session on non-public routes. */
export function actorOf(session: AuthSession | null) {
  if (!session) throw new Error("actorOf needs a signed-in session");
  return { id: session.user.id, email: session.user.email };
}

/** The same on the routes an API key may call: the key (by name) when it sent one, else the session's user. */
export function callerActorOf(session: AuthSession | null, apiKey: ApiKeyPrincipal | null) {
  return apiKey ? apiKeyActor(apiKey) : actorOf(session);
}
