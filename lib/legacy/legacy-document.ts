import { z } from "zod";
import { hardMaxSlotsPerDay } from "@/lib/distribution/schemas";
import type { SlotStatus } from "@/lib/distribution/slot-status";
import {
  boolean,
  dayDate,
  describeValue,
  details,
  instant,
  legacyId,
  poolAmount,
  rosCheck,
  rosPercentage,
  slotNumber,
  status,
  text,
  type DecodedObject,
} from "./legacy-fields";

// One document of the old MongoDB DailyDistributionQueue collection, after Extended JSON
// decoding, checked and normalised. What Slotpay makes of it is map-legacy-document.ts.

const legacySlot = z.object(
  {
    slotNumber,
    rosPercentage,
    scheduledFor: instant.nullish(),
    status: status.nullish(),
    executionDetails: details.nullish(),
  },
  { error: (issue) => `must be an object, got ${describeValue(issue.input)}` },
);

function uniqueSlotNumbers(slots: { slotNumber: number }[], ctx: z.RefinementCtx) {
  const seen = new Set<number>();
  slots.forEach((slot, index) => {
    if (seen.has(slot.slotNumber))
      ctx.addIssue({ code: "custom", path: [index, "slotNumber"], message: `duplicate slot number ${slot.slotNumber}` });
    seen.add(slot.slotNumber);
  });
}

const rawDocument = z.object({
  _id: legacyId,
  date: dayDate,
  premiumPoolAmount: poolAmount,
  performancePoolAmount: poolAmount,
  description: text.nullish(),
  multiSlotEnabled: boolean.nullish(),
  rosPercentage: z.unknown().optional(), // only a single-slot document uses it
  scheduledFor: instant.nullish(),
  status: status.nullish(),
  queuedAt: instant.nullish(),
  queuedBy: z.unknown().optional(), // a Mongo user id: nothing in Slotpay to map it to
  lastExecution: z.object({ executedAt: instant.nullish() }, { error: "must be an object or null" }).nullish(),
  distributionSlots: z
    .array(legacySlot, { error: (issue) => `must be an array, got ${describeValue(issue.input)}` })
    .max(hardMaxSlotsPerDay, `at most ${hardMaxSlotsPerDay} slots`)
    .superRefine(uniqueSlotNumbers)
    .nullish(),
});

export type LegacySlot = {
  slotNumber: number;
  rosPercentage: string;
  scheduledFor: Date;
  /** The slot's own status; null for slots written before the old system tracked one. */
  status: SlotStatus | null;
  executionDetails: DecodedObject | null;
};

export type LegacyDocument = {
  legacyId: string;
  date: string;
  premiumPoolAmount: string;
  performancePoolAmount: string;
  description: string;
  /** The document's global status; null when it had none. */
  status: SlotStatus | null;
  queuedAt: Date;
  lastExecutedAt: Date | null;
  singleSlot: boolean;
  slots: LegacySlot[];
};

/** A decoded document, checked; single-slot documents come out as their one slot 1. */
export const legacyDocument = rawDocument.transform((doc, ctx): LegacyDocument => {
  // Before Extended JSON queuedAt could be absent; the ObjectId still says when the document was made.
  const queuedAt = doc.queuedAt ?? doc._id.createdAt;
  if (!queuedAt) ctx.addIssue({ code: "custom", path: ["queuedAt"], message: "missing (and _id is not an ObjectId to date it by)" });

  const listed = doc.distributionSlots ?? [];
  const singleSlot = doc.multiSlotEnabled === false || listed.length === 0;
  let slots: LegacySlot[] = [];
  if (singleSlot) {
    const ros = rosCheck(doc.rosPercentage);
    if ("error" in ros) {
      const message = doc.rosPercentage === undefined ? "missing (a single-slot document needs it)" : ros.error;
      ctx.addIssue({ code: "custom", path: ["rosPercentage"], message });
    } else if (queuedAt) {
      // Before per-slot status the document's status was its one execution's status.
      slots = [
        {
          slotNumber: 1,
          rosPercentage: ros.value,
          scheduledFor: doc.scheduledFor ?? queuedAt,
          status: doc.status ?? null,
          executionDetails: null,
        },
      ];
    }
  } else {
    listed.forEach((slot, index) => {
      if (slot.scheduledFor)
        slots.push({
          ...slot,
          scheduledFor: slot.scheduledFor,
          status: slot.status ?? null,
          executionDetails: slot.executionDetails ?? null,
        });
      else ctx.addIssue({ code: "custom", path: ["distributionSlots", index, "scheduledFor"], message: "missing" });
    });
  }
  if (!queuedAt) return z.NEVER;
  return {
    legacyId: doc._id.id,
    date: doc.date,
    premiumPoolAmount: doc.premiumPoolAmount,
    performancePoolAmount: doc.performancePoolAmount,
    description: doc.description ?? "",
    status: doc.status ?? null,
    queuedAt,
    lastExecutedAt: doc.lastExecution?.executedAt ?? null,
    singleSlot,
    slots,
  };
});

/** "distributionSlots[1].slotNumber: duplicate slot number 2; date: missing" */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.reduce<string>(
        (text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
        "",
      );
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join("; ");
}
