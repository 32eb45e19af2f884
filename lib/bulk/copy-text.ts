// PostgreSQL's COPY text format: tab between columns, \N for null, backslash escapes.
const escapeCopyText = (value: string) =>
  value.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c] ?? c);

export const copyTextLine = (values: (string | number | null)[]) =>
  `${values.map((value) => (value === null ? "\\N" : escapeCopyText(String(value)))).join("\t")}\n`;
