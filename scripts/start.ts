// npm start: migrate, seed, build when sources changed, then `next start` on PORT (default 3000).
import path from "node:path";
import { resolveConsoleAccounts } from "@/lib/seed/console-accounts";
import { withDatabase } from "@/lib/db/database-session";
import { demoDataPolicy, isDemoMode } from "@/lib/seed/demo-mode";
import { explainFailure } from "@/lib/seed/explain-failure";
import { formatSeedReport } from "@/lib/seed/format-seed-report";
import { migrateDatabase } from "@/lib/start/migrate-database";
import { nextBuildNeededBecause } from "@/lib/start/next-build";
import { runCommand } from "@/lib/start/run-command";
import { runSeed } from "@/lib/seed/run-seed";
import { startEnvironment } from "@/lib/start/start-environment";
import { formatStartBanner } from "@/lib/start/start-banner";

const projectRoot = process.cwd();
const next = path.join(projectRoot, "node_modules", ".bin", "next");

try {
  const { env, port, url } = startEnvironment();
  // Demo data only for the embedded demo: a fresh production database must not get fake members.
  const demoData = demoDataPolicy(isDemoMode() ? "if-no-stakes" : "never");
  await withDatabase(async (session) => {
    console.log((await migrateDatabase(session)).join("\n"));
    console.log(formatSeedReport(await runSeed({ db: session.client, demoData })).join("\n"));
  });

  const buildReason = nextBuildNeededBecause({ projectRoot });
  if (buildReason) {
    console.log(`Building the app (${buildReason})…`);
    const buildCode = await runCommand({ command: next, args: ["build"], env });
    if (buildCode !== 0) process.exit(buildCode);
  }

  console.log(formatStartBanner({ url, accounts: resolveConsoleAccounts() }));
  process.exit(await runCommand({ command: next, args: ["start", "-p", String(port)], env }));
} catch (error) {
  console.error(`Start failed: ${explainFailure(error)}`);
  process.exit(1);
}
