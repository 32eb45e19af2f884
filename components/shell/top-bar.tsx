import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { SignedInUser } from "@/lib/auth/sessions";
import { MainNav } from "./main-nav";
import { MobileNav } from "./mobile-nav";
import { SignOutButton } from "./sign-out-button";
import { ThemeToggle } from "./theme-toggle";

export function TopBar({ user }: { user: Pick<SignedInUser, "email" | "role"> }) {
  return (
    <header className="sticky top-0 z-40 border-b bg-background/95 backdrop-blur supports-[backdrop-filter]:bg-background/80">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-3 sm:px-6">
        <MobileNav user={user} />
        <Link href="/admin" className="mr-2 rounded-md px-1 font-semibold outline-none focus-visible:ring-2 focus-visible:ring-ring">
          Slotpay
        </Link>
        <MainNav className="hidden md:block" />
        <div className="ml-auto flex items-center gap-2">
          <span className="hidden max-w-[16rem] truncate text-sm text-muted-foreground lg:inline" title={user.email}>
            {user.email}
          </span>
          <Badge tone="outline" aria-label={`Role: ${user.role === "ADMIN" ? "Admin" : "Viewer"}`}>
            {user.role === "ADMIN" ? "Admin" : "Viewer"}
          </Badge>
          <ThemeToggle />
          <SignOutButton className="hidden md:inline-flex" />
        </div>
      </div>
    </header>
  );
}
