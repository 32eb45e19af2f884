import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";

const cost = Number(process.env.BCRYPT_COST ?? 12);

export const hashPassword = (password: string) => bcrypt.hash(password, cost);

export const passwordMatches = (password: string, hash: string | null | undefined) =>
  hash ? bcrypt.compare(password, hash) : Promise.resolve(false);

let decoy: Promise<string> | undefined;

/**
 * A hash of a random password at the cost new hashes get: a sign-in for an unknown account
 * compares against it, so it takes as long as one for a known account.
 */
export function decoyPasswordHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(18).toString("base64"));
  return decoy;
}
