// Sign-in over real HTTP, as next-auth's client does it: a CSRF token (and its cookie) first,
// then the credentials form with json=true.

export type CookieJar = Map<string, string>;

export function storeCookies(jar: CookieJar, response: Response): void {
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(";");
    const eq = pair.indexOf("=");
    jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

export const cookieHeader = (jar: CookieJar) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

export async function signInOverHttp(
  baseUrl: string,
  fields: Record<string, string>,
  options: { jar?: CookieJar; headers?: Record<string, string> } = {},
): Promise<{ response: Response; body: { url?: string; code?: string; message?: string }; jar: CookieJar; error: string | null }> {
  const jar = options.jar ?? new Map();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie: cookieHeader(jar) } });
  storeCookies(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar), ...options.headers },
    body: new URLSearchParams({ csrfToken, json: "true", ...fields }),
  });
  storeCookies(jar, response);
  const body = (await response.json()) as { url?: string; code?: string; message?: string };
  const error = body.url ? new URL(body.url).searchParams.get("error") : null;
  return { response, body, jar, error };
}
