import { stepUpStatus } from "@/lib/auth/step-up-status";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/account/step-up – whether this session's 2FA step-up window is open, and until when
export const GET = route({ access: "signed-in" }, ({ session }) => stepUpStatus({ session: session! }));
