import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { apiBodyLimitBytes } from "./body-limits";
import { firstUnstorableString, unstorableReason } from "./storable-text";

/** "field.path: message", unless the message already starts with the field's name. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.at(-1);
  if (field === undefined || issue.message.startsWith(String(field))) return issue.message;
  return `${issue.path.join(".")}: ${issue.message}`;
}

const validationError = (error: z.ZodError) =>
  new AppError("VALIDATION", error.issues[0] ? describeIssue(error.issues[0]) : "Invalid request", {
    details: error.issues.map(({ path, message, code }) => ({ path: path.join("."), message, code })),
  });

export function parseWith<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

const tooLarge = () => new AppError("VALIDATION", "Request body is too large");

/**
 * The body as UTF-8 text, read no further than `maxBytes`: a declared Content-Length over it is
 * refused before reading, an undeclared one when the stream passes it.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError("VALIDATION", "Request body is not valid UTF-8");
  }
}

/** Refuses any string of the input (values and keys) that cannot be stored; see storable-text.ts. */
export function assertStorable(input: unknown): void {
  const problem = firstUnstorableString(input);
  if (problem) throw new AppError("VALIDATION", problem);
}

/** The JSON object body of a mutation; anything else is a 400 before any work is done. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new AppError("VALIDATION", "Content-Type must be application/json");
  }
  const text = await readBodyText(request, apiBodyLimitBytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION", "Request body is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new AppError("VALIDATION", "Request body must be a JSON object");
  }
  assertStorable(parsed);
  return parsed as Record<string, unknown>;
}

const twoFactorCodeSchema = z.string().trim().max(16).optional();

/** Splits the step-up code off the body so domain schemas never see it. */
export function takeTwoFactorCode(body: Record<string, unknown>): { code?: string; rest: Record<string, unknown> } {
  const { twoFactorCode, ...rest } = body;
  const code = parseWith(twoFactorCodeSchema, twoFactorCode ?? undefined);
  return { code: code || undefined, rest };
}

/** Query parameters as an object (the last of a repeated name), each checked to be storable text. */
export function queryObject(request: Request): Record<string, string> {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  for (const [name, value] of Object.entries(query)) {
    const reason = unstorableReason(name) ?? unstorableReason(value);
    if (reason) throw new AppError("VALIDATION", `query parameter ${JSON.stringify(name.slice(0, 40))} ${reason}`);
  }
  return query;
}
