"use client";

import { LogOutIcon } from "lucide-react";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

export function SignOutButton({ className }: { className?: string }) {
  return (
    <Button variant="outline" size="sm" className={className} onClick={() => signOut({ callbackUrl: "/sign-in" })}>
      <LogOutIcon aria-hidden />
      Sign out
    </Button>
  );
}
