import { Prisma } from "@/lib/db/generated/client";
import type { DbExecutor } from "@/lib/db/client";
import { instantOfLocalTime } from "@/lib/distribution/time-zone";
import type { AuditLogQuery } from "./audit-log-query";

const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * Entries about one day: admin changes carry details.date; slot executions carry the slot's id
 * (and the day's). With a slot number: that slot's executions and exports, and the day's admin
 * changes that changed that slot (its entry in before and after differ).
 */
async function aboutDaySql(database: DbExecutor, date: string, slotNumber: number | undefined): Promise<Prisma.Sql> {
  const day = await database.day.findUnique({
    where: { date: new Date(`${date}T00:00:00.000Z`) },
    select: { id: true, slots: { select: { id: true, slotNumber: true } } },
  });
  const slotIds = (day?.slots ?? [])
    .filter((slot) => slotNumber === undefined || slot.slotNumber === slotNumber)
    .map((slot) => String(slot.id));
  const ofSlots = slotIds.length > 0 ? Prisma.sql`details->>'slotId' IN (${Prisma.join(slotIds)})` : Prisma.sql`false`;
  const onDate = Prisma.sql`details->>'date' = ${date}`;
  if (slotNumber === undefined) {
    const ofDay = day ? Prisma.sql`details->>'dayId' = ${String(day.id)}` : Prisma.sql`false`;
    return Prisma.sql`(${onDate} OR ${ofDay} OR ${ofSlots})`;
  }
  const slotPath = Prisma.sql`'$.slots[*] ? (@.slotNumber == $n)', jsonb_build_object('n', ${slotNumber}::int)`;
  const changedSlot = Prisma.sql`jsonb_path_query_first(coalesce(before, '{}'), ${slotPath}) IS DISTINCT FROM jsonb_path_query_first(coalesce(after, '{}'), ${slotPath})`;
  return Prisma.sql`(${ofSlots} OR (${onDate} AND (details->>'slotNumber' = ${String(slotNumber)} OR ${changedSlot})))`;
}

/** The WHERE clause of an audit log query. */
export async function auditLogWhereSql(options: { db: DbExecutor; query: AuditLogQuery; timeZone: string }): Promise<Prisma.Sql> {
  const { query, timeZone } = options;
  const conditions: Prisma.Sql[] = [];
  if (query.action) conditions.push(Prisma.sql`action = ${query.action}`);
  if (query.outcome) conditions.push(Prisma.sql`outcome = ${query.outcome}`);
  if (query.actor) conditions.push(Prisma.sql`actor_email ILIKE ${`%${likeEscaped(query.actor)}%`}`);
  if (query.from) conditions.push(Prisma.sql`at >= ${instantOfLocalTime(query.from, "00:00", timeZone)}`);
  if (query.to) conditions.push(Prisma.sql`at < ${instantOfLocalTime(nextDate(query.to), "00:00", timeZone)}`);
  if (query.date) conditions.push(await aboutDaySql(options.db, query.date, query.slot));
  return conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}
