import { accessSync, constants } from "node:fs";
import { chromium } from "@playwright/test";

export type ChromiumLookup = { path: string; source: string } | { missing: string };

const isExecutable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

function playwrightsOwnChromium(): string | null {
  try {
    return chromium.executablePath(); // where `npx playwright install chromium` puts it
  } catch {
    return null; // no build of Playwright's for this platform
  }
}

export const missingChromiumMessage =
  "No Chromium for the end-to-end tests: install it (Debian: `apt-get install chromium`; elsewhere: " +
  "`npx playwright install chromium`) or set PLAYWRIGHT_CHROMIUM_PATH to its executable.";

/**
 * The browser the e2e tests drive: PLAYWRIGHT_CHROMIUM_PATH, else Playwright's own Chromium when
 * it was installed, else the system's. The installers cannot download browsers on every machine,
 * so each source is only a place to look.
 */
export function findChromium(
  options: { env?: Record<string, string | undefined>; playwrightChromium?: string | null; systemChromium?: string } = {},
): ChromiumLookup {
  const given = (options.env ?? process.env).PLAYWRIGHT_CHROMIUM_PATH;
  if (given) {
    return isExecutable(given)
      ? { path: given, source: "PLAYWRIGHT_CHROMIUM_PATH" }
      : { missing: `PLAYWRIGHT_CHROMIUM_PATH=${given} is not an executable.` };
  }
  const own = options.playwrightChromium === undefined ? playwrightsOwnChromium() : options.playwrightChromium;
  if (own && isExecutable(own)) return { path: own, source: "Playwright's Chromium" };
  const system = options.systemChromium ?? "/usr/bin/chromium";
  if (isExecutable(system)) return { path: system, source: "the system's Chromium" };
  return { missing: missingChromiumMessage };
}
