import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { freePort, startAppServer, type AppServer } from "../support/app-server";
import { findInngestServer, signLikeInngest, type InngestMode, type InngestServer } from "../support/inngest-server";
import { expectLedgerOk } from "./execution-data";
import { runLedgerVerify } from "./execution-processes";
import { saveServerLogs, startDayServers } from "./inngest-day-servers";
import {
  clearOfMinuteBoundaries,
  finalizedLines,
  injectPayoutError,
  slotRunsSince,
  slotsOfToday,
  waitFor,
  waitForSlotsToEnd,
  type SlotRow,
} from "./inngest-day";
import { eventsOf, rawRequest, type AdminOverHttp } from "./running-app";

// Slotpay's production driver against a real Inngest server (issue 8): `next start` on this
// file's database, an Inngest server calling its /api/inngest, and one day run through it in
// phases, each test reading back what the previous ones set going. Slots are planned a few
// seconds ahead and away from the minute, when the safety-net cron fires.

const stakesPerSlot = 3;
const slotBody = (slotNumber: number, at: number) => ({ slotNumber, rosPercentage: 1, scheduledFor: new Date(at).toISOString() });
const dayBody = (slots: ReturnType<typeof slotBody>[]) => ({
  premiumPoolAmount: 10,
  performancePoolAmount: 0,
  description: "inngest server",
  multiSlot: true,
  distributionSlots: slots,
});

type Phase1 = { first: number; removed: number; moved: { from: number; to: number }; together: number };

