// The set-based core shared by the bulk upsert routes and `npm run import:stakes`: rows go into
// a temporary staging table (JSON for the routes, COPY for the importer), are validated there
// against each other and the database, and are merged in one statement. Nothing here loops per row.

export type BulkKind = "members" | "stakes";

type StagingColumn = { name: string; type: string };

type KindSql = {
  table: string;
  columns: StagingColumn[];
  /** Staged rows joined once to what they refer to; validate and merge read this table instead. */
  resolved?: { table: string; sql: string };
  /** Refused rows as (row, field, message), in row order. */
  validate: string;
  /** One statement: created and updated counts; rows neither created nor updated were unchanged. */
  merge: string;
};

const memberColumns: StagingColumn[] = [
  { name: "row_no", type: "integer" },
  { name: "external_id", type: "text" },
  { name: "email", type: "text" },
  { name: "name", type: "text" },
  { name: "performance_score", type: "numeric(20,8)" },
];

const stakeColumns: StagingColumn[] = [
  { name: "row_no", type: "integer" },
  { name: "external_id", type: "text" },
  { name: "member_external_id", type: "text" },
  { name: "principal", type: "numeric(20,8)" },
  { name: "status", type: "text" },
  // The same precision as stakes' columns, so a re-sent row compares equal to what was stored.
  { name: "started_at", type: "timestamptz(3)" },
  { name: "ended_at", type: "timestamptz(3)" },
];

const duplicatesOf = (table: string, column: string, field: string) => `
  SELECT s.row_no, '${field}' AS field,
         '${field} ' || s.${column} || ' appears more than once (first in row ' || d.first_row || ')' AS message
  FROM ${table} s
  JOIN (SELECT ${column}, min(row_no) AS first_row FROM ${table} GROUP BY ${column} HAVING count(*) > 1) d USING (${column})
  WHERE s.row_no <> d.first_row`;

const memberSql: KindSql = {
  table: "member_staging",
  columns: memberColumns,
  validate: `
    ${duplicatesOf("member_staging", "external_id", "externalId")}
    UNION ALL ${duplicatesOf("member_staging", "email", "email")}
    UNION ALL
    SELECT s.row_no, 'email', 'email ' || s.email || ' belongs to another account'
    FROM member_staging s JOIN users u ON u.email = s.email
    WHERE u.external_id IS DISTINCT FROM s.external_id`,
  merge: `
    WITH updated AS (
      UPDATE users u SET email = s.email, name = s.name, performance_score = s.performance_score
      FROM member_staging s
      WHERE u.external_id = s.external_id
        AND (u.email, u.name, u.performance_score) IS DISTINCT FROM (s.email, s.name, s.performance_score)
      RETURNING 1
    ), created AS (
      INSERT INTO users (external_id, email, name, performance_score)
      SELECT s.external_id, s.email, s.name, s.performance_score FROM member_staging s
      WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.external_id = s.external_id)
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM created)::int AS created, (SELECT count(*) FROM updated)::int AS updated`,
};

// Stakes are resolved once: one pass joins the staged rows to their members and to the stakes
// they already are, so validation reads columns and the merge inserts and updates by key with no
// join of its own (a million-row stakes table is scanned once, not three times).
const stakeSql: KindSql = {
  table: "stake_staging",
  columns: stakeColumns,
  resolved: {
    table: "stake_resolved",
    sql: `
      CREATE TEMP TABLE stake_resolved ON COMMIT DROP AS
      SELECT s.*, u.id AS user_id, t.id AS stake_id, t.user_id AS stake_user_id,
             t.id IS NOT NULL AND (t.principal, t.status::text, t.started_at, t.ended_at)
               IS DISTINCT FROM (s.principal, s.status, s.started_at, s.ended_at) AS changed
      FROM stake_staging s
      LEFT JOIN users u ON u.external_id = s.member_external_id
      LEFT JOIN stakes t ON t.external_id = s.external_id`,
  },
  validate: `
    ${duplicatesOf("stake_resolved", "external_id", "externalId")}
    UNION ALL
    SELECT row_no, 'memberExternalId', 'no member has externalId ' || member_external_id
    FROM stake_resolved WHERE user_id IS NULL
    UNION ALL
    SELECT s.row_no, 'memberExternalId',
           'stake ' || s.external_id || ' belongs to member ' || coalesce(owner.external_id, '#' || owner.id) || ': a stake cannot move to another member'
    FROM stake_resolved s JOIN users owner ON owner.id = s.stake_user_id
    WHERE s.user_id IS DISTINCT FROM s.stake_user_id`,
  // user_id is never set by the update: a stake keeps its member even if a check above raced.
  // Only rows resolved as changed are joined, and compared again against the row as it is now:
  // an unchanged re-import writes no row version. The foreign key still checks every new row.
  merge: `
    WITH updated AS (
      UPDATE stakes t SET principal = r.principal, status = r.status::"StakeStatus",
                          started_at = r.started_at, ended_at = r.ended_at
      FROM stake_resolved r
      WHERE r.changed AND t.id = r.stake_id AND t.user_id = r.user_id
        AND (t.principal, t.status::text, t.started_at, t.ended_at)
            IS DISTINCT FROM (r.principal, r.status, r.started_at, r.ended_at)
      RETURNING 1
    ), created AS (
      INSERT INTO stakes (external_id, user_id, principal, status, started_at, ended_at)
      SELECT external_id, user_id, principal, status::"StakeStatus", started_at, ended_at
      FROM stake_resolved WHERE stake_id IS NULL
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM created)::int AS created, (SELECT count(*) FROM updated)::int AS updated`,
};

export const bulkSql: Record<BulkKind, KindSql> = { members: memberSql, stakes: stakeSql };

export const stagingColumnNames = (kind: BulkKind) => bulkSql[kind].columns.map((column) => column.name);

export const createStagingSql = (kind: BulkKind) =>
  `CREATE TEMP TABLE ${bulkSql[kind].table} (${bulkSql[kind].columns.map((c) => `${c.name} ${c.type}`).join(", ")}) ON COMMIT DROP`;

/** The routes' load: every row in one parameter, a JSON array of arrays in column order. */
export const insertStagingFromJsonSql = (kind: BulkKind) => {
  const { table, columns } = bulkSql[kind];
  const picks = columns.map((c, i) => `(r->>${i})::${c.type}`).join(", ");
  return `INSERT INTO ${table} SELECT ${picks} FROM jsonb_array_elements($1::jsonb) AS r`;
};

/** The importer's load, for pg-copy-streams: text format, tab-separated, \\N for null. */
export const copyStagingSql = (kind: BulkKind) => `COPY ${bulkSql[kind].table} (${stagingColumnNames(kind).join(", ")}) FROM STDIN`;

export const maxReportedErrors = 1_000;

export const validateStagingSql = (kind: BulkKind) =>
  `SELECT row_no, field, message, count(*) OVER ()::int AS total FROM (${bulkSql[kind].validate}) e ORDER BY row_no, field LIMIT ${maxReportedErrors}`;

// Bulk writes of both kinds take turns: a stake upsert never checks members that a concurrent
// member upsert is half-way through writing, and two bodies with the same new id do not race.
export const bulkLockSql = "SELECT pg_advisory_xact_lock(7263011)";

/** The table validate and merge read: the resolved one where the kind has it. */
export const analyzeStagingSql = (kind: BulkKind) => `ANALYZE ${bulkSql[kind].resolved?.table ?? bulkSql[kind].table}`;

// The hash joins of a million-row merge spill to disk at the default 4 MB; this transaction only.
export const bulkWorkMemSql = "SET LOCAL work_mem = '64MB'";
