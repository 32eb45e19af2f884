// npm run ledger:archive -- --before YYYY-MM – detaches the ledger's months before that month, keeping their totals (decision 024).
import { closeDb, db } from "@/lib/db/client";
import { archiveLedgerMonths } from "@/lib/ledger/archive-ledger-months";
import { archiveUsage, parseArchiveArgs } from "@/lib/ledger/parse-archive-args";

const args = parseArchiveArgs(process.argv.slice(2));
if ("error" in args) {
  console.error(`ledger:archive: ${args.error}\n${archiveUsage}`);
  process.exit(2);
}

try {
  const outcomes = await archiveLedgerMonths({ db: db(), before: args.before });
  if (outcomes.length === 0) console.log(`No ledger month before ${args.before}: nothing to archive.`);
  for (const o of outcomes) {
    const what =
      o.outcome === "refused" ? `refused: ${o.reason}` : `${o.outcome}: ${o.entries} entries, ${o.users} members, ${o.amount} paid`;
    console.log(`${o.month} (${o.partition}) ${what}`);
  }
  if (outcomes.some((o) => o.outcome === "archived")) {
    console.log("Detached tables stay in the database as plain tables: dump them (pg_dump -t <table>), then DROP TABLE them.");
  }
  if (outcomes.some((o) => o.outcome === "refused")) process.exitCode = 1;
} finally {
  await closeDb();
}
