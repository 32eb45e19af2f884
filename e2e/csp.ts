import type { Page } from "@playwright/test";

/**
 * Collects every Content Security Policy violation the page reports: the browser's
 * `securitypolicyviolation` events and its "Refused to …" console messages. Call before the
 * first navigation; the returned function lists what was reported so far.
 */
export async function watchCspViolations(page: Page): Promise<() => string[]> {
  const violations: string[] = [];
  await page.exposeFunction("__reportCspViolation", (line: string) => violations.push(line));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation: (line: string) => void }).__reportCspViolation;
      void report(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} on ${location.pathname}`);
    });
  });
  page.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(text)) violations.push(`console: ${text}`);
  });
  return () => [...violations];
}
