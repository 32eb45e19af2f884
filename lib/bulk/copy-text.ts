// PostgreSQL's COPY text format: tab between columns, \N for null, backslash escapes.
const needsEscape = /[\\\t\n\r]/;
const escapeCopyText = (value: string) =>
  value.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c] ?? c);

// Called once per imported row: the test keeps the common value, with nothing to escape, off the replace.
export function copyTextLine(values: (string | number | null)[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const text = value === null ? "\\N" : String(value);
    line += (i === 0 ? "" : "\t") + (value !== null && needsEscape.test(text) ? escapeCopyText(text) : text);
  }
  return `${line}\n`;
}
