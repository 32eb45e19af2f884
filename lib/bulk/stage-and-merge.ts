import type { RowError } from "./row-schemas";
import {
  analyzeStagingSql,
  bulkLockSql,
  bulkSql,
  bulkWorkMemSql,
  createStagingSql,
  validateStagingSql,
  type BulkKind,
} from "./staging-sql";

/** What the shared SQL needs from a connection inside an open transaction: Prisma's or pg's. */
export type SqlRunner = {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** A statement whose result is not read (DDL, the lock: void columns Prisma cannot decode). */
  execute(sql: string): Promise<unknown>;
};

export type BulkStep = "load" | "resolve" | "validate" | "merge";
export type MergeCounts = { created: number; updated: number; unchanged: number };
export type StageOutcome = { ok: true; counts: MergeCounts } | { ok: false; errors: RowError[]; errorCount: number };

/**
 * Inside the caller's transaction: stage the rows (`load` fills the staging table), validate
 * them there, and unless a row is refused merge them in one statement. On refusal nothing is
 * merged, and the caller rolls back.
 */
export async function stageAndMerge(options: {
  runner: SqlRunner;
  kind: BulkKind;
  load: () => Promise<number>;
  /** Told how long each step took (the import benchmark prints it). */
  onStep?: (step: BulkStep, ms: number) => void;
}): Promise<StageOutcome> {
  const { runner, kind } = options;
  let since = performance.now();
  const stepDone = (step: BulkStep) => {
    options.onStep?.(step, performance.now() - since);
    since = performance.now();
  };
  await runner.execute(bulkLockSql);
  await runner.execute(bulkWorkMemSql);
  await runner.execute(createStagingSql(kind));
  const staged = await options.load();
  stepDone("load");
  const resolved = bulkSql[kind].resolved;
  if (resolved) await runner.execute(resolved.sql);
  // A temporary table has no statistics until analysed: without them a million rows get a nested
  // loop, and an update of no changed rows a scan of every stake.
  await runner.execute(analyzeStagingSql(kind));
  stepDone("resolve");
  const refused = await runner.query<{ row_no: number; field: string; message: string; total: number }>(validateStagingSql(kind));
  stepDone("validate");
  if (refused.length > 0) {
    return {
      ok: false,
      errorCount: refused[0].total,
      errors: refused.map(({ row_no, field, message }) => ({ row: row_no, field, message })),
    };
  }
  const [merged] = await runner.query<{ created: number; updated: number }>(bulkSql[kind].merge);
  stepDone("merge");
  return { ok: true, counts: { created: merged.created, updated: merged.updated, unchanged: staged - merged.created - merged.updated } };
}
