// Playwright's web server: a fresh, migrated and seeded PostgreSQL database, an up-to-date
// production build, then `next start` on the e2e port.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { applyMigrations } from "../lib/db/migrations";
import { nextBuildNeededBecause } from "../lib/start/next-build";
import { createDatabase, dropDatabase, endSessionsOn, testDatabaseUrl, withAdminClient } from "../tests/setup/test-database";
import { adminCredentials, e2eAuthSecret, e2eBaseUrl, e2eDatabaseName, e2ePort } from "./fixtures";

const projectRoot = process.cwd();
const bin = (name: string) => path.join(projectRoot, "node_modules", ".bin", name);

function runOrExit(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`e2e server: \`${path.basename(command)} ${args.join(" ")}\` failed (${result.status ?? result.signal})`);
    process.exit(1);
  }
}

const databaseUrl = testDatabaseUrl(e2eDatabaseName); // refuses a non-local TEST_DATABASE_URL
const serverEnv: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  NEXTAUTH_URL: e2eBaseUrl,
  NEXTAUTH_SECRET: e2eAuthSecret,
  ENABLE_TEST_ENDPOINTS: "true",
  NEXT_TELEMETRY_DISABLED: "1",
  // Dozens of e2e users sign in from this one address, some with wrong passwords on purpose:
  // the sign-in throttle must never trip for them (a test that wants it starts its own server).
  SLOTPAY_SIGN_IN_ATTEMPTS_PER_MINUTE: "100000",
  SLOTPAY_SIGN_IN_FREE_FAILURES_PER_CLIENT: "100000",
  SLOTPAY_SIGN_IN_FREE_FAILURES_PER_ACCOUNT: "1000",
};

console.log(`e2e server: recreating ${e2eDatabaseName}`);
await withAdminClient(async (admin) => {
  await dropDatabase(admin, e2eDatabaseName);
  await createDatabase(admin, e2eDatabaseName);
});
await applyMigrations({ kind: "postgres", url: databaseUrl });
// The migration session holds Prisma's advisory lock until its pool idles out; the server may migrate too.
await withAdminClient((admin) => endSessionsOn(admin, e2eDatabaseName));

if (!existsSync(path.join(projectRoot, "prisma", "seed.ts"))) {
  console.error("e2e server: prisma/seed.ts is missing, so there is no admin to sign in as");
  process.exit(1);
}
runOrExit(bin("tsx"), ["prisma/seed.ts"], {
  ...serverEnv,
  ADMIN_EMAIL: adminCredentials.email,
  ADMIN_PASSWORD: adminCredentials.password,
  ADMIN_TOTP_SECRET: adminCredentials.totpSecret,
});

const rebuildReason = nextBuildNeededBecause({ projectRoot });
if (rebuildReason) {
  console.log(`e2e server: building, because ${rebuildReason}`);
  runOrExit(bin("next"), ["build"], { ...serverEnv, SLOTPAY_BUILD_SKIP_TYPECHECK: "1" });
}

const server = spawn(bin("next"), ["start", "-p", String(e2ePort)], { stdio: "inherit", env: serverEnv });
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
