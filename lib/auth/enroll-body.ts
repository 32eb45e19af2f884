import { z } from "zod";

/** POST /api/account/two-factor: the enrollment token the page was given and a code from the new authenticator. */
export const enrollBody = z.object({
  enrollmentToken: z.string().min(1).max(1000),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "code must be 6 digits"),
});
