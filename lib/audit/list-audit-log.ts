import { z } from "zod";
import { db } from "@/lib/db/client";

export const auditLogQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  action: z.string().max(100).optional(),
  outcome: z.enum(["OK", "REFUSED", "FAILED"]).optional(),
});

/** GET /api/admin/audit-log: newest first, one page at a time. */
export async function listAuditLog(query: z.output<typeof auditLogQuery>) {
  const where = { action: query.action, outcome: query.outcome };
  const [total, rows] = await Promise.all([
    db().auditLog.count({ where }),
    db().auditLog.findMany({ where, orderBy: { id: "desc" }, skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
  ]);
  return {
    page: query.page,
    pageSize: query.pageSize,
    total,
    entries: rows.map(({ actorId, actorEmail, at, ...entry }) => ({
      ...entry,
      at: at.toISOString(),
      actor: actorId || actorEmail ? { id: actorId, email: actorEmail } : null,
    })),
  };
}
