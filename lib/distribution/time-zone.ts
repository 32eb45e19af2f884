// Calendar dates and wall-clock times in an IANA time zone, with SPEC §4's DST rules:
// a local time that does not exist moves forward by the gap; an ambiguous one takes the
// first occurrence. Pure: Intl only, no I/O.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** An IANA zone name. Intl also takes offsets such as "+05:00", which have no DST rules to follow. */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone || /^[+-]/.test(timeZone)) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function wallClockAt(instantMs: number, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(instantMs))
      .map((p) => [p.type, Number(p.value)]),
  );
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

const wallClockAsUtcMs = (w: WallClock) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** How far the zone's wall clock is ahead of UTC at that instant, in ms. */
const offsetAt = (instantMs: number, timeZone: string) =>
  wallClockAsUtcMs(wallClockAt(Math.floor(instantMs / 1000) * 1000, timeZone)) - Math.floor(instantMs / 1000) * 1000;

/** The calendar date ("YYYY-MM-DD") of an instant in the zone. */
export function calendarDateIn(instant: Date, timeZone: string): string {
  const w = wallClockAt(instant.getTime(), timeZone);
  return `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

export const localTimePattern = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/** The UTC instant of a local date and "HH:mm[:ss]" in the zone, applying the DST rules. */
export function instantOfLocalTime(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number);
  const match = localTimePattern.exec(time);
  if (!match) throw new RangeError(`Not a local time: ${time}`);
  const wanted = Date.UTC(year, month - 1, day, Number(match[1]), Number(match[2]), Number(match[3] ?? 0));
  // The offsets in force half a day before and after cover any single transition near it.
  const offsetBefore = offsetAt(wanted - 12 * 3600_000, timeZone);
  const offsetAfter = offsetAt(wanted + 12 * 3600_000, timeZone);
  const candidates = [wanted - offsetBefore, wanted - offsetAfter]
    .filter((instant) => wallClockAsUtcMs(wallClockAt(instant, timeZone)) === wanted)
    .sort((a, b) => a - b);
  // No candidate: the time falls in a spring-forward gap. The pre-gap offset lands it just
  // as far past the gap as it was into it, i.e. moved forward by the gap.
  return new Date(candidates[0] ?? wanted - offsetBefore);
}
