"use client";

import { useCallback, useRef, useState } from "react";
import { ApiError } from "../logic/api-error";

/** Thrown when the admin closes the code dialog instead of entering a code. */
export class StepUpCancelled extends Error {
  constructor() {
    super("Cancelled");
    this.name = "StepUpCancelled";
  }
}

export type CodeDialogState = {
  open: boolean;
  submitting: boolean;
  error: string | null;
  /** When a lockout ends (ms since epoch), from Retry-After. */
  lockedUntil: number | null;
};

const closed: CodeDialogState = { open: false, submitting: false, error: null, lockedUntil: null };

type Pending = { send: (code?: string) => Promise<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void };

/**
 * Sends a change without a code first: inside the session's step-up window it simply goes
 * through. Only when the server answers 403 TWO_FACTOR_INVALID does the code dialog open; the
 * code entered resends the same request. A wrong code keeps the dialog open with the server's
 * words; a lockout (429) shows how long it lasts; any other refusal closes it and is the caller's.
 */
export function useStepUpRequest() {
  const [dialog, setDialog] = useState<CodeDialogState>(closed);
  const pending = useRef<Pending | null>(null);

  const run = useCallback(async <T>(send: (code?: string) => Promise<T>): Promise<T> => {
    try {
      return await send(undefined);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === "TWO_FACTOR_INVALID")) throw error;
      return new Promise<T>((resolve, reject) => {
        pending.current = { send, resolve: resolve as (value: unknown) => void, reject };
        setDialog({ ...closed, open: true });
      });
    }
  }, []);

  const submitCode = useCallback(async (code: string) => {
    const current = pending.current;
    if (!current) return;
    setDialog((state) => ({ ...state, submitting: true, error: null }));
    try {
      const result = await current.send(code);
      pending.current = null;
      setDialog(closed);
      current.resolve(result);
    } catch (error) {
      if (error instanceof ApiError && error.code === "TWO_FACTOR_INVALID") {
        setDialog((state) => ({ ...state, submitting: false, error: error.message }));
      } else if (error instanceof ApiError && error.code === "TWO_FACTOR_LOCKED") {
        const lockedUntil = Date.now() + (error.retryAfterSeconds ?? 0) * 1000;
        setDialog((state) => ({ ...state, submitting: false, error: error.message, lockedUntil }));
      } else {
        pending.current = null;
        setDialog(closed);
        current.reject(error);
      }
    }
  }, []);

  const cancel = useCallback(() => {
    pending.current?.reject(new StepUpCancelled());
    pending.current = null;
    setDialog(closed);
  }, []);

  return { run, dialog, submitCode, cancel };
}
