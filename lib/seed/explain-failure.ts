/** One line for a failed seed or start; a missing table means the migrations were never applied. */
export function explainFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/P2021|42P01|does not exist in the current database|relation "\w+" does not exist/.test(text)) {
    return "The database has no Slotpay tables yet: run `npm run db:deploy` first.";
  }
  return text;
}
