import { authSecret } from "@/lib/config/secrets";

/**
 * The environment `next build` and `next start` run with: everything given, plus PORT (default
 * 3000), NEXTAUTH_URL for that port, and in demo mode a NEXTAUTH_SECRET kept in .data/.
 */
export function startEnvironment(): { env: NodeJS.ProcessEnv; port: number; url: string } {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`PORT="${process.env.PORT}" is not a port number.`);
  process.env.PORT = String(port);
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  // instrumentation.ts then lets a slot in flight commit before the server exits.
  process.env.NEXT_MANUAL_SIG_HANDLE ??= "true";
  authSecret(); // sets NEXTAUTH_SECRET in demo mode; throws with DATABASE_URL and no secret
  return { env: { ...process.env }, port, url: process.env.NEXTAUTH_URL };
}
