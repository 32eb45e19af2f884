// npm run bench:import – the time `npm run import:stakes` takes for 1,000,000 stakes over 200,000
// members on a local PostgreSQL (target: 30 s on 2 cores), and for the same file again (all unchanged).
// The same phase runs at the end of `npm run bench`; this runs it alone, on a fresh database.
// env: BENCH_IMPORT_DATABASE_URL (dropped and recreated), BENCH_IMPORT_STAKES, BENCH_IMPORT_MEMBERS.
import os from "node:os";
import { recreateBenchDatabase } from "./database";
import { throughputBars } from "./throughput";
import { measureImport } from "./import-phase";
import { count, seconds } from "./report";

const databaseUrl = process.env.BENCH_IMPORT_DATABASE_URL ?? "postgresql://slotpay:slotpay@127.0.0.1:5432/slotpay_bench_import";
const stakes = Number(process.env.BENCH_IMPORT_STAKES ?? 1_000_000);
const members = Number(process.env.BENCH_IMPORT_MEMBERS ?? 200_000);

await recreateBenchDatabase(databaseUrl);
console.log(
  `bench:import on ${os.cpus().length} cores (load ${os.loadavg()[0].toFixed(1)}), ${count(members)} members, ${count(stakes)} stakes`,
);
const figures = await measureImport({ databaseUrl, stakes, members, log: (line) => console.log(line) });
const withinBar = figures.ms <= throughputBars.importMs;
console.log(
  `${withinBar ? "OK" : "OVER TARGET"}: ${count(stakes)} new stakes in ${seconds(figures.ms)} (target ${seconds(throughputBars.importMs)})`,
);
console.log(JSON.stringify({ stakes, members, loadAverage: os.loadavg()[0], import: figures }));
