import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret } from "@/lib/config/secrets";
import { AppError } from "@/lib/http/app-error";
import { recordAudit } from "@/lib/audit/record-audit";
import { openAuthSession, revokeAuthSession, sessionMaxAgeSeconds } from "./sessions";
import { verifyCredentials } from "./verify-credentials";

export function nextAuthOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
    jwt: { maxAge: sessionMaxAgeSeconds },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Slotpay",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
          code: { label: "Authentication code", type: "text" },
        },
        async authorize(credentials) {
          try {
            const user = await verifyCredentials(credentials ?? {});
            return { id: String(user.id), email: user.email, name: user.name, role: user.role };
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            await recordAudit({
              actor: { email: credentials?.email ?? null },
              action: "auth.sign-in",
              outcome: "REFUSED",
              reason: error.code,
            });
            // next-auth hands this message to the sign-in page.
            throw new Error(error.message);
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) token.sid = await openAuthSession(Number(user.id));
        return token;
      },
      async session({ session, token }) {
        return { ...session, sid: token.sid };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeAuthSession(token.sid);
      },
    },
  };
}
