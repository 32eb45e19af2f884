import { generate, generateSecret, generateURI, verify } from "otplib";

export const totpPeriodSeconds = 30;
const issuer = "Slotpay";

export const newTotpSecret = () => generateSecret({ length: 20 });

export const totpUri = (secret: string, email: string) => generateURI({ issuer, label: email, secret });

export const currentTotpCode = (secret: string, at = Date.now()) => generate({ secret, epoch: Math.floor(at / 1000) });

/**
 * The RFC 6238 time step the code belongs to (±1 step of clock drift), or null.
 * Steps at or before `lastAcceptedStep` are refused: each step is usable once.
 */
export async function acceptedTotpStep(options: {
  secret: string;
  code: string;
  lastAcceptedStep: number | null;
  at?: number;
}): Promise<number | null> {
  if (!/^\d{6}$/.test(options.code)) return null;
  const result = await verify({
    secret: options.secret,
    token: options.code,
    epoch: Math.floor((options.at ?? Date.now()) / 1000),
    epochTolerance: totpPeriodSeconds,
    ...(options.lastAcceptedStep != null ? { afterTimeStep: options.lastAcceptedStep } : {}),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}
