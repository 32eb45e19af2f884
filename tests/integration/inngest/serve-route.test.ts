import { createServer, type IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../support/app-server";
import { expectError } from "../../helpers/http";

process.env.SLOTPAY_LOG = "silent";

// app/api/inngest/route.ts with the SDK in dev mode, pointed at a local receiver that records
// what the app tells "Inngest": the URL it registers its functions under (issue 7 item 1).

type Received = { method: string; path: string; body: string };
const received: Received[] = [];
const receiver = createServer((request: IncomingMessage, response) => {
  let body = "";
  request.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
  request.on("end", () => {
    received.push({ method: request.method ?? "", path: request.url ?? "", body });
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, modified: true }));
  });
});
const port = await freePort();
const inngestEnv = { INNGEST_DEV: "1", INNGEST_BASE_URL: `http://127.0.0.1:${port}` };
Object.assign(process.env, inngestEnv);
const { GET, POST, PUT } = await import("@/app/api/inngest/route");

const withEnv = async <T>(env: Record<string, string | undefined>, work: () => Promise<T>): Promise<T> => {
  const before = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  apply(env);
  try {
    return await work();
  } finally {
    apply(before);
  }
};

/** A sync request as it arrives when the client forges the Host header: Next.js builds request.url from it. */
const forgedSync = () => new Request("http://attacker.example/api/inngest", { method: "PUT", headers: { host: "attacker.example" } });

const registrations = () =>
  received
    .filter((r) => r.method === "POST" && r.path.startsWith("/fn/register"))
    .map((r) => JSON.parse(r.body) as { url: string; functions: { steps: Record<string, { runtime: { url: string } }> }[] });

beforeAll(() => new Promise<void>((resolve) => receiver.listen(port, "127.0.0.1", resolve)));
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

describe("/api/inngest", () => {
  it("registers the functions under NEXTAUTH_URL's origin, whatever the Host header says", async () => {
    received.length = 0;
    const response = await withEnv({ INNGEST_SERVE_ORIGIN: undefined, NEXTAUTH_URL: "https://pay.example.com/some/path" }, () =>
      PUT(forgedSync()),
    );
    expect(response.status).toBe(200);
    const [registration] = registrations();
    expect(registration.url).toBe("https://pay.example.com/api/inngest");
    const stepUrls = registration.functions.flatMap((fn) => Object.values(fn.steps).map((step) => step.runtime.url));
    expect(stepUrls.length).toBeGreaterThan(0);
    for (const url of stepUrls) expect(url.startsWith("https://pay.example.com/api/inngest?")).toBe(true);
    expect(received.map((r) => r.body).join("")).not.toContain("attacker.example");
  });

  it("prefers INNGEST_SERVE_ORIGIN over NEXTAUTH_URL", async () => {
    received.length = 0;
    await withEnv({ INNGEST_SERVE_ORIGIN: "https://inngest-entry.example.com:8443", NEXTAUTH_URL: "https://pay.example.com" }, () =>
      PUT(forgedSync()),
    );
    expect(registrations().map((r) => r.url)).toEqual(["https://inngest-entry.example.com:8443/api/inngest"]);
  });

  it("refuses to serve without a configured origin, rather than take one from the request", async () => {
    received.length = 0;
    const response = await withEnv({ INNGEST_SERVE_ORIGIN: undefined, NEXTAUTH_URL: undefined }, () => PUT(forgedSync()));
    const body = await expectError(response, 500, "INTERNAL");
    expect(body.message).toContain("INNGEST_SERVE_ORIGIN");
    expect(registrations()).toEqual([]);
  });

  it("answers a JSON 404 to every method when Inngest is not configured (the embedded scheduler runs the slots)", async () => {
    const embedded = { INNGEST_DEV: undefined, INNGEST_BASE_URL: undefined, INNGEST_EVENT_KEY: undefined };
    await withEnv(embedded, async () => {
      const url = "http://localhost:3000/api/inngest";
      const body = await expectError(await GET(new Request(url)), 404, "NOT_FOUND");
      expect(body.message).toContain("embedded scheduler");
      await expectError(await PUT(new Request(url, { method: "PUT" })), 404, "NOT_FOUND");
      await expectError(
        await POST(new Request(`${url}?fnId=slotpay-run-distribution-slot&stepId=step`, { method: "POST", body: "{}" })),
        404,
        "NOT_FOUND",
      );
    });
    expect(received.filter((r) => r.path.startsWith("/fn/register"))).toEqual([]);
  });
});
