"use client";

import { PauseIcon, PlayIcon, RefreshCwIcon } from "lucide-react";
import { Button } from "@/components/ui/button";

/** Live refresh: pause/resume the polling, refresh now, and when the board was last refreshed. */
export function RefreshControls({
  paused,
  onTogglePause,
  onRefresh,
  fetching,
  updatedAt,
}: {
  paused: boolean;
  onTogglePause: () => void;
  onRefresh: () => void;
  fetching: boolean;
  updatedAt: number;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
      <span aria-live="off">
        {paused ? "Live refresh paused" : "Live"} · updated {updatedAt ? new Date(updatedAt).toLocaleTimeString() : "—"}
      </span>
      <Button variant="outline" size="sm" onClick={onTogglePause} aria-pressed={paused}>
        {paused ? <PlayIcon aria-hidden /> : <PauseIcon aria-hidden />}
        <span>
          {paused ? "Resume" : "Pause"}
          <span className="sr-only sm:not-sr-only"> live refresh</span>
        </span>
      </Button>
      <Button variant="ghost" size="sm" onClick={onRefresh} disabled={fetching}>
        <RefreshCwIcon aria-hidden className={fetching ? "motion-safe:animate-spin" : undefined} />
        Refresh
      </Button>
    </div>
  );
}
