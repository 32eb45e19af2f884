import { AppError } from "@/lib/errors/app-error";
import { bulkBodyLimitBytes } from "@/lib/http/body-limits";
import { readBodyText } from "@/lib/http/read-input";
import { maxRowsPerRequest, type RowError } from "./row-schemas";

export type BulkBody = { rows: unknown[]; errors: RowError[] };

const ndjsonTypes = /^application\/(x-ndjson|ndjson|jsonl|x-jsonlines)\b/i;

/**
 * A bulk body: a JSON array (application/json) or one JSON object a line (application/x-ndjson;
 * blank lines are skipped and rows numbered without them). A line that is not JSON is a row error.
 */
export async function readBulkBody(request: Request): Promise<BulkBody> {
  const type = request.headers.get("content-type") ?? "";
  const ndjson = ndjsonTypes.test(type);
  if (!ndjson && !/^application\/json\b/i.test(type)) {
    throw new AppError("VALIDATION", "Content-Type must be application/json (an array of rows) or application/x-ndjson (a row a line)");
  }
  const text = await readBodyText(request, bulkBodyLimitBytes);
  const body = ndjson ? ndjsonRows(text) : jsonArrayRows(text);
  if (body.rows.length > maxRowsPerRequest) {
    throw new AppError(
      "VALIDATION",
      `At most ${maxRowsPerRequest.toLocaleString("en")} rows a request, got ${body.rows.length.toLocaleString("en")}`,
    );
  }
  return body;
}

function jsonArrayRows(text: string): BulkBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION", "Request body is not valid JSON");
  }
  if (!Array.isArray(parsed)) throw new AppError("VALIDATION", "Request body must be a JSON array of rows");
  return { rows: parsed, errors: [] };
}

function ndjsonRows(text: string): BulkBody {
  const rows: unknown[] = [];
  const errors: RowError[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      rows.push(JSON.parse(line));
    } catch {
      errors.push({ row: rows.length, field: null, message: "the line is not valid JSON" });
      rows.push(null);
    }
  }
  return { rows, errors };
}
