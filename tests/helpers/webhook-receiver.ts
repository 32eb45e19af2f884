import { createServer, type IncomingHttpHeaders } from "node:http";

// A real HTTP receiver of slot webhooks on 127.0.0.1, for tests: records every request and
// answers each with what `answer` says for it (a status, or "hang": never answer).

export type ReceivedWebhook = { headers: IncomingHttpHeaders; body: string; at: number };
export type Answer = number | "hang";

export type WebhookReceiver = {
  url: string;
  received: ReceivedWebhook[];
  /** How to answer the n-th request (1-based) carrying this webhook-id. */
  setAnswer: (answer: (webhookId: string, nth: number) => Answer) => void;
  /** Resolves once `count` requests have arrived. */
  waitForRequests: (count: number, timeoutMs?: number) => Promise<ReceivedWebhook[]>;
  close: () => Promise<void>;
};

/** Listens on E2E_PORT + `portOffset` (the ports this test run owns). */
export async function startWebhookReceiver(portOffset: number): Promise<WebhookReceiver> {
  const port = Number(process.env.E2E_PORT ?? 3100) + portOffset;
  const received: ReceivedWebhook[] = [];
  const seen = new Map<string, number>();
  let answer: (webhookId: string, nth: number) => Answer = () => 204;
  const waiters: (() => void)[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      const id = String(request.headers["webhook-id"] ?? "");
      const nth = (seen.get(id) ?? 0) + 1;
      seen.set(id, nth);
      received.push({ headers: request.headers, body, at: Date.now() });
      for (const wake of waiters.splice(0)) wake();
      const reply = answer(id, nth);
      if (reply === "hang") return;
      response.writeHead(reply, { "content-type": "text/plain" }).end(reply >= 300 ? "not now" : "");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    url: `http://127.0.0.1:${port}/hooks/slotpay`,
    received,
    setAnswer: (next) => (answer = next),
    waitForRequests: async (count, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} webhook requests (got ${received.length})`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
      return received.slice(0, count);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
