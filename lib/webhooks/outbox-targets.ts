import { inngestConfigured } from "@/inngest/configured";

export type OutboxTarget = "WEBHOOK" | "INNGEST";

export const webhookConfigured = () => Boolean(process.env.WEBHOOK_URL && process.env.WEBHOOK_SECRET);

/** Where this process's slot messages go: the signed webhook, Inngest, both or neither. */
export function outboxTargets(): OutboxTarget[] {
  return [...(webhookConfigured() ? (["WEBHOOK"] as const) : []), ...(inngestConfigured() ? (["INNGEST"] as const) : [])];
}