export function describeAgainstInngestServer(mode: InngestMode) {
  const binary = findInngestServer();
  if (!binary) {
    const message = "No Inngest server (INNGEST_DEV_SERVER_BIN or ../shared/tools/inngest/inngest): the real-server tests are skipped";
    if (process.env.CI) throw new Error(`${message} — in CI they must run (.ci/run provides the server)`);
    console.warn(message);
  }

  describe.skipIf(!binary)(
    `the per-slot driver against a real Inngest server (${mode === "dev" ? "inngest dev" : "inngest start, signed"})`,
    () => {
      let app: AppServer;
      let embeddedStarting: Promise<AppServer> | undefined;
      const lateness = new Map<number, number | null>();
      let inngest: InngestServer;
      let admin: AdminOverHttp;
      let serveOrigin: string;
      let dayId: number;
      let phase1: Phase1;
      const startedAt = new Date();

      beforeAll(async () => {
        ({ app, inngest, admin, serveOrigin } = await startDayServers({ mode, members: stakesPerSlot }));
      }, 300_000);

      afterAll(async () => {
        if (app) {
          const figures = [...lateness].map(([n, ms]) => `slot ${n}: ${ms ?? "-"} ms`).join(", ");
          console.info(
            `[${mode}] lateness (executedAt − scheduledFor): ${figures}; the servers' logs: ${saveServerLogs(mode, app, inngest)}`,
          );
        }
        await (await embeddedStarting?.catch(() => undefined))?.stop();
        await app?.stop();
        await inngest?.stop();
      });

      it("registers its functions with the configured serve origin, and a forged Host header cannot move them", async () => {
        const ours = await waitFor("the app to be synced", async () => (await inngest.apps()).find((a) => a.name === "slotpay"), 30_000);
        expect(ours.url).toBe(`${serveOrigin}/api/inngest`);
        expect(ours.functions.map((f) => f.slug).sort()).toEqual([
          "slotpay-deliver-slot-messages",
          "slotpay-distribution-safety-net-tick",
          "slotpay-run-distribution-slot",
          "slotpay-run-distribution-slot-failure",
        ]);
        for (const fn of ours.functions) expect(fn.url.startsWith(`${serveOrigin}/api/inngest?`)).toBe(true);

        const forged = await rawRequest(`${app.baseUrl}/api/inngest`, { method: "PUT", headers: { host: "attacker.example" } });
        // Signed mode refuses an unsigned sync; the dev server's syncs are unsigned by design, and re-register the configured origin.
        expect(forged.status).toBe(mode === "signed" ? 401 : 200);
        await sleep(500);
        const after = await inngest.apps();
        expect(
          after.filter((a) => a.url.includes("attacker.example") || a.functions.some((f) => f.url.includes("attacker.example"))),
        ).toEqual([]);
        expect(after.find((a) => a.name === "slotpay")?.url).toBe(`${serveOrigin}/api/inngest`);
      });

      it.runIf(mode === "signed")("refuses unsigned and wrongly signed calls to /api/inngest", async () => {
        const body = JSON.stringify({
          ctx: { attempt: 0, run_id: "01JTESTRUN0000000000000000" },
          event: { data: { dayId: 999_999, scheduledFor: "2020-01-01T00:00:00.000Z", slotNumber: 1 }, name: "distribution/slot.scheduled" },
          events: [],
          steps: {},
          version: 1,
        });
        const url = `${app.baseUrl}/api/inngest?fnId=slotpay-run-distribution-slot&stepId=step`;
        const post = (headers: Record<string, string>) =>
          rawRequest(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
        expect((await post({})).status).toBe(401);
        const otherKey = `signkey-prod-${"ab".repeat(32)}`;
        expect((await post({ "x-inngest-signature": signLikeInngest(body, otherKey) })).status).toBe(401);
        expect((await post({ "x-inngest-signature": "t=1&s=00" })).status).toBe(401);
        expect((await rawRequest(`${app.baseUrl}/api/inngest`, { method: "GET" })).status).toBe(401);
        // The same request signed with the server's key is accepted: the refusals above are about the signature.
        expect((await post({ "x-inngest-signature": signLikeInngest(body, inngest.signingKey ?? "") })).status).not.toBe(401);
      });

      it("runs a day of 3 slots through the per-slot function, each within 1 s of its time", async () => {
        // 10 s ahead: the day's runs all start now, and contend for its concurrency key while they do.
        const first = clearOfMinuteBoundaries(Date.now() + 10_000, 10_000);
        phase1 = { first, removed: first + 5_000, moved: { from: first + 6_000, to: first + 8_000 }, together: first + 10_000 };
        const slots = [
          slotBody(1, first),
          slotBody(2, first + 2_000),
          slotBody(3, first + 4_000),
          slotBody(4, phase1.moved.from),
          slotBody(5, phase1.removed),
          ...[8, 7, 6].map((n) => slotBody(n, phase1.together)),
        ];
        await admin.mutate("/queue", dayBody(slots));
        dayId = (await db().day.findFirstOrThrow({ where: { description: "inngest server" } })).id;
        // Slot 4 moves 2 s later through a queue merge; slot 5 is removed by a modify.
        await admin.mutate("/queue", dayBody([slotBody(4, phase1.moved.to)]));
        await admin.mutate(
          "/modify",
          dayBody(slots.filter((s) => s.slotNumber !== 5).map((s) => (s.slotNumber === 4 ? slotBody(4, phase1.moved.to) : s))),
        );

        const done = await waitForSlotsToEnd(dayId, [1, 2, 3], first + 4_000 - Date.now() + 15_000);
        const finalized = await finalizedLines(app, dayId, [1, 2, 3]);
        for (const n of [1, 2, 3]) {
          const slot = done.get(n) as SlotRow;
          lateness.set(n, slot.latenessMs);
          expect(slot).toMatchObject({ status: "COMPLETED", ledgerRows: stakesPerSlot * (n === 1 ? 2 : 1) });
          expect(slot.latenessMs).toBeGreaterThanOrEqual(0);
          expect(slot.latenessMs).toBeLessThan(1_000);
          expect(finalized.filter((e) => e.slotId === slot.id)).toEqual([
            expect.objectContaining({ driver: "inngest", status: "COMPLETED" }),
          ]);
        }
      });

      it("runs a slot moved later at its new time, once; the run for its old time is cancelled or skips", async () => {
        const done = await waitForSlotsToEnd(dayId, [4], phase1.moved.to - Date.now() + 15_000);
        const slot = done.get(4) as SlotRow;
        lateness.set(4, slot.latenessMs);
        expect(slot).toMatchObject({ status: "COMPLETED", ledgerRows: stakesPerSlot });
        expect(slot.scheduledFor.getTime()).toBe(phase1.moved.to);
        expect(slot.latenessMs).toBeGreaterThanOrEqual(0);
        expect(slot.latenessMs).toBeLessThan(1_000);
        const runs = (await slotRunsSince(inngest, startedAt)).filter((run) => run.slotNumber === 4);
        const oldRuns = runs.filter((run) => Date.parse(run.scheduledFor) === phase1.moved.from);
        expect(oldRuns.length).toBeGreaterThan(0);
        for (const run of oldRuns) {
          if (run.status !== "CANCELLED") expect(run).toMatchObject({ status: "COMPLETED", output: { status: "SKIPPED" } });
        }
        expect(eventsOf(app, "slot.completed").filter((e) => e.slotId === slot.id)).toHaveLength(1);
      });

      it("pays nothing for a removed slot", async () => {
        await waitFor("the removed slot's time to pass", async () => Date.now() > phase1.removed + 2_000, 30_000);
        expect((await slotsOfToday(dayId)).has(5)).toBe(false);
        const runs = (await slotRunsSince(inngest, startedAt)).filter((run) => run.slotNumber === 5);
        expect(runs.length).toBeGreaterThan(0);
        for (const run of runs) {
          if (run.status !== "CANCELLED") expect(run).toMatchObject({ status: "COMPLETED", output: { status: "SKIPPED" } });
        }
        const day = await db().day.findUniqueOrThrow({ where: { id: dayId }, include: { slots: true } });
        expect(await db().ledgerEntry.count({ where: { slotId: { notIn: day.slots.map((s) => s.id) } } })).toBe(0);
      });

      it("runs slots due together one after the other, in (scheduledFor, slotNumber) order", async () => {
        const done = await waitForSlotsToEnd(dayId, [6, 7, 8], phase1.together - Date.now() + 20_000);
        const [six, seven, eight] = [6, 7, 8].map((n) => done.get(n) as SlotRow);
        for (const slot of [six, seven, eight]) lateness.set(slot.slotNumber, slot.latenessMs);
        for (const slot of [six, seven, eight]) expect(slot).toMatchObject({ status: "COMPLETED", ledgerRows: stakesPerSlot });
        expect(seven.executedAt!.getTime()).toBeGreaterThanOrEqual(six.completedAt!.getTime());
        expect(eight.executedAt!.getTime()).toBeGreaterThanOrEqual(seven.completedAt!.getTime());
        expect(eight.latenessMs).toBeLessThan(5_000); // back to back, not one safety-net minute apart
        const finalized = await finalizedLines(app, dayId, [6, 7, 8]);
        for (const slot of [six, seven, eight]) {
          expect(finalized.filter((e) => e.slotId === slot.id)).toEqual([expect.objectContaining({ driver: "inngest" })]);
        }
      });

      it("retries a payout error, then onFailure marks the slot FAILED with the error; nothing of it is paid", async () => {
        const at = clearOfMinuteBoundaries(Date.now() + 4_000, 1_000);
        const removeInjection = await injectPayoutError({ slotNumber: 9, afterRows: 2 });
        try {
          await admin.mutate("/today/add-slots", { additionalSlots: [slotBody(9, at)] });
          await waitFor(
            "slot 9 to be claimed",
            async () => (await slotsOfToday(dayId)).get(9)?.status === "EXECUTING",
            at - Date.now() + 10_000,
          );
          // The last test's embedded instance starts meanwhile: its scheduler cannot take a slot Inngest holds.
          embeddedStarting = startAppServer({ port: await freePort(), databaseUrl: process.env.DATABASE_URL ?? "", keepLines: 5_000 });
          const done = await waitForSlotsToEnd(dayId, [9], at - Date.now() + 45_000);
          const slot = done.get(9) as SlotRow;
          expect(slot).toMatchObject({ status: "FAILED", ledgerRows: 0 });
          expect(slot.error).toContain(`injected payout failure after 2 rows of slot ${slot.id}`);
          // The first attempt and Inngest's 3 retries each rolled back after writing 2 rows.
          const attempts = eventsOf(app, "slot.attempt-failed").filter((e) => e.slotId === slot.id);
          expect(attempts).toHaveLength(4);
          const runs = (await slotRunsSince(inngest, startedAt)).filter((run) => run.slotNumber === 9);
          expect(runs.map((run) => run.status)).toEqual(["FAILED"]);
          await expectLedgerOk();
        } finally {
          await removeInjection();
        }
      });

      it("pays nothing through the safety net while the per-slot runs keep up", async () => {
        // At least one cron tick must have run since the day was queued; wait for the next if none has.
        const ticks = await waitFor(
          "a safety-net tick",
          async () => eventsOf(app, "inngest.safety-net-tick").length > 0 && eventsOf(app, "inngest.safety-net-tick"),
          65_000,
        );
        expect(ticks.map((tick) => tick.executed)).toEqual(ticks.map(() => 0));
      });

      it("pays every slot exactly once with the embedded scheduler and Inngest both running on one database", async () => {
        const embedded = await (embeddedStarting ?? Promise.reject(new Error("the embedded instance was not started")));
        const missing = await fetch(`${embedded.baseUrl}/api/inngest`);
        expect({ status: missing.status, body: await missing.json() }).toMatchObject({
          status: 404,
          body: { success: false, code: "NOT_FOUND" },
        });

        const at = Date.now() + 4_000;
        await admin.mutate("/today/add-slots", { additionalSlots: [slotBody(10, at), slotBody(11, at), slotBody(12, at + 1_000)] });
        const done = await waitForSlotsToEnd(dayId, [10, 11, 12], 30_000);
        for (const n of [10, 11, 12]) {
          const slot = done.get(n) as SlotRow;
          expect(slot).toMatchObject({ status: "COMPLETED", ledgerRows: stakesPerSlot });
          const completions = [...eventsOf(app, "slot.completed"), ...eventsOf(embedded, "slot.completed")].filter(
            (e) => e.slotId === slot.id,
          );
          expect(completions).toHaveLength(1);
        }
        const verify = await runLedgerVerify();
        expect(verify).toMatchObject({ code: 0, stdout: expect.stringContaining("Ledger OK") });
      });
    },
  );
}
