/** The origin of a URL, or null when it is not one. */
export function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The app's public origin (NEXTAUTH_URL, which `npm start` and every deployment set). */
export const configuredOrigin = (): string | null => (process.env.NEXTAUTH_URL ? originOf(process.env.NEXTAUTH_URL) : null);
