import bcrypt from "bcryptjs";

const cost = Number(process.env.BCRYPT_COST ?? 12);

export const hashPassword = (password: string) => bcrypt.hash(password, cost);

export const passwordMatches = (password: string, hash: string | null | undefined) =>
  hash ? bcrypt.compare(password, hash) : Promise.resolve(false);
