export type Check = { target: string; bar: string; measured: string; pass: boolean | null };

const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - text.length));

/** The final table: one row per SPEC §9 bar (pass null = informational). */
export function formatTable(checks: Check[]): string {
  const rows = [
    ["target", "bar", "measured", "result"],
    ...checks.map((c) => [c.target, c.bar, c.measured, c.pass === null ? "info" : c.pass ? "PASS" : "FAIL"]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => pad(cell, widths[i])).join(" | ")} |`;
  const rule = `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`;
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join("\n");
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const millis = (ms: number) => `${ms.toFixed(1)} ms`;
export const count = (n: number) => n.toLocaleString("en-US");
