import v8 from "node:v8";
import vm from "node:vm";
import { beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { tick } from "@/lib/distribution/execution/tick";
import { createConsoleUser, signInAs } from "../../factories/users";
import { createActor, queueDay, setSettings, executionSettings } from "../../helpers/execution-data";
import { exportCsv, ledgerSumOfDay } from "../../helpers/payouts-export";

process.env.SLOTPAY_LOG = "silent";

// A coarse guard against an export that holds the whole result in Node: 300,000 ledger rows of
// ~30 MB of CSV must stream through a heap that grows far less than the rows would take.
// No timing bar; `npm run bench:export` prints the figures of a 1M-row export.

// What the heap keeps, not the garbage it has yet to collect: the peak of heapUsed between
// collections depends on when V8 collects (79 MB on a loaded machine, 27 MB alone, for the same
// export). So the heap, and the buffers beside it, are measured after a full collection, every few chunks.
v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;
const retainedHeap = () => {
  collectGarbage();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external; // buffers live outside the JS heap
};

const date = "2030-10-01";
const stakes = 300_000;
let cookie: string;

beforeAll(async () => {
  await setSettings(executionSettings);
  await db().$executeRawUnsafe(`INSERT INTO users (email, performance_score)
    SELECT 'holder-' || g || '@memory.slotpay.test', g % 100 FROM generate_series(1, 20000) g`);
  await db().$executeRawUnsafe(`INSERT INTO stakes (user_id, principal, status, started_at)
    SELECT (SELECT min(id) FROM users) + (g - 1) % 20000, 1 + (g % 4999) / 7.0, 'ACTIVE', '2030-09-01T00:00:00Z' FROM generate_series(1, ${stakes}) g`);
  await queueDay({
    actor: await createActor(),
    date,
    premium: "5000",
    performance: "3000",
    slots: [{ slotNumber: 1, rosPercentage: "1", scheduledFor: `${date}T10:00:00.000Z` }],
  });
  expect((await tick({ now: new Date(`${date}T10:00:01Z`) })).executed).toMatchObject([{ status: "COMPLETED" }]);
  cookie = (await signInAs(await createConsoleUser({ role: "VIEWER" }))).cookie;
}, 180_000);

it("streams a 300,000-row day with the heap growing far less than the rows would take", async () => {
  // Before the call: an export that built the whole body before answering counts too.
  const baseline = retainedHeap();
  const response = await exportCsv({ cookie, date });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let peak = baseline;
  let bytes = 0;
  let lines = 0;
  let units = 0n;
  let tail = "";
  let chunks = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes += chunk.value.byteLength;
    chunks++;
    const text = tail + decoder.decode(chunk.value, { stream: true });
    const rows = text.split("\r\n");
    tail = rows.pop() ?? "";
    for (const row of rows) {
      lines++;
      if (lines === 1) continue; // the header
      units += BigInt(row.slice(row.lastIndexOf(",") + 1).replace(".", ""));
    }
    if (chunks % 5 === 0) peak = Math.max(peak, retainedHeap());
  }
  const growthMb = (peak - baseline) / 1024 / 1024;
  console.log(
    `payout export: ${lines - 1} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB of CSV in ${chunks} chunks, retained heap growth ${growthMb.toFixed(1)} MB`,
  );

  expect(tail).toBe("");
  expect(lines - 1).toBe(await db().ledgerEntry.count());
  expect(lines - 1).toBeGreaterThan(stakes);
  const sum = `${units / 100_000_000n}.${String(units % 100_000_000n).padStart(8, "0")}`;
  expect(sum).toBe(await ledgerSumOfDay(date));
  expect(bytes).toBeGreaterThan(28 * 1024 * 1024);
  expect(chunks).toBeGreaterThan(40); // enough samples to see a heap that grows with the rows
  expect(growthMb).toBeLessThan(24); // the whole day kept in Node would be well over its 28 MB of CSV
}, 120_000);

it("a cancelled download closes its database connection", async () => {
  const connections = async () =>
    Number(
      (
        await db().$queryRawUnsafe<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'slotpay-payout-export'`,
        )
      )[0].n,
    );
  const response = await exportCsv({ cookie, date });
  const reader = response.body!.getReader();
  await reader.read(); // the header
  await reader.read(); // the first batch: the cursor's connection is open now
  expect(await connections()).toBe(1);
  await reader.cancel();
  expect(await connections()).toBe(0);
});
