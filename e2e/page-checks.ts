import { expect, type Page } from "@playwright/test";
import { seriousViolations } from "./axe";

// Checks every page of the console gets: axe (no serious or critical violation, light and dark)
// and screenshots at a phone's and a desktop's width, kept in test-results/screenshots/.

export const widths = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;
type Theme = "light" | "dark";

async function switchTheme(page: Page, theme: Theme) {
  await page.emulateMedia({ colorScheme: theme });
  await expect(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
}

/** axe on the page as it is now, in the light and the dark theme (or the themes given); leaves it light. */
export async function expectAccessible(page: Page, label: string, themes: readonly Theme[] = ["light", "dark"]) {
  for (const theme of themes) {
    await switchTheme(page, theme);
    expect(await seriousViolations(page), `${label}, ${theme} theme`).toEqual([]);
  }
  await switchTheme(page, "light");
}

/** Full-page screenshots at 390 and 1280 px, and 1280 px dark; leaves the page at 1280 px, light. */
export async function screenshotWidths(page: Page, name: string) {
  const shot = (file: string) => page.screenshot({ path: `test-results/screenshots/${file}.png`, fullPage: true });
  for (const size of [widths.phone, widths.desktop]) {
    await page.setViewportSize(size);
    await shot(`${name}-${size.width}`);
  }
  await switchTheme(page, "dark");
  await shot(`${name}-${widths.desktop.width}-dark`);
  await switchTheme(page, "light");
}
