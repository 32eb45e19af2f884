import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import path from "node:path";

// Checks every page of the console gets: axe (no serious or critical violation, light and dark)
// and screenshots at a phone's and a desktop's width, kept in screenshots/ (git-ignored).

const screenshotDir = path.join(process.cwd(), "screenshots");
export const widths = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;

/** axe on the page as it is now, in the light and the dark theme (or the themes given). */
export async function expectAccessible(page: Page, label: string, themes: readonly ("light" | "dark")[] = ["light", "dark"]) {
  for (const colorScheme of themes) {
    await page.emulateMedia({ colorScheme });
    await expect(page.locator("html")).toHaveClass(colorScheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
    // Toasts belong to the action that raised them (the board's), not to the page under test.
    const results = await new AxeBuilder({ page }).exclude("[data-sonner-toaster]").analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
    expect(serious, `${label}, ${colorScheme} theme`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** Full-page screenshots at 390 and 1280 px, and 1280 px in the dark theme; the viewport is left at 1280, light. */
export async function screenshotWidths(page: Page, name: string) {
  for (const size of [widths.phone, widths.desktop]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: path.join(screenshotDir, `${name}-${size.width}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.screenshot({ path: path.join(screenshotDir, `${name}-${widths.desktop.width}-dark.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
}
