// npm run bench:import – the time `npm run import:stakes` takes for 1,000,000 stakes over 200,000
// members on a local PostgreSQL (target: 30 s on 2 cores), and for the same file again (all unchanged).
// env: BENCH_IMPORT_DATABASE_URL (dropped and recreated), BENCH_IMPORT_STAKES, BENCH_IMPORT_MEMBERS.
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { importFile } from "@/lib/bulk/import-file";
import { recreateBenchDatabase } from "./database";

const databaseUrl = process.env.BENCH_IMPORT_DATABASE_URL ?? "postgresql://slotpay:slotpay@127.0.0.1:5432/slotpay_bench_import";
const stakes = Number(process.env.BENCH_IMPORT_STAKES ?? 1_000_000);
const members = Number(process.env.BENCH_IMPORT_MEMBERS ?? 200_000);

async function writeLines(file: string, header: string, count: number, line: (i: number) => string) {
  const out = createWriteStream(file);
  out.write(`${header}\n`);
  for (let i = 0; i < count; i++) if (!out.write(`${line(i)}\n`)) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

async function timed(label: string, work: () => Promise<unknown>) {
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label}: ${seconds.toFixed(1)} s  ${JSON.stringify(result)}`);
  return seconds;
}

const dir = await mkdtemp(path.join(os.tmpdir(), "slotpay-bench-import-"));
try {
  await recreateBenchDatabase(databaseUrl);
  const membersFile = path.join(dir, "members.csv");
  const stakesFile = path.join(dir, "stakes.csv");
  await writeLines(
    membersFile,
    "externalId,email,name,performanceScore",
    members,
    (i) => `m${i},m${i}@bench.test,Member ${i},${i % 100}.5`,
  );
  await writeLines(stakesFile, "externalId,memberExternalId,principal,status,startedAt,endedAt", stakes, (i) =>
    i % 20 === 0
      ? `s${i},m${i % members},${(i % 5000) + 1}.12345678,ENDED,2026-10-01T00:00:00Z,2026-11-01T00:00:00Z`
      : `s${i},m${i % members},${(i % 5000) + 1}.12345678,ACTIVE,2026-10-01T00:00:00Z,`,
  );
  const run = (file: string, kind: "members" | "stakes") => async () => {
    const steps: string[] = [];
    const outcome = await importFile({
      databaseUrl,
      file,
      kind,
      dryRun: false,
      onStep: (step, ms) => steps.push(`${step} ${(ms / 1000).toFixed(1)} s`),
    });
    console.log(`  ${steps.join(", ")}`);
    if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
    return outcome.counts;
  };
  console.log(`bench:import on ${os.cpus().length} cores, ${members.toLocaleString("en")} members, ${stakes.toLocaleString("en")} stakes`);
  await timed(`import ${members.toLocaleString("en")} members`, run(membersFile, "members"));
  const first = await timed(`import ${stakes.toLocaleString("en")} stakes (all new)`, run(stakesFile, "stakes"));
  await timed(`import the same ${stakes.toLocaleString("en")} stakes again (all unchanged)`, run(stakesFile, "stakes"));
  console.log(`${first <= 30 ? "OK" : "OVER TARGET"}: ${stakes.toLocaleString("en")} new stakes in ${first.toFixed(1)} s (target 30 s)`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
