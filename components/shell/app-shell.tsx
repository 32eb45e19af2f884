import type { ReactNode } from "react";
import type { SignedInUser } from "@/lib/auth/sessions";
import { TopBar } from "./top-bar";

/** Every signed-in page: the top bar, then the page's own content. */
export function AppShell({ user, children }: { user: Pick<SignedInUser, "email" | "role">; children: ReactNode }) {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-background focus:px-3 focus:py-2 focus:ring-2 focus:ring-ring"
      >
        Skip to content
      </a>
      <TopBar user={user} />
      <main id="main" className="mx-auto w-full max-w-7xl px-3 py-4 sm:px-6 sm:py-6">
        {children}
      </main>
    </>
  );
}
