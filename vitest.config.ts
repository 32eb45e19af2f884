import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: "node",
    include: ["tests/**/*.test.ts"],
    pool: "forks",
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/database-per-file.ts", "tests/setup/slot-change-subscribers.ts"],
    // Database work (cloning, migrating, schema-engine diffs) is slower than pure logic.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: {
      NEXTAUTH_SECRET: "slotpay-test-secret-not-for-production-use",
      NEXTAUTH_URL: "http://localhost:3000",
      BCRYPT_COST: "4", // hashing at production cost would dominate the run time
    },
  },
});
