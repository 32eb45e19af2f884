import type { EntryRef } from "./prepare-legacy-entry";
import type { ImportOutcome, ImportReport } from "./import-legacy";

// What `npm run import:legacy` prints: a line per document as it goes, then the counts and
// every problem again so they are not lost in a long run.

const where = (ref: EntryRef) =>
  ref.legacyId ? `_id ${ref.legacyId} (document ${ref.index}, line ${ref.line})` : `document ${ref.index} at line ${ref.line} (no _id)`;

export function formatOutcome(outcome: ImportOutcome, dryRun: boolean): string {
  switch (outcome.outcome) {
    case "imported":
      return `${dryRun ? "would import" : "imported"}  ${where(outcome.ref)}: ${outcome.date}, ${outcome.slots} slot${outcome.slots === 1 ? "" : "s"}, day ${outcome.status}`;
    case "skipped":
      return `skipped  ${where(outcome.ref)}: ${outcome.date}, ${outcome.reason}`;
    case "conflict":
      return `conflict  ${where(outcome.ref)}: ${outcome.reason}; skipped`;
    case "invalid":
      return `invalid  ${where(outcome.ref)}: ${outcome.reason}`;
    case "failed":
      return `failed  ${where(outcome.ref)}: ${outcome.date}, ${outcome.reason}`;
  }
}

export function formatSummary(report: ImportReport): string[] {
  const { counts } = report;
  const total = report.outcomes.length;
  const summary =
    `${report.dryRun ? "Dry run, nothing written. " : ""}${total} document${total === 1 ? "" : "s"}: ` +
    `${counts.imported} ${report.dryRun ? "would be imported" : "imported"}, ${counts.skipped} already imported, ` +
    `${counts.conflict} conflict${counts.conflict === 1 ? "" : "s"}, ${counts.invalid} invalid, ${counts.failed} failed`;
  const problems = report.outcomes.filter((o) => o.outcome === "conflict" || o.outcome === "invalid" || o.outcome === "failed");
  if (problems.length === 0) return [summary];
  return [summary, `Problems (${problems.length}):`, ...problems.map((o) => `  ${formatOutcome(o, report.dryRun)}`)];
}
