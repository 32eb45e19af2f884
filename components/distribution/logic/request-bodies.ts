import type { z } from "zod";
import { addSlotsBody, modifyBody, queueBody } from "@/lib/distribution/schemas";
import type { DistributionStatus } from "@/lib/distribution/status-view";
import { boardRows, type BoardDraft, type BoardRow } from "./board-draft";
import { versionOf } from "./day-version";

// What each action sends, from the day and the draft. The bodies are the API's own input types
// (lib/distribution/schemas.ts) and are checked with the same schemas before they leave, so a
// mistake is marked on its row without a round trip and in the same words the server would use.

type SlotBody = z.input<typeof queueBody>["distributionSlots"] & {};
type SlotBodyItem = SlotBody[number];

export type QueueBody = z.input<typeof queueBody> & { expectedVersion?: number };
export type ModifyBody = z.input<typeof modifyBody> & { expectedVersion?: number };
export type AddSlotsBody = z.input<typeof addSlotsBody> & { expectedVersion?: number };

/** A number typed in a field; blank or malformed text becomes NaN, which the schema refuses in words. */
const numberOf = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

/** Existing slots keep their instant unless the admin changed the time; new ones send their local time. */
function slotBody(row: BoardRow, timeChanged: boolean): SlotBodyItem {
  const body: SlotBodyItem = { slotNumber: row.slotNumber, rosPercentage: numberOf(row.rosPercentage) };
  if (row.kind === "new" || timeChanged) {
    if (row.time) body.time = row.time;
  }
  return body;
}

/** The version the edits were made against (the draft's base), else the day's as shown. */
const withVersion = <T extends object>(body: T, status: DistributionStatus, draft: BoardDraft): T & { expectedVersion?: number } => {
  const version = draft.base?.version ?? versionOf(status);
  return version === undefined ? body : { ...body, expectedVersion: version };
};

function poolsBody(status: DistributionStatus, draft: BoardDraft) {
  const body: { premiumPoolAmount?: number; performancePoolAmount?: number; description?: string } = {};
  const { premiumPoolAmount, performancePoolAmount, description } = draft.pools;
  // A new day sends what was typed (blank means 0, the server's default); a day that exists only what changed.
  if (premiumPoolAmount !== undefined && premiumPoolAmount.trim() !== "") body.premiumPoolAmount = numberOf(premiumPoolAmount);
  if (performancePoolAmount !== undefined && performancePoolAmount.trim() !== "")
    body.performancePoolAmount = numberOf(performancePoolAmount);
  if (description !== undefined && description !== status.data?.description) body.description = description;
  return body;
}

/** The slot numbers of a body's list, by index: a server error's path ("distributionSlots.2…") names an index. */
export type SentSlots = { list: "distributionSlots" | "additionalSlots"; slotNumbers: number[] };

const sent = (list: SentSlots["list"], slots: SlotBodyItem[]): SentSlots => ({ list, slotNumbers: slots.map((s) => s.slotNumber) });

/**
 * "Queue Distribution": seed 000's body; on a day that exists, seed 001's option 1 — every slot
 * of the day plus the new ones (the server keeps finished slots as they are and adds the rest).
 */
export function queueRequest(status: DistributionStatus, draft: BoardDraft): { body: QueueBody; sent: SentSlots } {
  const rows = boardRows(status, draft).filter((row) => !row.removed);
  const slots = rows.map((row) => slotBody(row, draft.edits[row.slotNumber]?.time !== undefined));
  return {
    body: withVersion({ ...poolsBody(status, draft), multiSlot: true, distributionSlots: slots }, status, draft),
    sent: sent("distributionSlots", slots),
  };
}

/** "Save changes": the PENDING part of the day as it should be (absent PENDING slots are removed). */
export function modifyRequest(status: DistributionStatus, draft: BoardDraft): { body: ModifyBody; sent: SentSlots } {
  const rows = boardRows(status, draft).filter((row) => !row.removed && (row.kind === "new" || row.status === "PENDING"));
  const slots = rows.map((row) => slotBody(row, draft.edits[row.slotNumber]?.time !== undefined));
  return {
    body: withVersion({ ...poolsBody(status, draft), distributionSlots: slots }, status, draft),
    sent: sent("distributionSlots", slots),
  };
}

/** "Add slots": seed 001's option 2, only the new rows. */
export function addSlotsRequest(status: DistributionStatus, draft: BoardDraft): { body: AddSlotsBody; sent: SentSlots } {
  const slots = boardRows(status, draft)
    .filter((row) => row.kind === "new")
    .map((row) => slotBody(row, true));
  return { body: withVersion({ additionalSlots: slots }, status, draft), sent: sent("additionalSlots", slots) };
}

const schemaOf = { queue: queueBody, modify: modifyBody, addSlots: addSlotsBody } as const;

/** The same check the server makes first; its issues in the server's error shape (path "a.b.c"). */
export function checkBody(kind: keyof typeof schemaOf, body: object): { path: string; message: string }[] {
  const result = schemaOf[kind].safeParse(body);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}
