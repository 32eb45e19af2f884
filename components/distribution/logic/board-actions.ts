import type { Role } from "@/lib/db/generated/enums";
import type { DistributionStatus } from "@/lib/distribution/status-view";
import { isDraftEmpty, type BoardDraft } from "./board-draft";

export type ActionState = { visible: boolean; enabled: boolean; reason?: string };
export type BoardActionName = "queue" | "modify" | "addSlots" | "queueNew" | "addRow" | "retryAllFailed" | "discard";

/** Why this user may not change the board at all, or null when they may. */
export function readOnlyReason(user: { role: Role; twoFactorEnabled: boolean }): string | null {
  if (user.role !== "ADMIN") return "You are signed in as a viewer: you can watch the day, but only an admin can change it.";
  if (!user.twoFactorEnabled) return "Set up two-factor authentication to make changes.";
  return null;
}

const hidden: ActionState = { visible: false, enabled: false };

/**
 * Which of the seeds' actions the board offers now. The server stays the judge (a slot that
 * starts meanwhile still gets a 409); this only keeps offers that cannot work out of the way.
 */
export function boardActions(status: DistributionStatus, draft: BoardDraft, readOnly: string | null): Record<BoardActionName, ActionState> {
  const slots = status.distributionSlots;
  const finished = status.exists && slots.every((slot) => slot.status === "COMPLETED" || slot.status === "FAILED");
  const hasNew = draft.added.length > 0;
  const changed = !isDraftEmpty(draft);
  const state = (visible: boolean, enabled: boolean, reason?: string): ActionState =>
    !visible
      ? hidden
      : readOnly
        ? { visible, enabled: false, reason: readOnly }
        : { visible, enabled, reason: enabled ? undefined : reason };

  return {
    queue: state(
      true,
      hasNew && draft.removed.length === 0,
      draft.removed.length > 0 ? "Queueing keeps every slot; use Save changes to remove slots." : "Add a slot to queue it.",
    ),
    modify: state(status.exists, changed, "Nothing has changed yet."),
    addSlots: state(status.exists, hasNew, "Add a slot first."),
    queueNew: state(finished && !hasNew, true),
    addRow: state(true, true),
    retryAllFailed: state(status.counts.FAILED > 0, true),
    discard: state(changed, true),
  };
}
