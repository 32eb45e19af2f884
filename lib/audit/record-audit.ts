import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";

export type AuditActor = { id?: number | null; email?: string | null };
export type AuditOutcome = "OK" | "REFUSED" | "FAILED";

type Json = Prisma.InputJsonValue | undefined;

export type AuditEntry = {
  actor: AuditActor | null;
  action: string;
  outcome: AuditOutcome;
  reason?: string | null;
  before?: Json;
  after?: Json;
  details?: Json;
};

type AuditWriter = Pick<ReturnType<typeof db>, "auditLog">;

/** Appends one audit row; pass a transaction client to make it part of the change it records. */
export async function recordAudit(entry: AuditEntry, writer: AuditWriter = db()): Promise<void> {
  await writer.auditLog.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      action: entry.action,
      outcome: entry.outcome,
      reason: entry.reason ?? null,
      before: entry.before,
      after: entry.after,
      details: entry.details,
    },
  });
}
