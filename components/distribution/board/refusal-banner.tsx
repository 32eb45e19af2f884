"use client";

import { AlertTriangleIcon, XIcon } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatCountdown } from "../logic/format";
import type { Refusal } from "../logic/refusal";
import { useCountdown } from "./use-countdown";

/** Why the last change was refused, and for how long when the server said (Retry-After). */
export function RefusalBanner({ refusal, extra, onDismiss }: { refusal: Refusal; extra?: string[]; onDismiss: () => void }) {
  const left = useCountdown(refusal.retryAt);
  return (
    <Alert tone={refusal.tone} role="alert" data-testid="refusal-banner">
      <AlertTriangleIcon aria-hidden />
      <AlertTitle className="pr-8">{refusal.title}</AlertTitle>
      <AlertDescription>
        <p>{refusal.message}</p>
        {extra?.map((line) => (
          <p key={line}>{line}</p>
        ))}
        {left !== null && <p className="font-medium">{left > 0 ? `Try again in ${formatCountdown(left)}.` : "You can try again now."}</p>}
      </AlertDescription>
      <Button variant="ghost" size="icon" className="absolute top-2 right-2 size-7" onClick={onDismiss} aria-label="Dismiss">
        <XIcon aria-hidden />
      </Button>
    </Alert>
  );
}
