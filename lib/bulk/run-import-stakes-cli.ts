import { existsSync } from "node:fs";
import { importFile } from "./import-file";

export const importUsage =
  "Usage: npm run import:stakes -- <file.csv|file.ndjson> [--members] [--dry-run]\n" +
  "  stakes: externalId,memberExternalId,principal,status,startedAt,endedAt\n" +
  "  --members: the file holds members: externalId,email,name,performanceScore";

type Output = { log: (line: string) => void; error: (line: string) => void; progress?: (line: string) => void };

const shownErrors = 50;

/** Exit codes: 0 imported (or checked, with --dry-run); 1 lines refused, nothing imported; 2 bad usage. */
export async function runImportStakesCli(args: readonly string[], out: Output = console): Promise<number> {
  const flags = new Set(args.filter((arg) => arg.startsWith("--") && arg !== "--"));
  const files = args.filter((arg) => !arg.startsWith("--"));
  const unknown = [...flags].filter((flag) => flag !== "--members" && flag !== "--dry-run");
  if (files.length !== 1 || unknown.length > 0) {
    out.error(`${unknown.length ? `Unknown option ${unknown.join(", ")}\n` : ""}${importUsage}`);
    return 2;
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    out.error("The importer needs PostgreSQL: set DATABASE_URL. With the embedded database, send rows to PUT /api/admin/stakes.");
    return 2;
  }
  if (!existsSync(files[0])) {
    out.error(`No such file: ${files[0]}`);
    return 2;
  }
  const kind = flags.has("--members") ? "members" : "stakes";
  const started = Date.now();
  const progress = out.progress ?? out.error;
  const outcome = await importFile({
    databaseUrl,
    file: files[0],
    kind,
    dryRun: flags.has("--dry-run"),
    onProgress: (lines) => progress(`  ${lines.toLocaleString("en")} lines read (${((Date.now() - started) / 1000).toFixed(1)} s)`),
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (!outcome.ok) {
    out.error(
      `${outcome.errorCount.toLocaleString("en")} bad line${outcome.errorCount === 1 ? "" : "s"} in ${files[0]}; nothing was imported.`,
    );
    for (const error of outcome.errors.slice(0, shownErrors))
      out.error(`  line ${error.row}${error.field ? ` ${error.field}` : ""}: ${error.message}`);
    if (outcome.errorCount > shownErrors) out.error(`  … and ${(outcome.errorCount - shownErrors).toLocaleString("en")} more`);
    return 1;
  }
  const { created, updated, unchanged } = outcome.counts;
  const verb = outcome.dryRun ? "Checked (dry run, nothing written)" : "Imported";
  out.log(
    `${verb} ${outcome.rows.toLocaleString("en")} ${kind} in ${seconds} s: ${created.toLocaleString("en")} created, ${updated.toLocaleString("en")} updated, ${unchanged.toLocaleString("en")} unchanged.`,
  );
  return 0;
}
