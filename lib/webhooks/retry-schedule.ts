// When a failed delivery is tried again: 10 s, 20 s, 40 s … doubling to at most an hour, until
// the message is 24 h old; then it is given up (decision 022). The first wait is configurable so
// tests need not wait seconds.

export const giveUpAfterMs = 24 * 60 * 60 * 1000;
const maxWaitMs = 60 * 60 * 1000;

export function retryBaseMs(): number {
  const configured = Number(process.env.WEBHOOK_RETRY_BASE_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : 10_000;
}

/** The wait after failed attempt number `attempt` (1 for the first). */
export function retryWaitMs(attempt: number, baseMs = retryBaseMs()): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt - 1), maxWaitMs);
}

/** How long one attempt may take (the receiver's answer included). */
export function deliveryTimeoutMs(): number {
  const configured = Number(process.env.WEBHOOK_TIMEOUT_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : 10_000;
}
