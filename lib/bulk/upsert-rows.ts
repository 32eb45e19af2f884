import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { inTransaction, type DbExecutor } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseRow, stagingValues } from "./parse-rows";
import type { BulkBody } from "./read-bulk-body";
import type { RowError } from "./row-schemas";
import { stageAndMerge, type SqlRunner } from "./stage-and-merge";
import { insertStagingFromJsonSql, maxReportedErrors, type BulkKind } from "./staging-sql";

const refusal = (errors: RowError[], errorCount: number) =>
  new AppError("VALIDATION", `${errorCount} row${errorCount === 1 ? "" : "s"} refused; nothing was written`, {
    details: errors.slice(0, maxReportedErrors),
  });

// Bulk writes take turns (one advisory lock), so only a write outside them — a console account
// created with the same email meanwhile — can still collide with a merge.
const isUniqueViolation = (error: unknown) =>
  /23505|duplicate key value|Unique constraint/i.test(`${String(error)} ${JSON.stringify(error) ?? ""}`);

/** The transaction of one upsert; a unique violation from a concurrent writer is a 409 to retry, not a 500. */
async function mergeInTransaction<T>(work: (tx: DbExecutor) => Promise<T>, options: { timeoutMs: number }): Promise<T> {
  try {
    return await inTransaction(work, options);
  } catch (error) {
    if (!(error instanceof AppError) && isUniqueViolation(error))
      throw new AppError("CONFLICT", "Another write changed these rows at the same moment; send the request again");
    throw error;
  }
}

const runnerOf = (tx: DbExecutor): SqlRunner => ({
  query: <T>(sql: string, params: unknown[] = []) => tx.$queryRawUnsafe<T[]>(sql, ...params),
  execute: (sql: string) => tx.$executeRawUnsafe(sql),
});

/** PUT /api/admin/members or /stakes: all rows or none, idempotent, audited with who sent them. */
export async function upsertRows(options: { kind: BulkKind; actor: AuditActor; body: BulkBody }) {
  const { kind, body } = options;
  const errors: RowError[] = [...body.errors];
  const staging: (string | number | null)[][] = [];
  const unreadable = new Set(body.errors.map((error) => error.row));
  body.rows.forEach((raw, row) => {
    if (unreadable.has(row)) return;
    const parsed = parseRow(kind, raw, row);
    if (parsed.ok) staging.push([row, ...stagingValues(kind, parsed.value)]);
    else errors.push(...parsed.errors);
  });
  if (errors.length > 0)
    throw refusal(
      errors.sort((a, b) => a.row - b.row),
      errors.length,
    );

  const counts = await mergeInTransaction(
    async (tx) => {
      const outcome = await stageAndMerge({
        runner: runnerOf(tx),
        kind,
        load: async () => {
          await tx.$executeRawUnsafe(insertStagingFromJsonSql(kind), JSON.stringify(staging));
          return staging.length;
        },
      });
      if (!outcome.ok) throw refusal(outcome.errors, outcome.errorCount);
      await recordAudit(
        { actor: options.actor, action: `${kind}.upsert`, outcome: "OK", details: { rows: staging.length, ...outcome.counts } },
        tx,
      );
      return outcome.counts;
    },
    { timeoutMs: 120_000 },
  );
  return {
    success: true as const,
    message: `${staging.length} ${kind === "members" ? "member" : "stake"} row${staging.length === 1 ? "" : "s"}: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`,
    ...counts,
  };
}
