import { ExtendedJsonError, ObjectIdValue, decodeExtendedJson } from "./extended-json";
import { describeIssues, legacyDocument } from "./legacy-document";
import { mapLegacyDocument, type ImportedDay } from "./map-legacy-document";
import type { ExportEntry } from "./read-legacy-export";

/** Where a document sits in the file and, when it has a usable one, its Mongo _id. */
export type EntryRef = { index: number; line: number; legacyId: string | null };

export type PreparedEntry = { ref: EntryRef } & ({ valid: true; day: ImportedDay } | { valid: false; reason: string });

/** The id to report a document by, even when the document is otherwise unusable. */
function reportableId(json: unknown): string | null {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return null;
  const id = (json as { _id?: unknown })._id;
  try {
    const decoded = decodeExtendedJson(id);
    if (decoded instanceof ObjectIdValue) return decoded.hex;
    return typeof decoded === "string" && decoded.trim() !== "" ? decoded.trim() : null;
  } catch {
    return null;
  }
}

/** One raw entry of the export → the day to import, or why it cannot be imported. No I/O. */
export function prepareLegacyEntry(entry: ExportEntry): PreparedEntry {
  const base = { index: entry.index, line: entry.line };
  if ("parseError" in entry) return { ref: { ...base, legacyId: null }, valid: false, reason: `not valid JSON (${entry.parseError})` };
  const ref = { ...base, legacyId: reportableId(entry.json) };
  if (typeof entry.json !== "object" || entry.json === null || Array.isArray(entry.json)) {
    return { ref, valid: false, reason: "not a document (a JSON object)" };
  }
  let decoded;
  try {
    decoded = decodeExtendedJson(entry.json);
  } catch (error) {
    if (error instanceof ExtendedJsonError) return { ref, valid: false, reason: error.message };
    throw error;
  }
  const parsed = legacyDocument.safeParse(decoded);
  if (!parsed.success) return { ref, valid: false, reason: describeIssues(parsed.error) };
  return { ref, valid: true, day: mapLegacyDocument(parsed.data) };
}
