import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findChromium, missingChromiumMessage } from "../../../e2e/chromium-executable";

const scratch = mkdtempSync(path.join(tmpdir(), "slotpay-chromium-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function file(name: string, executable: boolean): string {
  const full = path.join(scratch, name);
  writeFileSync(full, "#!/bin/sh\n");
  chmodSync(full, executable ? 0o755 : 0o644);
  return full;
}

const given = file("given-chromium", true);
const playwrights = file("playwright-chromium", true);
const system = file("system-chromium", true);
const notExecutable = file("not-executable", false);
const absent = path.join(scratch, "absent");

describe("findChromium", () => {
  it("takes PLAYWRIGHT_CHROMIUM_PATH first, then Playwright's own Chromium, then the system's", () => {
    const env = { PLAYWRIGHT_CHROMIUM_PATH: given };
    expect(findChromium({ env, playwrightChromium: playwrights, systemChromium: system })).toEqual({
      path: given,
      source: "PLAYWRIGHT_CHROMIUM_PATH",
    });
    expect(findChromium({ env: {}, playwrightChromium: playwrights, systemChromium: system })).toEqual({
      path: playwrights,
      source: "Playwright's Chromium",
    });
    expect(findChromium({ env: {}, playwrightChromium: absent, systemChromium: system })).toEqual({
      path: system,
      source: "the system's Chromium",
    });
    expect(findChromium({ env: {}, playwrightChromium: null, systemChromium: system })).toMatchObject({ path: system });
  });

  it("says in one line what to install when there is none, and names a PLAYWRIGHT_CHROMIUM_PATH that does not run", () => {
    const none = findChromium({ env: {}, playwrightChromium: absent, systemChromium: notExecutable });
    expect(none).toEqual({ missing: missingChromiumMessage });
    expect(missingChromiumMessage).not.toContain("\n");
    expect(missingChromiumMessage).toContain("apt-get install chromium");
    expect(missingChromiumMessage).toContain("PLAYWRIGHT_CHROMIUM_PATH");

    const wrong = findChromium({
      env: { PLAYWRIGHT_CHROMIUM_PATH: notExecutable },
      playwrightChromium: playwrights,
      systemChromium: system,
    });
    expect(wrong).toEqual({ missing: `PLAYWRIGHT_CHROMIUM_PATH=${notExecutable} is not an executable.` });
  });
});
