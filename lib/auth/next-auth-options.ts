import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret } from "@/lib/config/secrets";
import { AppError } from "@/lib/errors/app-error";
import { authorizeSignIn } from "./authorize-sign-in";
import { sameOriginPath } from "./same-origin-path";
import { openAuthSession, revokeAuthSession, sessionMaxAgeSeconds } from "./sessions";

const text = (value: unknown) => (typeof value === "string" ? value : undefined);

export function nextAuthOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
    jwt: { maxAge: sessionMaxAgeSeconds },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Slotpay",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
          code: { label: "Authentication code", type: "text" },
        },
        async authorize(credentials, request) {
          try {
            const fields = { email: text(credentials?.email), password: text(credentials?.password), code: text(credentials?.code) };
            const user = await authorizeSignIn(fields, new Headers(request.headers as Record<string, string>));
            return { id: String(user.id), email: user.email, name: user.name, role: user.role };
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            // next-auth hands this message to the sign-in page.
            throw new Error(error.message);
          }
        },
      }),
    ],
    callbacks: {
      // The sign-in page's rule for every redirect next-auth makes (sign-in and sign-out).
      async redirect({ url, baseUrl }) {
        return `${new URL(baseUrl).origin}${sameOriginPath(url, baseUrl)}`;
      },
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
