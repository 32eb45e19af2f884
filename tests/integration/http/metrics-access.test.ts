import { afterEach, describe, expect, it } from "vitest";
import { GET as metrics } from "@/app/api/metrics/route";
import { assertMetricsAccess } from "@/lib/observability/metrics-access";

// GET /api/metrics (issue 7, item 9): a bearer token when METRICS_TOKEN is set; without one, open
// in demo mode only (no DATABASE_URL) and absent (404) with a database.

const databaseUrl = process.env.DATABASE_URL;
const get = (authorization?: string) =>
  metrics(new Request("http://localhost:3000/api/metrics", { headers: authorization ? { authorization } : {} }));

afterEach(() => {
  delete process.env.METRICS_TOKEN;
  process.env.DATABASE_URL = databaseUrl;
});

describe("/api/metrics", () => {
  it("with METRICS_TOKEN, answers the right bearer token only", async () => {
    process.env.METRICS_TOKEN = "s3cret-metrics-token";
    for (const authorization of [
      undefined,
      "Bearer wrong",
      "Bearer s3cret-metrics-tokenX",
      "Basic s3cret-metrics-token",
      "s3cret-metrics-token",
    ]) {
      const response = await get(authorization);
      expect({ authorization, status: response.status }).toEqual({ authorization, status: 401 });
      expect(response.headers.get("www-authenticate")).toBe("Bearer");
      expect(await response.json()).toMatchObject({ success: false, code: "UNAUTHENTICATED" });
    }
    const allowed = await get("Bearer s3cret-metrics-token");
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain("slotpay_slots{status=");
  });

  it("without METRICS_TOKEN and with a database, does not exist", async () => {
    const response = await get("Bearer anything");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ success: false, code: "NOT_FOUND" });
  });

  it("without METRICS_TOKEN in demo mode, is open", async () => {
    delete process.env.DATABASE_URL;
    expect(() => assertMetricsAccess(new Request("http://localhost:3000/api/metrics"))).not.toThrow();
  });
});
