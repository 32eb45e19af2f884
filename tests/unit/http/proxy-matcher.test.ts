import * as pageStaticInfo from "next/dist/build/analysis/get-page-static-info";
import { getMiddlewareRouteMatcher } from "next/dist/shared/lib/router/utils/middleware-route-matcher";
import { describe, expect, it } from "vitest";
import { forwardedHeaderNames } from "@/lib/http/forwarded";
import { config } from "@/proxy";

// proxy.ts's matcher compiled by Next's own functions, as the build compiles it: status polls
// without a body or a forwarded header skip proxy.ts; everything else still runs it.

// Exported by the module, though its type declarations leave it out.
type Matchers = Parameters<typeof getMiddlewareRouteMatcher>[0];
const { getMiddlewareMatchers } = pageStaticInfo as unknown as {
  getMiddlewareMatchers: (matcher: unknown, nextConfig: object) => Matchers;
};
const runsProxy = getMiddlewareRouteMatcher(getMiddlewareMatchers(config.matcher, {}));
const statusPath = "/api/admin/daily-declaration-returns/today/status";
const request = (headers: Record<string, string> = {}) => ({ headers, cookies: {} }) as never;

describe("proxy.ts's matcher", () => {
  it("skips a status poll that carries neither a body nor a forwarded header", () => {
    expect(runsProxy(statusPath, request({ cookie: "a=b", "if-none-match": '"x"' }), {})).toBe(false);
  });

  it("runs for a status request with a forwarded header or a body", () => {
    for (const name of [...forwardedHeaderNames, "content-length", "transfer-encoding"]) {
      expect({ name, runs: runsProxy(statusPath, request({ [name]: "1" }), {}) }).toEqual({ name, runs: true });
    }
  });

  it("runs for every other page and API route, the paths around the status one included", () => {
    for (const path of [
      "/admin",
      "/sign-in",
      "/api/health",
      "/api/admin/daily-declaration-returns/today/add-slots",
      `${statusPath}/more`,
      `${statusPath}es`,
      "/api/v1/admin/daily-declaration-returns/today/status",
    ]) {
      expect({ path, runs: runsProxy(path, request(), {}) }).toEqual({ path, runs: true });
    }
    expect(runsProxy("/_next/static/chunks/app.js", request(), {})).toBe(false);
  });
});
