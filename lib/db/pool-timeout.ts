// pg-pool's error when no connection frees up within connectionTimeoutMillis (lib/db/client.ts).
const acquireTimeoutMessage = "timeout exceeded when trying to connect";

/** True when `error` (or what it wraps) is the pool giving up on a connection. */
export function isPoolAcquireTimeout(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current.message.includes(acquireTimeoutMessage)) return true;
  }
  return false;
}
