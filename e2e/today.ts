import { calendarDateIn } from "../lib/distribution/time-zone";
import { withE2eDatabase } from "./factories";

// Every board test runs on "today", and all tests share one e2e database, so each begins by
// making today its own (see e2e/README.md):
// - the settings' time zone is set to the whole-hour zone where it is now closest to noon, so
//   "today" cannot roll over during a test and slots can be put hours ahead on the same date;
// - today's day, and any day still holding PENDING or EXECUTING slots, is deleted, so the test
//   starts on an empty day and no slot of an earlier test is due when this one ticks.

export type TestDay = {
  timeZone: string;
  date: string;
  /** "HH:mm:ss" on the day's clock, `minutes` from now (whole seconds). */
  timeAt: (minutes: number) => string;
  /** The UTC instant of the same moment, for the test tick's `now`. */
  instantAt: (minutes: number) => string;
};

const startedAt = () => Math.floor(Date.now() / 1000) * 1000;

function noonZone(now: Date): { timeZone: string; offsetHours: number } {
  const utcHours = now.getUTCHours() + now.getUTCMinutes() / 60;
  const offsetHours = Math.max(-12, Math.min(14, Math.round(12 - utcHours)));
  // POSIX-style names: Etc/GMT-5 is five hours ahead of UTC.
  const timeZone = offsetHours === 0 ? "Etc/GMT" : `Etc/GMT${offsetHours > 0 ? "-" : "+"}${Math.abs(offsetHours)}`;
  return { timeZone, offsetHours };
}

export async function startTodayAfresh(): Promise<TestDay> {
  const base = startedAt();
  const { timeZone, offsetHours } = noonZone(new Date(base));
  const date = calendarDateIn(new Date(base), timeZone);
  await withE2eDatabase(async (client) => {
    await client.query("UPDATE settings SET time_zone = $1, updated_at = now() WHERE id = 1", [timeZone]);
    await client.query(
      `DELETE FROM days WHERE date = $1::date OR id IN (SELECT day_id FROM slots WHERE status IN ('PENDING', 'EXECUTING'))`,
      [date],
    );
  });
  const at = (minutes: number) => new Date(base + minutes * 60_000);
  return {
    timeZone,
    date,
    timeAt: (minutes) => new Date(at(minutes).getTime() + offsetHours * 3_600_000).toISOString().slice(11, 19),
    instantAt: (minutes) => at(minutes).toISOString(),
  };
}
