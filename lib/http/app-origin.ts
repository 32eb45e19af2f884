/** The app's public origin (NEXTAUTH_URL, which `npm start` and every deployment set). */
export function configuredOrigin(): string | null {
  const url = process.env.NEXTAUTH_URL;
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
