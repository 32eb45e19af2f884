// npm run import:legacy -- <file> [--dry-run] – imports an export of the old MongoDB
// DailyDistributionQueue collection (SPEC §8, docs/decisions/004-legacy-import.md).
import { closeDb } from "@/lib/db/client";
import { runImportCli } from "@/lib/legacy/run-import-cli";

let code: number;
try {
  code = await runImportCli(process.argv.slice(2));
} catch (error) {
  console.error(`Import stopped: ${error instanceof Error ? error.message : String(error)}`);
  code = 1;
} finally {
  await closeDb();
}
process.exit(code);
