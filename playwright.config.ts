import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./e2e/chromium-executable";
import { e2eBaseUrl } from "./e2e/fixtures";

const inCi = Boolean(process.env.CI);
const browser = findChromium();
if ("missing" in browser) {
  console.error(browser.missing); // one line, not a stack trace: the fix is an install
  process.exit(1);
}

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
        // An installed Chromium: `playwright install` cannot download browsers on every machine.
        launchOptions: {
          executablePath: browser.path,
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
    // Migrating, seeding and a production build when the sources changed: minutes on a busy 2-core machine.
    timeout: 600_000,
    reuseExistingServer: !inCi,
    stdout: "pipe",
    stderr: "pipe",
  },
});
