import { readFile } from "node:fs/promises";
import { pgliteDataDir } from "@/lib/db/client";
import { formatOutcome, formatSummary } from "./format-import-report";
import { LegacyImportDatabaseError, importLegacyExport } from "./import-legacy";
import { LegacyExportError, readLegacyExport } from "./read-legacy-export";

export const usage = "Usage: npm run import:legacy -- <export.json|export.ndjson> [--dry-run]";

export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

export type CliArgs = { help: true } | { help: false; file: string; dryRun: boolean };

/** The command line, or a message saying what is wrong with it. */
export function parseImportArgs(args: readonly string[]): CliArgs | { error: string } {
  const files: string[] = [];
  let dryRun = false;
  let optionsEnded = false;
  for (const arg of args) {
    if (!optionsEnded && arg === "--") optionsEnded = true;
    else if (!optionsEnded && (arg === "--help" || arg === "-h")) return { help: true };
    else if (!optionsEnded && arg === "--dry-run") dryRun = true;
    else if (!optionsEnded && arg.startsWith("-")) return { error: `Unknown option ${arg}` };
    else files.push(arg);
  }
  if (files.length !== 1)
    return { error: files.length === 0 ? "Which file? Give the export to import." : `One file at a time, got ${files.length}` };
  return { help: false, file: files[0], dryRun };
}

/** Where the import goes, without the password. */
export function describeDatabase(url: string | undefined): string {
  if (!url) return `the embedded PGlite database at ${pgliteDataDir()}`;
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return "the database in DATABASE_URL";
  }
}

type Output = { log: (line: string) => void; error: (line: string) => void };

/**
 * Exit codes: 0 the run went through every document (invalid ones are reported, not fatal);
 * 1 the file cannot be read or parsed, the database cannot be used, or a document's write
 * failed; 2 bad usage.
 */
export async function runImportCli(args: readonly string[], out: Output = console): Promise<number> {
  const parsed = parseImportArgs(args);
  if ("error" in parsed) {
    out.error(`${parsed.error}\n${usage}`);
    return exitCodes.usage;
  }
  if (parsed.help) {
    out.log(usage);
    return exitCodes.ok;
  }

  let text: string;
  try {
    text = await readFile(parsed.file, "utf8");
  } catch (error) {
    out.error(`Cannot read ${parsed.file}: ${error instanceof Error ? error.message : String(error)}`);
    return exitCodes.failed;
  }
  let entries;
  let format;
  try {
    ({ entries, format } = readLegacyExport(text));
  } catch (error) {
    if (!(error instanceof LegacyExportError)) throw error;
    out.error(`Cannot parse ${parsed.file}: ${error.message}`);
    return exitCodes.failed;
  }

  out.log(
    `${parsed.dryRun ? "Dry run: checking" : "Importing"} ${entries.length} document${entries.length === 1 ? "" : "s"} ` +
      `from ${parsed.file} (${format === "json-array" ? "JSON array" : "one document per line"}) into ${describeDatabase(process.env.DATABASE_URL)}`,
  );
  try {
    const report = await importLegacyExport({ entries, dryRun: parsed.dryRun, onOutcome: (o) => out.log(formatOutcome(o, parsed.dryRun)) });
    for (const line of formatSummary(report)) out.log(line);
    return report.counts.failed > 0 ? exitCodes.failed : exitCodes.ok;
  } catch (error) {
    if (!(error instanceof LegacyImportDatabaseError)) throw error;
    out.error(error.message);
    return exitCodes.failed;
  }
}
