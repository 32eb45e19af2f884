import type { DistributionStatus } from "@/lib/distribution/status-view";
import type { ApiError } from "./api-error";
import { timeInZone } from "./format";

export type Refusal = { title: string; message: string; retryAt: number | null; tone: "danger" | "warning" };

/**
 * A refused change in words for the banner. A 409 SLOTS_EXECUTING names the slot that is running
 * (from the freshest day the board has); 403/429 carry the time left from Retry-After.
 */
export function describeRefusal(error: ApiError, status: DistributionStatus | undefined, now = Date.now()): Refusal {
  const retryAt = error.retryAfterSeconds !== null ? now + error.retryAfterSeconds * 1000 : null;
  if (error.code === "SLOTS_EXECUTING") {
    const running = (status?.distributionSlots ?? []).filter((slot) => slot.status === "EXECUTING");
    const names = running.map((slot) => `slot ${slot.slotNumber} (${timeInZone(slot.scheduledFor, status!.timeZone)})`);
    return {
      tone: "warning",
      title: error.message,
      message:
        (names.length > 0 ? `${capitalise(names.join(" and "))} ${names.length > 1 ? "are" : "is"} executing now. ` : "") +
        "Your edits are kept: save again once it has finished.",
      retryAt,
    };
  }
  if (error.code === "TWO_FACTOR_LOCKED") {
    return { tone: "danger", title: "Two-factor code locked", message: error.message, retryAt };
  }
  if (error.status === 403) return { tone: "danger", title: "Not allowed", message: error.message, retryAt };
  if (error.status === 429) return { tone: "danger", title: "Too many attempts", message: error.message, retryAt };
  if (error.code === "POOL_ALREADY_PAID") return { tone: "danger", title: "Pool already paid", message: error.message, retryAt };
  if (error.status === 400) return { tone: "danger", title: "Check the marked fields", message: error.message, retryAt };
  return { tone: "danger", title: "The change was refused", message: error.message, retryAt };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
