export const archiveUsage = "usage: npm run ledger:archive -- --before YYYY-MM   (archives every ledger month before that month)";

/** `--before YYYY-MM` or `--before=YYYY-MM`, and nothing else: the month, or the reason the arguments are wrong. */
export function parseArchiveArgs(argv: readonly string[]): { before: string } | { error: string } {
  const args = argv.flatMap((arg) => (arg.startsWith("--before=") ? ["--before", arg.slice("--before=".length)] : [arg]));
  if (args.length !== 2 || args[0] !== "--before") return { error: `expected --before YYYY-MM, got ${JSON.stringify(argv.join(" "))}` };
  const match = /^(\d{4})-(\d{2})$/.exec(args[1]);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12 || Number(match[1]) < 2000) {
    return { error: `--before must be a month as YYYY-MM (e.g. 2026-11), got ${JSON.stringify(args[1])}` };
  }
  return { before: args[1] };
}
