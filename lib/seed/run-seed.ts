import type { PrismaClient } from "@/lib/db/generated/client";
import { resolveConsoleAccounts } from "./console-accounts";
import { ensureDefaultSettings, type SettingsOutcome } from "./default-settings";
import { seedDemoData, type DemoDataOutcome } from "./demo-data";
import type { DemoDataPolicy } from "./demo-mode";
import { ensureConsoleUser, type ConsoleUserOutcome } from "./ensure-console-user";

export type SeedReport = {
  settings: SettingsOutcome;
  users: ConsoleUserOutcome[];
  demoData: DemoDataOutcome | { outcome: "not-requested" } | { outcome: "database-has-stakes"; stakes: number };
};

async function seedDemoDataPerPolicy(db: PrismaClient, policy: DemoDataPolicy): Promise<SeedReport["demoData"]> {
  if (policy === "never") return { outcome: "not-requested" };
  if (policy === "if-no-stakes") {
    const stakes = await db.stake.count();
    if (stakes > 0) return { outcome: "database-has-stakes", stakes };
  }
  return seedDemoData({ db });
}

/** Settings, console users, then (per policy) demo data. Every step is idempotent. */
export async function runSeed(options: { db: PrismaClient; demoData: DemoDataPolicy }): Promise<SeedReport> {
  const { db } = options;
  // Resolved first: a bad ADMIN_* or SLOTPAY_TIME_ZONE fails before anything is written.
  const accounts = resolveConsoleAccounts();
  const settings = await ensureDefaultSettings({ db });
  const users: ConsoleUserOutcome[] = [];
  for (const account of [accounts.admin, accounts.viewer]) {
    if (account) users.push(await ensureConsoleUser({ db, account }));
  }
  return { settings, users, demoData: await seedDemoDataPerPolicy(db, options.demoData) };
}
