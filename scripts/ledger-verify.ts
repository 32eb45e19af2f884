// npm run ledger:verify – checks the ledger's invariants; exits 1 with a report on any mismatch.
import { closeDb, db } from "@/lib/db/client";
import { verifyLedger } from "@/lib/ledger/verify-ledger";

const report = await verifyLedger(db());
await closeDb();
if (report.ok) {
  const archived = report.archivedEntries > 0 ? ` (and ${report.archivedEntries} in archived months' checkpoints)` : "";
  console.log(
    `Ledger OK: ${report.ledgerEntries} entries${archived}, ${report.wallets} wallets; every balance equals its entries, no payout twice.`,
  );
} else {
  console.error("Ledger check FAILED:");
  console.error(JSON.stringify(report, null, 2));
  process.exitCode = 1;
}
