import { afterAll, beforeAll } from "vitest";
import { ensureNextBuild, freePort, startAppServer, type AppServer } from "../support/app-server";

/**
 * A `next start` of the current build on this test file's own database, started before the
 * file's tests and stopped after them. Returns a getter: the server exists once beforeAll ran.
 */
export function appServerForThisFile(env: Record<string, string> = {}): () => AppServer {
  let server: AppServer | undefined;
  beforeAll(async () => {
    await ensureNextBuild();
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) throw new Error("the test setup sets DATABASE_URL to this file's database");
    server = await startAppServer({
      port: await freePort(),
      databaseUrl,
      env: { SLOTPAY_SCHEDULER: "off", SLOTPAY_LOG: "silent", ...env },
    });
  }, 600_000);
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error("the app server has not started");
    return server;
  };
}
