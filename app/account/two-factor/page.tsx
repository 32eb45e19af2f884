import { CircleCheckIcon } from "lucide-react";
import QRCode from "qrcode";
import { AppShell } from "@/components/shell/app-shell";
import { TwoFactorEnrollmentForm } from "@/components/two-factor-enrollment-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePageSession } from "@/lib/auth/current-session";
import { startTwoFactorEnrollment } from "@/lib/auth/two-factor-enrollment";

export const dynamic = "force-dynamic";

export default async function TwoFactorPage() {
  const session = await requirePageSession();
  if (session.user.twoFactorEnabled) {
    return (
      <AppShell user={session.user}>
        <h1 className="mb-4 text-2xl font-semibold">Two-factor authentication</h1>
        <Alert tone="success">
          <CircleCheckIcon aria-hidden />
          <AlertTitle>On</AlertTitle>
          <AlertDescription>Two-factor authentication is on for {session.user.email}.</AlertDescription>
        </Alert>
      </AppShell>
    );
  }
  const enrollment = startTwoFactorEnrollment(session.user);
  const qr = await QRCode.toDataURL(enrollment.uri, { margin: 1, width: 220 });
  return (
    <AppShell user={session.user}>
      <h1 className="mb-4 text-2xl font-semibold">Set up two-factor authentication</h1>
      <Card className="max-w-xl">
        <CardHeader>
          <CardTitle>1. Add Slotpay to your authenticator app</CardTitle>
          <CardDescription>Scan this code with an authenticator app, then enter the 6-digit code it shows.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL, nothing to optimise */}
          <img src={qr} alt="QR code for your authenticator app" width={220} height={220} className="rounded-md border bg-white p-1" />
          <p className="text-sm text-muted-foreground">
            Or enter this key by hand: <code className="font-mono break-all text-foreground">{enrollment.secret}</code>
          </p>
        </CardContent>
        <CardHeader>
          <CardTitle>2. Confirm with a code</CardTitle>
        </CardHeader>
        <CardContent>
          <TwoFactorEnrollmentForm enrollmentToken={enrollment.enrollmentToken} />
        </CardContent>
      </Card>
    </AppShell>
  );
}
