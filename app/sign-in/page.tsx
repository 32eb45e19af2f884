import { SignInForm } from "@/components/sign-in-form";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  // Only same-site paths, so the page cannot be used to bounce a signed-in admin elsewhere.
  const target = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/admin";
  return (
    <main>
      <h1>Sign in to Slotpay</h1>
      <p className="muted">The authentication code is the 6-digit code of your authenticator app.</p>
      <SignInForm callbackUrl={target} />
    </main>
  );
}
