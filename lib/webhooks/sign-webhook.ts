import { createHmac, timingSafeEqual } from "node:crypto";

// Standard Webhooks signatures (https://www.standardwebhooks.com): HMAC-SHA256 over
// "{webhook-id}.{webhook-timestamp}.{body}", sent as "v1,<base64>".

/** The key bytes of a secret: the base64 after `whsec_`, else the secret's own UTF-8 bytes. */
export function webhookSecretKey(secret: string): Buffer {
  return secret.startsWith("whsec_") ? Buffer.from(secret.slice("whsec_".length), "base64") : Buffer.from(secret, "utf8");
}

/** The `webhook-signature` header of one delivery attempt. */
export function signWebhook(options: { secret: string; id: string; timestamp: number; body: string }): string {
  const digest = createHmac("sha256", webhookSecretKey(options.secret))
    .update(`${options.id}.${options.timestamp}.${options.body}`)
    .digest("base64");
  return `v1,${digest}`;
}

/** True when one of the header's space-separated signatures is the expected one (what a receiver checks). */
export function verifyWebhookSignature(options: { secret: string; id: string; timestamp: number; body: string; header: string }): boolean {
  const expected = Buffer.from(signWebhook(options));
  return options.header.split(" ").some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
