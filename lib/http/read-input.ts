import { z } from "zod";
import { AppError } from "./app-error";

const maxBodyBytes = 64 * 1024;

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

/** The JSON object body of a mutation; anything else is a 400 before any work is done. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new AppError("VALIDATION", "Content-Type must be application/json");
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBodyBytes) throw new AppError("VALIDATION", "Request body is too large");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION", "Request body is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new AppError("VALIDATION", "Request body must be a JSON object");
  }
  return parsed as Record<string, unknown>;
}

const twoFactorCodeSchema = z.string().trim().max(16).optional();

/** Splits the step-up code off the body so domain schemas never see it. */
export function takeTwoFactorCode(body: Record<string, unknown>): { code?: string; rest: Record<string, unknown> } {
  const { twoFactorCode, ...rest } = body;
  const code = parseWith(twoFactorCodeSchema, twoFactorCode ?? undefined);
  return { code: code || undefined, rest };
}

export const queryObject = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);
