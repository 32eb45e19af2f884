"use client";

import { useTheme } from "next-themes";
import { Toaster as Sonner } from "sonner";

/**
 * The app's one toast outlet (sonner); toasts follow the theme and are announced politely.
 * Plain colours, not sonner's rich ones: its green-on-green fails WCAG contrast; the icon and the
 * words say what kind of message it is.
 */
export function Toaster() {
  const { resolvedTheme } = useTheme();
  return <Sonner theme={resolvedTheme === "dark" ? "dark" : "light"} closeButton position="top-right" />;
}

export { toast } from "sonner";
