import QRCode from "qrcode";
import { AppShell } from "@/components/shell/app-shell";
import { TwoFactorEnrollmentForm } from "@/components/two-factor-enrollment-form";
import { requirePageSession } from "@/lib/auth/current-session";
import { startTwoFactorEnrollment } from "@/lib/auth/two-factor-enrollment";

export const dynamic = "force-dynamic";

export default async function TwoFactorPage() {
  const session = await requirePageSession();
  if (session.user.twoFactorEnabled) {
    return (
      <AppShell user={session.user}>
        <h1 className="mb-4 text-2xl font-semibold">Two-factor authentication</h1>
        <p>Two-factor authentication is on for {session.user.email}.</p>
      </AppShell>
    );
  }
  const enrollment = startTwoFactorEnrollment(session.user);
  const qr = await QRCode.toDataURL(enrollment.uri, { margin: 1, width: 220 });
  return (
    <AppShell user={session.user}>
      <h1 className="mb-4 text-2xl font-semibold">Set up two-factor authentication</h1>
      <div className="card">
        <p>Scan this code with an authenticator app, then enter the 6-digit code it shows.</p>
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL, nothing to optimise */}
        <img src={qr} alt="QR code for your authenticator app" width={220} height={220} />
        <p className="muted">
          Or enter this key by hand: <code>{enrollment.secret}</code>
        </p>
      </div>
      <TwoFactorEnrollmentForm enrollmentToken={enrollment.enrollmentToken} />
    </AppShell>
  );
}
