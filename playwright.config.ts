import { defineConfig, devices } from "@playwright/test";
import { e2eBaseUrl } from "./e2e/fixtures";

const inCi = Boolean(process.env.CI);

export default defineConfig({
  testDir: "e2e",
  // One server and one seeded admin whose TOTP steps are single-use: tests run one at a time.
  workers: 1,
  fullyParallel: false,
  retries: inCi ? 1 : 0,
  forbidOnly: inCi,
  // A test may wait up to one 30-s TOTP step for a fresh code.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: inCi ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL: e2eBaseUrl,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        // Debian's Chromium: `playwright install` cannot download browsers here.
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "npx tsx e2e/serve.ts",
    url: `${e2eBaseUrl}/api/health`,
    timeout: 180_000,
    reuseExistingServer: !inCi,
    stdout: "pipe",
    stderr: "pipe",
  },
});
