"use client";

import { AlertTriangleIcon } from "lucide-react";
import { useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import type { SignedInUser } from "@/lib/auth/sessions";
import { useTodayStatus } from "../hooks/use-today-status";
import { DayBoard } from "./day-board";

export type BoardUser = Pick<SignedInUser, "role" | "twoFactorEnabled">;

/** The Daily Declaration Returns board: today's day, kept live, with the admin's edits on top. */
export function DailyBoard({ user }: { user: BoardUser }) {
  const [paused, setPaused] = useState(false);
  const today = useTodayStatus({ paused });
  if (today.isPending) {
    return (
      <div className="grid gap-4" aria-busy="true" aria-label="Loading today's distribution">
        <Skeleton className="h-40" />
        <Skeleton className="h-64" />
      </div>
    );
  }
  if (!today.data) {
    return (
      <Alert tone="danger" role="alert">
        <AlertTriangleIcon aria-hidden />
        <AlertTitle>Today&apos;s distribution could not be loaded</AlertTitle>
        <AlertDescription>{today.error?.message}</AlertDescription>
      </Alert>
    );
  }
  return (
    // A new day (midnight in the settings' zone) starts with its own draft.
    <DayBoard
      key={today.data.date}
      status={today.data}
      user={user}
      live={{
        paused,
        onTogglePause: () => setPaused((p) => !p),
        onRefresh: () => void today.refetch(),
        fetching: today.isFetching,
        updatedAt: today.dataUpdatedAt,
        error: today.error?.message ?? null,
      }}
    />
  );
}
