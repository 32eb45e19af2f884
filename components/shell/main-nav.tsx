"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { activeNavHref, navLinks } from "./nav-links";

/** The sections as links; the current one is marked for screen readers (aria-current) and by weight. */
export function MainNav({ className, onNavigate }: { className?: string; onNavigate?: () => void }) {
  const active = activeNavHref(usePathname());
  return (
    <nav aria-label="Main" className={className}>
      <ul className="flex flex-col gap-1 md:flex-row md:items-center">
        {navLinks.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              onClick={onNavigate}
              aria-current={link.href === active ? "page" : undefined}
              className={cn(
                "block rounded-md px-3 py-2 text-sm text-muted-foreground outline-none hover:bg-accent hover:text-accent-foreground focus-visible:ring-2 focus-visible:ring-ring",
                link.href === active && "bg-accent font-semibold text-foreground",
              )}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
