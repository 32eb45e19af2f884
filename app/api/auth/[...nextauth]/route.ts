import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { nextAuthOptions } from "@/lib/auth/next-auth-options";
import { gateAuthRequest, type AuthHandler } from "@/lib/auth/sign-in-gate";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Built per request so that reading the secret never happens at build time.
const nextAuth: AuthHandler = (request, context) => NextAuth(nextAuthOptions())(request, context);

// GET, POST /api/auth/* – next-auth (sign-in with credentials + TOTP, sign-out, session), behind
// the gate that caps input and throttles sign-in (lib/auth/sign-in-gate.ts).
const handle = (request: NextRequest, context: RouteContext) => gateAuthRequest(request, context, nextAuth);

export { handle as GET, handle as POST };
