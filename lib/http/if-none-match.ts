/**
 * True when an If-None-Match header names `etag` (RFC 9110 §13.1.2: a list of tags or "*",
 * compared weakly, so W/"x" matches "x").
 */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => opaque(tag) === opaque(etag));
}
