import { z } from "zod";
import { completeTwoFactorEnrollment } from "@/lib/auth/two-factor-enrollment";
import { route } from "@/lib/http/route";

const enrollBody = z.object({
  enrollmentToken: z.string().min(1).max(1000),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "code must be 6 digits"),
});

// POST /api/account/two-factor – finish 2FA enrollment with a code from the new authenticator
export const POST = route(
  { access: "signed-in", action: "account.two-factor.enroll", stepUp: false, body: enrollBody },
  async ({ session, body }) => {
    await completeTwoFactorEnrollment({ user: session!.user, ...body });
    return { success: true, message: "Two-factor authentication is set up" };
  },
);
