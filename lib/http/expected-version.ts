import { AppError } from "@/lib/errors/app-error";

const ifMatchPattern = /^\s*(?:W\/)?"?(\d{1,10})"?\s*$/;

/**
 * The day version a mutation expects, from `If-Match: "<version>"` or the body's
 * `expectedVersion`; the two must agree when both are sent. Undefined when neither is.
 */
export function expectedVersionOf(request: Request, fromBody: number | null | undefined): number | null | undefined {
  const header = request.headers.get("if-match");
  if (header === null) return fromBody;
  const match = ifMatchPattern.exec(header);
  const version = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(version) || version < 1 || version > 2_147_483_647) {
    throw new AppError("VALIDATION", 'If-Match must be the day\'s version, e.g. If-Match: "3"');
  }
  if (fromBody !== undefined && fromBody !== version) {
    throw new AppError("VALIDATION", `If-Match (${version}) and expectedVersion (${fromBody}) disagree`);
  }
  return version;
}
