const maxTargetLength = 2048;

/**
 * Where to send a browser after sign-in: the path of `target` when it resolves to `origin`
 * itself, else `fallback`. Resolving (rather than matching prefixes) catches every spelling the
 * browser would follow elsewhere: "//host", "/\host", tabs inside the slashes, "https://host".
 * A same-origin URL whose path starts with "//" ("/.//host") is refused too: as a path it would
 * leave the origin.
 */
export function sameOriginPath(target: unknown, origin: string, fallback = "/admin"): string {
  if (typeof target !== "string" || target.length === 0 || target.length > maxTargetLength) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(target, origin);
  } catch {
    return fallback;
  }
  if (resolved.origin !== new URL(origin).origin) return fallback;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
}
