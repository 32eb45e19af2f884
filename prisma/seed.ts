// npm run db:seed [-- --demo]: settings, the admin of ADMIN_* (or the demo accounts), demo data on request.
import { withDatabase } from "@/lib/db/database-session";
import { demoDataPolicy } from "@/lib/seed/demo-mode";
import { explainFailure } from "@/lib/seed/explain-failure";
import { formatSeedReport } from "@/lib/seed/format-seed-report";
import { runSeed } from "@/lib/seed/run-seed";

try {
  const policy = demoDataPolicy(process.argv.includes("--demo") ? "always" : "never");
  const report = await withDatabase(({ client }) => runSeed({ db: client, demoData: policy }));
  console.log(formatSeedReport(report).join("\n"));
  process.exit(0);
} catch (error) {
  console.error(`Seeding failed: ${explainFailure(error)}`);
  process.exit(1);
}
