import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensureNextBuild, freePort, startAppServer, type AppServer } from "../support/app-server";
import { planInngestServer, type InngestMode, type InngestServer } from "../support/inngest-server";
import { createMember, setSettings } from "./execution-data";
import { waitFor } from "./inngest-day";
import { adminOverHttp, eventsOf } from "./running-app";
import { useMiddayTimeZone as settleTodayAtMidday } from "./today";

// The servers of one day under a real Inngest server: `next start` on this test file's database
// and the Inngest server calling it, with `members` members who each hold one stake.

export async function startDayServers(options: { mode: InngestMode; members: number }) {
  await ensureNextBuild();
  await settleTodayAtMidday();
  await setSettings({ premiumMinStake: "1000" }); // every member shares the premium pool, paid in full by slot 1
  for (let n = 0; n < options.members; n++) {
    await createMember({ score: "10", stakes: [{ principal: "1000", startedAt: new Date(Date.now() - 86_400_000).toISOString() }] });
  }
  const planned = await planInngestServer({ mode: options.mode });
  const port = await freePort();
  // Signed mode names the origin explicitly; dev mode relies on the default, NEXTAUTH_URL (http://localhost:<port>).
  // (127.0.0.2: the server would write 127.0.0.1 as localhost, hiding which origin was registered.)
  const serveOrigin = options.mode === "signed" ? `http://127.0.0.2:${port}` : `http://localhost:${port}`;
  const originEnv: Record<string, string> = options.mode === "signed" ? { INNGEST_SERVE_ORIGIN: serveOrigin } : {};
  const app = await startAppServer({
    port,
    databaseUrl: process.env.DATABASE_URL ?? "",
    env: { ...planned.appEnv, ...originEnv },
    keepLines: 20_000,
  });
  let inngest: InngestServer | undefined;
  try {
    inngest = await planned.start({ appUrl: `${serveOrigin}/api/inngest` });
    const admin = await adminOverHttp(app);
    // An event sent before the server has synced the app starts no run: wait for its functions first
    // (one sync registers them all).
    const synced = async () => (await inngest?.apps())?.some((a) => a.name === "slotpay" && a.functions.length > 0);
    await waitFor("the app to be synced", synced, 60_000);
    // One run for a slot that does not exist, so the day's first slot is not the one that warms the app's code paths.
    const warmUp = { dayId: 999_999, slotNumber: 1, scheduledFor: new Date(0).toISOString() };
    await inngest.send([{ name: "distribution/slot.scheduled", data: warmUp }]);
    await waitFor("the warm-up run", async () => eventsOf(app, "inngest.slot-claim").some((e) => e.dayId === warmUp.dayId), 60_000);
    return { app, inngest, admin, serveOrigin };
  } catch (error) {
    // The caller never gets the servers to stop: stop them here, and keep their logs.
    const logs = saveServerLogs(options.mode, app, inngest);
    await app.stop();
    await inngest?.stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)} (the servers' logs: ${logs})`, { cause: error });
  }
}

/** Both servers' output in one file under the temp directory (for a failure's post-mortem); returns its path. */
export function saveServerLogs(mode: InngestMode, app?: AppServer, inngest?: InngestServer): string {
  const file = path.join(tmpdir(), `slotpay-inngest-${mode}-${process.pid}.log`);
  writeFileSync(file, [...(app?.output() ?? []), "---- inngest ----", ...(inngest?.output() ?? [])].join("\n"));
  return file;
}
