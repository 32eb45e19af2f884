// An export file as a list of raw documents with where each one starts, so every problem can
// be reported by line. Two layouts: `mongoexport --jsonArray` (one JSON array, possibly
// pretty-printed) and mongoexport's default, one document per line.

export type ExportEntry = { index: number; line: number } & ({ json: unknown } | { parseError: string });

export type LegacyExport = { format: "json-array" | "ndjson"; entries: ExportEntry[] };

/** The file as a whole is unusable: nothing in it can be imported. */
export class LegacyExportError extends Error {}

export function readLegacyExport(text: string): LegacyExport {
  const content = text.replace(/^\uFEFF/, "");
  return content.trimStart().startsWith("[") ? readJsonArray(content) : readNdjson(content);
}

function readJsonArray(content: string): LegacyExport {
  let documents: unknown;
  try {
    documents = JSON.parse(content);
  } catch (error) {
    throw new LegacyExportError(`The file starts with "[" but is not a valid JSON array: ${messageOf(error)}`);
  }
  if (!Array.isArray(documents)) throw new LegacyExportError('The file starts with "[" but is not a JSON array');
  const lines = arrayElementLines(content);
  return { format: "json-array", entries: documents.map((json, i) => ({ index: i + 1, line: lines[i] ?? 1, json })) };
}

function readNdjson(content: string): LegacyExport {
  const entries: ExportEntry[] = [];
  content.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === "") return;
    const position = { index: entries.length + 1, line: i + 1 };
    try {
      entries.push({ ...position, json: JSON.parse(raw) });
    } catch (error) {
      entries.push({ ...position, parseError: messageOf(error) });
    }
  });
  if (entries.length > 0 && entries.every((entry) => "parseError" in entry)) {
    throw new LegacyExportError(
      "No line of the file is a JSON document. Expected a JSON array (mongoexport --jsonArray) or one " +
        "document per line (mongoexport's default; --pretty without --jsonArray is not supported)",
    );
  }
  return { format: "ndjson", entries };
}

/** The line on which each element of a valid top-level JSON array starts. */
function arrayElementLines(json: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let expectElement = false;
  for (const ch of json) {
    if (ch === "\n") line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === "\\") escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === " " || ch === "\t" || ch === "\r" || ch === "\n") continue;
    if (depth === 1 && expectElement && ch !== "]") {
      lines.push(line);
      expectElement = false;
    }
    if (ch === '"') inString = true;
    else if (ch === "[" || ch === "{") {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (ch === "]" || ch === "}") depth--;
    else if (ch === "," && depth === 1) expectElement = true;
  }
  return lines;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
