"use client";

import { GitCompareArrowsIcon } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** A 409 CONFLICT: the day changed since the admin started editing; what changed, and a way to go on. */
export function ConflictBanner({ changes, onReapply, onDiscard }: { changes: string[]; onReapply: () => void; onDiscard: () => void }) {
  return (
    <Alert tone="warning" role="alert" data-testid="conflict-banner">
      <GitCompareArrowsIcon aria-hidden />
      <AlertTitle>The day changed while you were editing</AlertTitle>
      <AlertDescription>
        <p>Nothing of yours was saved. Since you loaded the board:</p>
        <ul className="list-disc pl-5">
          {changes.map((change) => (
            <li key={change}>{change}</li>
          ))}
        </ul>
        <div className="mt-2 flex flex-wrap gap-2">
          <Button size="sm" onClick={onReapply}>
            Reapply my edits to the new day
          </Button>
          <Button size="sm" variant="outline" onClick={onDiscard}>
            Discard my edits
          </Button>
        </div>
      </AlertDescription>
    </Alert>
  );
}
