import { slotCompletedEvent, slotFailedEvent } from "@/inngest/events";
import type { ClaimedMessage } from "./claim-due-messages";
import type { AttemptResult } from "./record-attempt";
import { deliveryTimeoutMs } from "./retry-schedule";
import { signWebhook } from "./sign-webhook";
import type { SlotMessage } from "./slot-message";

const errorText = (error: unknown) =>
  error instanceof Error ? (error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message) : String(error);

/** One signed POST to WEBHOOK_URL; a 2xx is delivered, anything else (a redirect included) is tried again. */
async function postWebhook(message: ClaimedMessage): Promise<AttemptResult> {
  const url = process.env.WEBHOOK_URL ?? "";
  const secret = process.env.WEBHOOK_SECRET ?? "";
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const response = await fetch(url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(deliveryTimeoutMs()),
      headers: {
        "content-type": "application/json",
        "user-agent": "Slotpay-Webhooks/1",
        "webhook-id": message.id,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signWebhook({ secret, id: message.id, timestamp, body: message.body }),
      },
      body: message.body,
    });
    const answer = (await response.text().catch(() => "")).slice(0, 200);
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
    return { ok: false, status: response.status, error: `HTTP ${response.status}${answer ? `: ${answer}` : ""}` };
  } catch (error) {
    return { ok: false, status: null, error: errorText(error) };
  }
}

/** The same fact as an Inngest event; its id is the message id, so Inngest drops a repeat. */
async function sendInngestEvent(message: ClaimedMessage): Promise<AttemptResult> {
  const { data } = JSON.parse(message.body) as SlotMessage;
  const event = message.eventType === "slot.completed" ? slotCompletedEvent : slotFailedEvent;
  try {
    // Loaded on first use: the Inngest client reads its configuration when it is created.
    const { inngest } = await import("@/inngest/client");
    await inngest.send(event.create(data, { id: message.id }));
    return { ok: true, status: null };
  } catch (error) {
    return { ok: false, status: null, error: errorText(error) };
  }
}

/** One delivery attempt of a claimed message to its target. */
export function sendMessage(message: ClaimedMessage): Promise<AttemptResult> {
  return message.target === "WEBHOOK" ? postWebhook(message) : sendInngestEvent(message);
}
