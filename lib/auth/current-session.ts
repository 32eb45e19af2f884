import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { sessionFromCookies } from "./session-cookie";

/** For server components: the signed-in session, or a redirect to the sign-in page. */
export async function requirePageSession() {
  const session = await sessionFromCookies((await headers()).get("cookie"));
  if (!session) redirect("/sign-in");
  return session;
}
