"use client";

import { useSyncExternalStore } from "react";

const query = "(min-width: 768px)";

const subscribe = (onChange: () => void) => {
  const media = window.matchMedia(query);
  media.addEventListener("change", onChange);
  return () => media.removeEventListener("change", onChange);
};

/** Whether the viewport is at least 768 px wide (Tailwind's md); the server renders the wide layout. */
export const useIsWide = () =>
  useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => true,
  );
