import { SignInForm } from "@/components/sign-in-form";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { sameOriginPath } from "@/lib/auth/same-origin-path";
import { configuredOrigin } from "@/lib/http/app-origin";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  // Only paths of this origin, so the page cannot be used to bounce a signed-in admin elsewhere.
  const target = sameOriginPath(callbackUrl, configuredOrigin() ?? "http://localhost");
  return (
    <main id="main" className="grid min-h-dvh place-items-center bg-muted/40 px-3 py-8">
      <Card className="w-full max-w-sm">
        <CardHeader>
          <p className="text-sm font-semibold tracking-wide text-primary">Slotpay</p>
          <h1 className="text-xl font-semibold">Sign in to Slotpay</h1>
          <CardDescription>Daily declaration returns console</CardDescription>
        </CardHeader>
        <CardContent>
          <SignInForm callbackUrl={target} />
        </CardContent>
      </Card>
    </main>
  );
}
