import { recordAudit } from "@/lib/audit/record-audit";
import { db, inTransaction, type DbExecutor } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { lockDayDate } from "@/lib/distribution/day-lock";
import type { SlotStatus } from "@/lib/distribution/slot-status";
import { ensureLedgerPartitions } from "@/lib/ledger/ensure-ledger-partitions";
import type { ImportedDay } from "./map-legacy-document";
import { prepareLegacyEntry, type EntryRef } from "./prepare-legacy-entry";
import type { ExportEntry } from "./read-legacy-export";

export type ImportOutcome = { ref: EntryRef } & (
  | { outcome: "imported"; date: string; slots: number; status: SlotStatus }
  | { outcome: "skipped"; date: string; reason: string }
  | { outcome: "conflict"; date: string; reason: string }
  | { outcome: "invalid"; reason: string }
  | { outcome: "failed"; date: string; reason: string }
);
export type OutcomeKind = ImportOutcome["outcome"];
export const outcomeKinds: readonly OutcomeKind[] = ["imported", "skipped", "conflict", "invalid", "failed"];

export type ImportReport = { dryRun: boolean; outcomes: ImportOutcome[]; counts: Record<OutcomeKind, number> };

/** The database cannot be used at all (unreachable, not migrated): nothing was attempted. */
export class LegacyImportDatabaseError extends Error {}

type DayOnDate = { id: number; legacyId: string | null };
type Existing = { sameLegacyId: boolean; dayOnDate: DayOnDate | null };
type Decision = { outcome: "import" } | { outcome: "skipped" | "conflict"; reason: string };

export const alreadyImported = "already imported";

function decide(day: ImportedDay, existing: Existing): Decision {
  if (existing.sameLegacyId) return { outcome: "skipped", reason: alreadyImported };
  const other = existing.dayOnDate;
  if (!other) return { outcome: "import" };
  const owner = other.legacyId ? `the day of _id ${other.legacyId}` : `a day queued in Slotpay (day id ${other.id})`;
  return { outcome: "conflict", reason: `${day.date} is taken by ${owner}` };
}

const dateValue = (date: string) => new Date(`${date}T00:00:00.000Z`);

async function findExisting(client: DbExecutor, day: ImportedDay): Promise<Existing> {
  const [byLegacyId, onDate] = await Promise.all([
    client.day.findUnique({ where: { legacyId: day.legacyId }, select: { id: true } }),
    client.day.findUnique({ where: { date: dateValue(day.date) }, select: { id: true, legacyId: true } }),
  ]);
  return { sameLegacyId: byLegacyId !== null, dayOnDate: onDate };
}

async function writeDay(tx: DbExecutor, day: ImportedDay): Promise<void> {
  await tx.day.create({
    data: {
      legacyId: day.legacyId,
      date: dateValue(day.date),
      premiumPoolAmount: day.premiumPoolAmount,
      performancePoolAmount: day.performancePoolAmount,
      premiumPoolPaid: day.premiumPoolPaid,
      performancePoolPaid: day.performancePoolPaid,
      description: day.description,
      multiSlotEnabled: day.multiSlotEnabled,
      status: day.status,
      queuedAt: day.queuedAt,
      queuedById: null, // Mongo user ids have no counterpart here
      slots: {
        create: day.slots.map((slot) => ({
          slotNumber: slot.slotNumber,
          rosPercentage: slot.rosPercentage,
          scheduledFor: slot.scheduledFor,
          status: slot.status,
          attempts: slot.attempts,
          executionDetails: slot.executionDetails ?? Prisma.DbNull,
        })),
      },
    },
  });
  await recordAudit(
    {
      actor: null,
      action: "legacy.import",
      outcome: "OK",
      details: { legacyId: day.legacyId },
      after: { date: day.date, status: day.status, slots: day.slots.length },
    },
    tx,
  );
}

/** One document in its own transaction, under the same per-date lock as admin changes: all of it or nothing. */
async function importDay(day: ImportedDay): Promise<Decision> {
  // A day still to run will pay into its month's ledger partition: made ready before the day exists.
  if (day.slots.some((slot) => slot.status === "PENDING")) await ensureLedgerPartitions({ dates: [day.date] });
  return inTransaction(async (tx) => {
    await lockDayDate(tx, day.date);
    const decision = decide(day, await findExisting(tx, day));
    if (decision.outcome === "import") await writeDay(tx, day);
    return decision;
  });
}

/** Only the first line of a driver error: Prisma's messages carry the whole call. */
function shortMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.at(-1) ?? "unknown error";
}

/**
 * Imports the documents of a legacy export in file order. A dry run reads the database to tell
 * what would happen, including clashes between documents of the same file, and writes nothing.
 */
export async function importLegacyExport(options: {
  entries: readonly ExportEntry[];
  dryRun: boolean;
  onOutcome?: (outcome: ImportOutcome) => void;
}): Promise<ImportReport> {
  try {
    await db().day.count();
  } catch (error) {
    throw new LegacyImportDatabaseError(`Cannot use the database: ${shortMessage(error)}`, { cause: error });
  }

  const planned = { legacyIds: new Set<string>(), dates: new Map<string, string>() };
  const outcomes: ImportOutcome[] = [];
  for (const entry of options.entries) {
    const prepared = prepareLegacyEntry(entry);
    let outcome: ImportOutcome;
    if (!prepared.valid) {
      outcome = { ref: prepared.ref, outcome: "invalid", reason: prepared.reason };
    } else {
      const { day, ref } = prepared;
      try {
        let decision: Decision;
        if (options.dryRun) {
          const stored = await findExisting(db(), day);
          const plannedOwner = planned.dates.get(day.date);
          decision = decide(day, {
            sameLegacyId: stored.sameLegacyId || planned.legacyIds.has(day.legacyId),
            dayOnDate: stored.dayOnDate ?? (plannedOwner ? { id: 0, legacyId: plannedOwner } : null),
          });
          if (decision.outcome === "import") {
            planned.legacyIds.add(day.legacyId);
            planned.dates.set(day.date, day.legacyId);
          }
        } else {
          decision = await importDay(day);
        }
        outcome =
          decision.outcome === "import"
            ? { ref, outcome: "imported", date: day.date, slots: day.slots.length, status: day.status }
            : { ref, outcome: decision.outcome, date: day.date, reason: decision.reason };
      } catch (error) {
        outcome = { ref, outcome: "failed", date: day.date, reason: `nothing of it was written: ${shortMessage(error)}` };
      }
    }
    outcomes.push(outcome);
    options.onOutcome?.(outcome);
  }

  const counts = Object.fromEntries(outcomeKinds.map((kind) => [kind, 0])) as Record<OutcomeKind, number>;
  for (const outcome of outcomes) counts[outcome.outcome]++;
  return { dryRun: options.dryRun, outcomes, counts };
}
