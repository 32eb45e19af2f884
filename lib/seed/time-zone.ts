import { isValidTimeZone } from "@/lib/distribution/time-zone";

/** The canonical name of an IANA time zone, or an error naming the variable that held it. */
export function parseTimeZone(raw: string, variableName: string): string {
  const name = raw.trim();
  if (!isValidTimeZone(name)) {
    throw new Error(`${variableName}="${name}" is not an IANA time zone (e.g. UTC, Europe/London, Asia/Dubai).`);
  }
  return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
}
