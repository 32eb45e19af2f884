import { enrollBody } from "@/lib/auth/enroll-body";
import { completeTwoFactorEnrollment } from "@/lib/auth/two-factor-enrollment";
import { route } from "@/lib/http/route";

// POST /api/account/two-factor – finish 2FA enrollment with a code from the new authenticator
export const POST = route(
  { access: "signed-in", action: "account.two-factor.enroll", stepUp: false, body: enrollBody },
  async ({ session, body }) => {
    await completeTwoFactorEnrollment({ user: session!.user, ...body });
    return { success: true, message: "Two-factor authentication is set up" };
  },
);
