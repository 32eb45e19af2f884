"use client";

import { useTheme } from "next-themes";
import { Toaster as Sonner } from "sonner";

/** The app's one toast outlet (sonner); toasts follow the theme and are announced politely. */
export function Toaster() {
  const { resolvedTheme } = useTheme();
  return <Sonner theme={resolvedTheme === "dark" ? "dark" : "light"} richColors closeButton position="top-right" />;
}

export { toast } from "sonner";
