import NextAuth from "next-auth";
import { nextAuthOptions } from "@/lib/auth/next-auth-options";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// GET, POST /api/auth/* – next-auth (sign-in with credentials + TOTP, sign-out, session).
// Built per request so that reading the secret never happens at build time.
const handle = (request: Request, context: RouteContext) => NextAuth(nextAuthOptions())(request, context);

export { handle as GET, handle as POST };
