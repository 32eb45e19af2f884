// PostgreSQL text cannot hold NUL, and a lone UTF-16 surrogate has no UTF-8 form; other control
// characters would store but only ever hide what a field says. Every string a request carries
// (JSON values and keys, query strings, path parameters) is refused with any of them, in one
// place, before a schema or the database sees it. Tab, line feed and carriage return stay allowed.

const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Why `text` cannot be stored as given, or null when it can. */
export function unstorableReason(text: string): string | null {
  const control = controlCharacter.exec(text);
  if (control) return `contains the control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  if (!text.isWellFormed()) return "contains a lone UTF-16 surrogate";
  return null;
}

const maxDepth = 32;

/**
 * The first string in a parsed JSON value that cannot be stored, as "path: reason", or null.
 * Iterative, so a deeply nested body cannot exhaust the stack; nesting past `maxDepth` is
 * refused too (no request of this API nests that deep).
 */
export function firstUnstorableString(value: unknown): string | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: "body", depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value === "string") {
      const reason = unstorableReason(item.value);
      if (reason) return `${item.path} ${reason}`;
      continue;
    }
    if (typeof item.value !== "object" || item.value === null) continue;
    if (item.depth >= maxDepth) return `${item.path} is nested more than ${maxDepth} levels deep`;
    for (const [key, child] of Object.entries(item.value)) {
      const reason = unstorableReason(key);
      if (reason) return `a field name in ${item.path} ${reason}`;
      const childPath = Array.isArray(item.value) ? `${item.path}[${key}]` : `${item.path}.${key.slice(0, 40)}`;
      stack.push({ value: child, path: childPath, depth: item.depth + 1 });
    }
  }
  return null;
}
