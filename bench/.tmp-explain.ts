import pg from "pg";
import { bulkSql, createStagingSql } from "@/lib/bulk/staging-sql";
const c = new pg.Client({ connectionString: "postgresql://slotpay:slotpay@127.0.0.1:5432/slotpay_bench_import" });
await c.connect();
await c.query("BEGIN");
await c.query(createStagingSql("stakes"));
await c.query(
  `INSERT INTO stake_staging SELECT s.id, s.external_id || 'n', u.external_id, s.principal, s.status::text, s.started_at, s.ended_at FROM stakes s JOIN users u ON u.id = s.user_id`,
);
await c.query("ANALYZE stake_staging");
const r = await c.query("EXPLAIN (ANALYZE, BUFFERS) " + bulkSql.stakes.merge);
console.log(r.rows.map((x) => x["QUERY PLAN"]).join("\n"));
await c.query("ROLLBACK");
await c.end();
