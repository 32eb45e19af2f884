/** The canonical name of an IANA time zone, or an error naming the variable that held it. */
export function parseTimeZone(raw: string, variableName: string): string {
  const name = raw.trim();
  // Intl also accepts UTC offsets such as "+05:00"; settings need a zone with DST rules.
  if (!name || /^[+-]/.test(name)) throw new Error(`${variableName} must be an IANA time zone such as Europe/London.`);
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    throw new Error(`${variableName}="${name}" is not an IANA time zone (e.g. UTC, Europe/London, Asia/Dubai).`);
  }
}
