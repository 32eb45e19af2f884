import { SignInForm } from "@/components/sign-in-form";
import { sameOriginPath } from "@/lib/auth/same-origin-path";
import { configuredOrigin } from "@/lib/http/app-origin";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  // Only paths of this origin, so the page cannot be used to bounce a signed-in admin elsewhere.
  const target = sameOriginPath(callbackUrl, configuredOrigin() ?? "http://localhost");
  return (
    <main>
      <h1>Sign in to Slotpay</h1>
      <p className="muted">The authentication code is the 6-digit code of your authenticator app.</p>
      <SignInForm callbackUrl={target} />
    </main>
  );
}
