// npm run import:stakes -- <file.csv|file.ndjson> [--members] [--dry-run] – millions of stakes
// (or members) through COPY, validated and merged all or nothing (docs/INTEGRATION.md).
import { runImportStakesCli } from "@/lib/bulk/run-import-stakes-cli";

let code: number;
try {
  code = await runImportStakesCli(process.argv.slice(2));
} catch (error) {
  console.error(`Import stopped, nothing imported: ${error instanceof Error ? error.message : String(error)}`);
  code = 1;
}
process.exit(code);
