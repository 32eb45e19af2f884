// The console's sections, in the order the top bar shows them.
export const navLinks = [
  { href: "/admin/daily-declaration-returns", label: "Today" },
  { href: "/admin/daily-declaration-returns/history", label: "History" },
  { href: "/admin/members", label: "Members" },
  { href: "/admin/webhook-deliveries", label: "Webhooks" },
  { href: "/admin/audit-log", label: "Audit log" },
  { href: "/admin/settings", label: "Settings" },
] as const;

/** The link of the section a path is in: the longest matching prefix, so History is not also Today. */
export function activeNavHref(pathname: string): string | null {
  const matching = navLinks.filter((link) => pathname === link.href || pathname.startsWith(`${link.href}/`));
  return matching.sort((a, b) => b.href.length - a.href.length)[0]?.href ?? null;
}
