import type { SeedReport } from "./run-seed";

function demoDataLine(demo: SeedReport["demoData"]): string | null {
  switch (demo.outcome) {
    case "created":
      return (
        `Demo data: ${demo.members} members, ${demo.activeStakes} active and ${demo.endedStakes} ended stakes, a wallet per user; ` +
        `${demo.premiumQualified} members qualify for the premium pool, ${demo.performanceQualified} for the performance pool.`
      );
    case "already-present":
      return `Demo data: already present (${demo.members} members), left as is.`;
    case "database-has-stakes":
      return `Demo data: skipped, the database already has ${demo.stakes} stakes.`;
    case "not-requested":
      return null;
  }
}

/** A few lines saying what the seed did. */
export function formatSeedReport(report: SeedReport): string[] {
  const { settings } = report;
  const lines = [
    settings.created
      ? `Settings: created with time zone ${settings.timeZone} and 48 half-hourly slot times.`
      : `Settings: already present (time zone ${settings.timeZone}), left as is.`,
  ];
  if (settings.ignoredTimeZone) {
    lines.push(`  SLOTPAY_TIME_ZONE=${settings.ignoredTimeZone} not applied: change the time zone in the cron settings.`);
  }
  if (report.users.length === 0) {
    lines.push("Admin: none ensured (set ADMIN_EMAIL, ADMIN_PASSWORD and ADMIN_TOTP_SECRET to create one).");
  }
  for (const user of report.users) {
    const detail = user.outcome === "updated" ? ` (${user.changed.join(", ")})` : "";
    lines.push(`${user.role === "ADMIN" ? "Admin" : "Viewer"} ${user.email}: ${user.outcome}${detail}.`);
  }
  const demo = demoDataLine(report.demoData);
  if (demo) lines.push(demo);
  return lines;
}
