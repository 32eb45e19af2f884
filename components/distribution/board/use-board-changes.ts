"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "@/components/ui/toaster";
import type { DistributionStatus } from "@/lib/distribution/status-view";
import { fetchTodayStatus } from "../hooks/fetch-today-status";
import { useAddSlots } from "../hooks/use-add-slots";
import { useModifyDistribution } from "../hooks/use-modify-distribution";
import type { ChangeResult } from "../hooks/mutation-result";
import { useQueueDistribution } from "../hooks/use-queue-distribution";
import { useRetrySlot } from "../hooks/use-retry-slot";
import { StepUpCancelled, useStepUpRequest } from "../hooks/use-step-up-request";
import { ApiError } from "../logic/api-error";
import { emptyDraft, rebaseDraft, type BoardDraft } from "../logic/board-draft";
import { describeDayChanges } from "../logic/day-changes";
import { versionOf } from "../logic/day-version";
import { isDistributionStatus } from "../logic/draft-storage";
import { fieldErrorsOf, noFieldErrors, type FieldErrors } from "../logic/error-fields";
import { describeRefusal, type Refusal } from "../logic/refusal";
import { addSlotsRequest, checkBody, modifyRequest, queueRequest, type SentSlots } from "../logic/request-bodies";
import { distributionKeys } from "../query-keys";

export type DraftChange = "queue" | "modify" | "addSlots";
export type Conflict = { server: DistributionStatus; changes: string[] };

/**
 * Sending the board's changes: builds the body, checks it with the API's schema, sends it
 * through the 2FA step-up, and turns a refusal into marks on rows, a banner or a conflict view.
 * The draft is cleared only by a success; nothing else touches the admin's edits.
 */
export function useBoardChanges(options: { status: DistributionStatus; draft: BoardDraft; setDraft: (draft: BoardDraft) => void }) {
  const { status, draft, setDraft } = options;
  const client = useQueryClient();
  const stepUp = useStepUpRequest();
  const queue = useQueueDistribution();
  const modify = useModifyDistribution();
  const addSlots = useAddSlots();
  const retry = useRetrySlot();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>(noFieldErrors);
  const [refusal, setRefusal] = useState<{ refusal: Refusal; extra?: string[] } | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [busy, setBusy] = useState(false);

  const clearProblems = () => {
    setFieldErrors(noFieldErrors());
    setRefusal(null);
    setConflict(null);
  };

  const freshStatus = () =>
    client.fetchQuery({
      queryKey: distributionKeys.todayStatus(),
      queryFn: () => fetchTodayStatus(client),
      staleTime: 0,
    });

  async function refused(error: unknown, sent: SentSlots | null) {
    if (error instanceof StepUpCancelled) return;
    if (!(error instanceof ApiError)) {
      setRefusal({ refusal: { tone: "danger", title: "No answer from the server", message: String(error), retryAt: null } });
      return;
    }
    const details = error.details as { distribution?: unknown } | undefined;
    if (error.code === "CONFLICT" && isDistributionStatus(details?.distribution)) {
      setConflict({ server: details.distribution, changes: describeDayChanges(draft.base?.status ?? status, details.distribution) });
      return;
    }
    if (error.status === 400 && sent) {
      const errors = fieldErrorsOf({ message: error.message, issues: error.issues, sent });
      setFieldErrors(errors);
      if (errors.general.length > 0)
        setRefusal({ refusal: describeRefusal(error, status), extra: errors.general.filter((m) => m !== error.message) });
      return;
    }
    // Name the running slot from the day as it is now, not as it was when the board last polled.
    const fresh = error.code === "SLOTS_EXECUTING" ? await freshStatus().catch(() => status) : status;
    setRefusal({ refusal: describeRefusal(error, fresh) });
  }

  async function send(kind: DraftChange) {
    const request =
      kind === "queue"
        ? { kind, ...queueRequest(status, draft) }
        : kind === "modify"
          ? { kind, ...modifyRequest(status, draft) }
          : { kind, ...addSlotsRequest(status, draft) };
    const { sent } = request;
    const issues = checkBody(kind, request.body);
    clearProblems();
    if (issues.length > 0) {
      setFieldErrors(fieldErrorsOf({ message: issues[0].message, issues, sent }));
      return;
    }
    setBusy(true);
    try {
      const result = await stepUp.run<ChangeResult>((twoFactorCode) => {
        if (request.kind === "queue") return queue.mutateAsync({ body: request.body, twoFactorCode });
        if (request.kind === "modify") return modify.mutateAsync({ body: request.body, twoFactorCode });
        return addSlots.mutateAsync({ body: request.body, twoFactorCode });
      });
      setDraft(emptyDraft(status.date));
      toast.success(result.message);
    } catch (error) {
      await refused(error, sent);
    } finally {
      setBusy(false);
    }
  }

  /** Waits (up to two minutes) until no slot of the day is executing. */
  async function untilNothingExecutes() {
    for (let i = 0; i < 120; i++) {
      const day = await freshStatus();
      if (!day.distributionSlots.some((slot) => slot.status === "EXECUTING")) return;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }

  /**
   * Retries FAILED slots one after another; the first may ask for a code, the rest ride on its
   * step-up window. A retried slot is due at once, so the scheduler may be paying it when the next
   * retry arrives (409 SLOTS_EXECUTING): then it waits for that payout to end and asks again.
   */
  async function retrySlots(slotNumbers: number[]) {
    clearProblems();
    setBusy(true);
    try {
      for (const slotNumber of slotNumbers) {
        for (let attempt = 1; ; attempt++) {
          try {
            const current = client.getQueryData<DistributionStatus>(distributionKeys.todayStatus()) ?? status;
            const result = await stepUp.run<ChangeResult>((twoFactorCode) =>
              retry.mutateAsync({ slotNumber, expectedVersion: versionOf(current), twoFactorCode }),
            );
            toast.success(result.message);
            break;
          } catch (error) {
            const waitable = slotNumbers.length > 1 && error instanceof ApiError && error.code === "SLOTS_EXECUTING" && attempt < 10;
            if (!waitable) throw error;
            await untilNothingExecutes();
          }
        }
      }
    } catch (error) {
      await refused(error, null);
    } finally {
      setBusy(false);
    }
  }

  /** After a conflict: take the server's day as the new base and keep what of the edits still applies. */
  function reapply() {
    if (!conflict) return;
    client.setQueryData(distributionKeys.todayStatus(), conflict.server);
    const { draft: rebased, dropped } = rebaseDraft(draft, conflict.server);
    setDraft(rebased);
    setConflict(null);
    if (dropped.length > 0) toast.warning(`Not reapplied: ${dropped.join("; ")}.`);
    else toast.info("Your edits are on the new day. Check them and save again.");
  }

  return { send, retrySlots, reapply, fieldErrors, refusal, conflict, busy, stepUp, dismissRefusal: () => setRefusal(null), clearProblems };
}
