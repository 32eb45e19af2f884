// npm run otp [-- viewer]: the current 2FA code of the demo admin (or viewer). Never opens the
// database: the running server holds the embedded PGlite, and a second instance would corrupt it.
import { currentTotpCode, totpPeriodSeconds } from "@/lib/auth/totp";
import { readDemoCredentials } from "@/lib/seed/demo-credentials";
import { parseTotpSecret } from "@/lib/seed/totp-secret-input";

const who = process.argv[2] === "viewer" ? "viewer" : "admin";
const demo = readDemoCredentials();
const secret =
  who === "admin" && process.env.ADMIN_TOTP_SECRET
    ? parseTotpSecret(process.env.ADMIN_TOTP_SECRET, "ADMIN_TOTP_SECRET")
    : demo?.[who].totpSecret;
if (!secret) {
  console.error(`No ${who} TOTP secret: set ADMIN_TOTP_SECRET, or run \`npm start\` once to create the demo accounts.`);
  process.exit(1);
}
const email = who === "admin" ? (process.env.ADMIN_EMAIL ?? demo?.admin.email) : demo?.viewer.email;
const secondsLeft = totpPeriodSeconds - (Math.floor(Date.now() / 1000) % totpPeriodSeconds);
console.log(`${await currentTotpCode(secret)}  (${email ?? who}; valid ${secondsLeft}s more, each code signs in once)`);
