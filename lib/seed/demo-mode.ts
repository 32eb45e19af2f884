/** Demo mode is the embedded default: no DATABASE_URL, so the app runs on PGlite in .data/. */
export const isDemoMode = () => !process.env.DATABASE_URL;

export type DemoDataPolicy = "always" | "if-no-stakes" | "never";

/** SEED_DEMO=true|false, when given, wins over the caller's default. */
export function demoDataPolicy(fallback: DemoDataPolicy): DemoDataPolicy {
  const flag = process.env.SEED_DEMO?.trim().toLowerCase();
  if (flag === "true" || flag === "1") return "always";
  if (flag === "false" || flag === "0") return "never";
  return fallback;
}
