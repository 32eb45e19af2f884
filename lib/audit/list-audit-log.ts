import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { loadSettings } from "@/lib/distribution/settings-store";
import { auditLogWhereSql } from "./audit-log-filter-sql";
import type { AuditLogQuery } from "./audit-log-query";

type AuditRow = {
  id: number;
  at: Date;
  actor_id: number | null;
  actor_email: string | null;
  action: string;
  outcome: string;
  reason: string | null;
  before: Prisma.JsonValue;
  after: Prisma.JsonValue;
  details: Prisma.JsonValue;
};

export type AuditLogEntry = {
  id: number;
  at: string;
  action: string;
  outcome: string;
  reason: string | null;
  before: unknown;
  after: unknown;
  details: unknown;
  actor: { id: number | null; email: string | null } | null;
};

export type AuditLogPage = {
  page: number;
  pageSize: number;
  total: number;
  timeZone: string;
  /** Every action the log holds, for a filter's choices. */
  actions: string[];
  entries: AuditLogEntry[];
};

/** GET /api/admin/audit-log: the entries that pass every filter, newest first, one page at a time. */
export async function listAuditLog(query: AuditLogQuery): Promise<AuditLogPage> {
  const { timeZone } = await loadSettings(db());
  const where = await auditLogWhereSql({ db: db(), query, timeZone });
  const [[{ total }], rows, actions] = await Promise.all([
    db().$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM audit_log ${where}`,
    db().$queryRaw<AuditRow[]>`
      SELECT id, at, actor_id, actor_email, action, outcome, reason, before, after, details FROM audit_log ${where}
      ORDER BY id DESC LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    db().$queryRaw<{ action: string }[]>`SELECT DISTINCT action FROM audit_log ORDER BY action`,
  ]);
  return {
    page: query.page,
    pageSize: query.pageSize,
    total,
    timeZone,
    actions: actions.map((row) => row.action),
    entries: rows.map((row) => ({
      id: row.id,
      at: new Date(row.at).toISOString(),
      action: row.action,
      outcome: row.outcome,
      reason: row.reason,
      before: row.before,
      after: row.after,
      details: row.details,
      actor: row.actor_id !== null || row.actor_email ? { id: row.actor_id, email: row.actor_email } : null,
    })),
  };
}
