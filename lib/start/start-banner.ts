import { totpUri } from "@/lib/auth/totp";
import type { ConsoleAccounts } from "@/lib/seed/console-accounts";
import { isDemoMode } from "@/lib/seed/demo-mode";

/** What a newcomer needs to sign in: the URL and, in demo mode, the credentials and 2FA set-up. */
export function formatStartBanner(options: { url: string; accounts: ConsoleAccounts }): string {
  const { url, accounts } = options;
  const lines = ["", `  Slotpay: ${url}`];
  if (!isDemoMode()) {
    if (accounts.admin) lines.push(`  Admin: ${accounts.admin.email}`);
    return [...lines, ""].join("\n");
  }
  for (const account of [accounts.admin, accounts.viewer]) {
    if (!account) continue;
    const password = account.passwordGenerated ? account.password : "(from ADMIN_PASSWORD)";
    lines.push(
      "",
      `  ${(account.role === "ADMIN" ? "Admin" : "Viewer").padEnd(10)}${account.email}`,
      `  ${"password".padEnd(10)}${password}`,
      `  ${"2FA".padEnd(10)}${totpUri(account.totpSecret, account.email)}`,
    );
  }
  lines.push(
    "",
    "  Add the otpauth URI to an authenticator app, or print the current code with:",
    "    npm run otp            (admin)",
    "    npm run otp -- viewer  (viewer)",
    "",
  );
  return lines.join("\n");
}
