// Sign-in throttling limits (docs/decisions/006-sign-in-throttling.md). Production defaults;
// e2e/serve.ts raises them so dozens of e2e users signing in from one address never trip them.

function positiveInteger(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return process.env[name] && Number.isInteger(value) && value > 0 ? value : fallback;
}

export type SignInLimits = {
  /** Attempts per client address per minute, whatever their outcome. */
  attemptsPerMinute: number;
  /** Consecutive failures of a client address before each further one blocks it, 1 s doubling. */
  freeFailuresPerClient: number;
  /** The same for an account (by email, known or not) and for a known device. */
  freeFailuresPerAccount: number;
  /** The longest block one failure can cause. */
  maxDelaySeconds: number;
};

export const signInLimits = (): SignInLimits => ({
  attemptsPerMinute: positiveInteger("SLOTPAY_SIGN_IN_ATTEMPTS_PER_MINUTE", 10),
  freeFailuresPerClient: positiveInteger("SLOTPAY_SIGN_IN_FREE_FAILURES_PER_CLIENT", 10),
  freeFailuresPerAccount: positiveInteger("SLOTPAY_SIGN_IN_FREE_FAILURES_PER_ACCOUNT", 5),
  maxDelaySeconds: positiveInteger("SLOTPAY_SIGN_IN_MAX_DELAY_SECONDS", 900),
});

/** Failures older than this are forgotten: the count starts again. */
export const failureMemorySeconds = 60 * 60;

/** The block after a failure, in seconds: none while free, then 1, 2, 4 … up to the maximum. */
export function blockSecondsAfter(failures: number, free: number, maxDelaySeconds: number): number {
  if (failures <= free) return 0;
  return Math.min(maxDelaySeconds, 2 ** Math.min(failures - free - 1, 30));
}
