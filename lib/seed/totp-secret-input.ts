const base32Alphabet = /^[A-Z2-7]+$/;
const minimumSecretBytes = 16;

/**
 * A TOTP secret given by an operator, normalised to unpadded upper-case base32.
 * Authenticator apps show secrets in groups and sometimes lower case, so both are accepted.
 */
export function parseTotpSecret(raw: string, variableName: string): string {
  const secret = raw.replace(/[\s-]/g, "").replace(/=+$/, "").toUpperCase();
  if (!base32Alphabet.test(secret)) {
    throw new Error(`${variableName} must be base32 (letters A-Z and digits 2-7).`);
  }
  // Unpadded base32 never ends after 1, 3 or 6 characters of an 8-character group.
  if ([1, 3, 6].includes(secret.length % 8)) {
    throw new Error(`${variableName} is not valid base32: its length (${secret.length}) is impossible.`);
  }
  const bytes = Math.floor((secret.length * 5) / 8);
  if (bytes < minimumSecretBytes) {
    throw new Error(
      `${variableName} decodes to ${bytes} bytes; at least ${minimumSecretBytes} are required ` +
        `(32 base32 characters for the usual 20-byte secret).`,
    );
  }
  return secret;
}
