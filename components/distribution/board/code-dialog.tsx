"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { ShieldAlertIcon } from "lucide-react";
import { useEffect } from "react";
import { Controller, useForm } from "react-hook-form";
import { z } from "zod";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CodeInput } from "@/components/ui/code-input";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import type { CodeDialogState } from "../hooks/use-step-up-request";
import { formatCountdown } from "../logic/format";
import { useCountdown } from "./use-countdown";

const codeForm = z.object({ code: z.string().regex(/^\d{6}$/, "Enter the 6 digits your authenticator app shows") });

/** Asks for the authenticator code the server wants, then hands it back to resend the change. */
export function CodeDialog({
  state,
  onSubmit,
  onCancel,
}: {
  state: CodeDialogState;
  onSubmit: (code: string) => void;
  onCancel: () => void;
}) {
  const form = useForm({ resolver: zodResolver(codeForm), defaultValues: { code: "" } });
  const lockLeft = useCountdown(state.lockedUntil);
  const locked = lockLeft !== null && lockLeft > 0;
  const { reset } = form;

  // A refused code is cleared so the next one can be typed straight away.
  useEffect(() => {
    if (state.error) reset({ code: "" });
  }, [state.error, reset]);
  useEffect(() => {
    if (!state.open) reset({ code: "" });
  }, [state.open, reset]);

  const error = form.formState.errors.code?.message ?? state.error;
  return (
    <Dialog open={state.open} onOpenChange={(open) => !open && onCancel()}>
      <DialogContent>
        <form onSubmit={form.handleSubmit(({ code }) => onSubmit(code))} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>Two-factor code</DialogTitle>
            <DialogDescription>
              Enter the 6-digit code of your authenticator app to confirm this change. For a few minutes after, changes need no code.
            </DialogDescription>
          </DialogHeader>
          <div className="grid gap-2">
            <Label htmlFor="two-factor-code">Authentication code</Label>
            <Controller
              control={form.control}
              name="code"
              render={({ field }) => (
                <CodeInput
                  id="two-factor-code"
                  value={field.value}
                  onChange={field.onChange}
                  invalid={Boolean(error)}
                  disabled={state.submitting || locked}
                  autoFocus
                  aria-describedby={error ? "two-factor-code-error" : undefined}
                />
              )}
            />
            {error && (
              <Alert tone="danger" role="alert" id="two-factor-code-error">
                <ShieldAlertIcon aria-hidden />
                <AlertDescription>
                  <p>{error}</p>
                  {locked && <p>Locked: {formatCountdown(lockLeft)} left.</p>}
                </AlertDescription>
              </Alert>
            )}
          </div>
          <DialogFooter>
            <Button variant="outline" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" disabled={state.submitting || locked}>
              {state.submitting ? "Checking…" : "Confirm"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
