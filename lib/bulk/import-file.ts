import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { copyTextLine } from "./copy-text";
import { csvCells } from "./csv-line";
import { parseRow, stagingValues } from "./parse-rows";
import type { RowError } from "./row-schemas";
import { stageAndMerge, type BulkStep, type MergeCounts, type SqlRunner } from "./stage-and-merge";
import { copyStagingSql, maxReportedErrors, type BulkKind } from "./staging-sql";

export type ImportOutcome =
  | { ok: true; lines: number; rows: number; counts: MergeCounts; dryRun: boolean }
  | { ok: false; lines: number; errors: RowError[]; errorCount: number };

const csvColumns: Record<BulkKind, string[]> = {
  members: ["externalId", "email", "name", "performanceScore"],
  stakes: ["externalId", "memberExternalId", "principal", "status", "startedAt", "endedAt"],
};

/** The importer's connection names itself so (the import benchmark finds its backend by it). */
export const importApplicationName = "slotpay-import";

/** Thrown by the load when a line is refused: the transaction is rolled back before any merge. */
class RefusedLines extends Error {
  constructor(
    readonly errors: RowError[],
    readonly errorCount: number,
  ) {
    super("refused lines");
  }
}

/**
 * `npm run import:stakes`: streams a CSV (with a header line) or NDJSON file through the row
 * schema into the staging table with COPY, then the shared validation and merge, in one
 * transaction. Any refused line (reported by its line number) means nothing is imported.
 */
export async function importFile(options: {
  databaseUrl: string;
  file: string;
  kind: BulkKind;
  dryRun: boolean;
  onProgress?: (lines: number) => void;
  progressEvery?: number;
  onStep?: (step: BulkStep, ms: number) => void;
}): Promise<ImportOutcome> {
  const format = /\.ndjson$|\.jsonl$/i.test(options.file) ? "ndjson" : "csv";
  const client = new pg.Client({ connectionString: options.databaseUrl, application_name: importApplicationName });
  await client.connect();
  const runner: SqlRunner = {
    query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
    execute: (sql: string) => client.query(sql),
  };
  let lines = 0;
  try {
    await client.query("BEGIN");
    const outcome = await stageAndMerge({
      runner,
      kind: options.kind,
      onStep: options.onStep,
      load: async () => {
        const errors: RowError[] = [];
        let errorCount = 0;
        let staged = 0;
        const refuse = (found: RowError[]) => {
          errorCount += found.length;
          if (errors.length < maxReportedErrors) errors.push(...found.slice(0, maxReportedErrors - errors.length));
        };
        async function* copyChunks(): AsyncGenerator<string> {
          const input = createInterface({ input: createReadStream(options.file, "utf8"), crlfDelay: Infinity });
          let header: string[] | null = format === "ndjson" ? csvColumns[options.kind] : null;
          let chunk = "";
          for await (const line of input) {
            lines++;
            if (options.onProgress && lines % (options.progressEvery ?? 100_000) === 0) options.onProgress(lines);
            if (line.trim() === "") continue;
            if (!header) {
              header = csvHeader(options.kind, line, refuse);
              if (!header) return;
              continue;
            }
            const raw = format === "ndjson" ? ndjsonRow(line) : csvRow(header, line);
            if (raw === undefined) {
              refuse([
                { row: lines, field: null, message: format === "ndjson" ? "the line is not valid JSON" : "the line's quotes do not close" },
              ]);
              continue;
            }
            const parsed = parseRow(options.kind, raw, lines);
            if (!parsed.ok) {
              refuse(parsed.errors);
              continue;
            }
            if (errorCount > 0) continue; // nothing will be imported: stop copying, keep checking
            chunk += copyTextLine([lines, ...stagingValues(options.kind, parsed.value)]);
            staged++;
            if (chunk.length > 256 * 1024) {
              yield chunk;
              chunk = "";
            }
          }
          if (chunk) yield chunk;
        }
        await pipeline(Readable.from(copyChunks()), client.query(copyFrom(copyStagingSql(options.kind))));
        if (errorCount > 0) throw new RefusedLines(errors, errorCount);
        return staged;
      },
    });
    if (!outcome.ok) {
      await client.query("ROLLBACK");
      return { ok: false, lines, errors: outcome.errors, errorCount: outcome.errorCount };
    }
    if (options.dryRun) {
      await client.query("ROLLBACK");
    } else {
      await client.query(`INSERT INTO audit_log (actor_email, action, outcome, details) VALUES ('command line', $1, 'OK', $2)`, [
        `${options.kind}.import`,
        JSON.stringify({ file: options.file, ...outcome.counts }),
      ]);
      await client.query("COMMIT");
    }
    const rows = outcome.counts.created + outcome.counts.updated + outcome.counts.unchanged;
    return { ok: true, lines, rows, counts: outcome.counts, dryRun: options.dryRun };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    if (error instanceof RefusedLines) return { ok: false, lines, errors: error.errors, errorCount: error.errorCount };
    throw error;
  } finally {
    await client.end();
  }
}

function csvHeader(kind: BulkKind, line: string, refuse: (errors: RowError[]) => void): string[] | null {
  const cells = csvCells(line.replace(/^\uFEFF/, ""))?.map((cell) => cell?.trim() ?? "");
  const missing = csvColumns[kind].filter((column) => column !== "endedAt" && column !== "name" && !cells?.includes(column));
  const unknown = (cells ?? []).filter((cell) => !csvColumns[kind].includes(cell));
  if (!cells || missing.length > 0 || unknown.length > 0) {
    refuse([
      {
        row: 1,
        field: null,
        message: `the header must name the columns ${csvColumns[kind].join(",")}${missing.length ? `; missing ${missing.join(", ")}` : ""}${unknown.length ? `; unknown ${unknown.join(", ")}` : ""}`,
      },
    ]);
    return null;
  }
  return cells;
}

function csvRow(header: string[], line: string): Record<string, string> | undefined {
  const cells = csvCells(line);
  if (!cells) return undefined;
  const row: Record<string, string> = {};
  for (let i = 0; i < header.length; i++) {
    const cell = cells[i];
    if (cell !== undefined) row[header[i]] = cell;
  }
  // Extra cells beyond the header are a row error the schema reports as an unknown field.
  for (let i = header.length; i < cells.length; i++) if (cells[i] !== undefined) row[`column ${i + 1}`] = cells[i] as string;
  return row;
}

function ndjsonRow(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}
