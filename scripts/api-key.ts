// npm run api-key -- create --name <name> --scopes <scopes> | list | revoke <id> – machines' keys (decision 021).
// With the embedded database, stop `npm start` first (one process may open PGlite), or use the console.
import { runApiKeyCli } from "@/lib/api-keys/run-api-key-cli";
import { closeDb } from "@/lib/db/client";

let code: number;
try {
  code = await runApiKeyCli(process.argv.slice(2));
} catch (error) {
  console.error(`api-key stopped: ${error instanceof Error ? error.message : String(error)}`);
  code = 1;
} finally {
  await closeDb();
}
process.exit(code);
