"use client";

import { MenuIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import type { SignedInUser } from "@/lib/auth/sessions";
import { MainNav } from "./main-nav";
import { SignOutButton } from "./sign-out-button";

/** On narrow screens the navigation, the user and sign-out live in a sheet behind a menu button. */
export function MobileNav({ user }: { user: Pick<SignedInUser, "email" | "role"> }) {
  const [open, setOpen] = useState(false);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" className="md:hidden" aria-label="Open menu">
          <MenuIcon aria-hidden />
        </Button>
      </SheetTrigger>
      <SheetContent side="left">
        <SheetHeader>
          <SheetTitle>Slotpay</SheetTitle>
          <SheetDescription>
            {user.email} · {user.role === "ADMIN" ? "Admin" : "Viewer"}
          </SheetDescription>
        </SheetHeader>
        <MainNav className="px-2" onNavigate={() => setOpen(false)} />
        <div className="mt-auto border-t p-4">
          <SignOutButton className="w-full" />
        </div>
      </SheetContent>
    </Sheet>
  );
}
