import { handleInngestRequest } from "@/inngest/serve";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// On Vercel the distribute step (one slot's whole payout) runs inside this function: its time
// limit must exceed the largest slot's payout (decision 012; README "Serverless limits").
export const maxDuration = 300;

// GET/POST/PUT /api/inngest – Inngest's serve endpoint (404 JSON when Inngest does not drive execution)
export const GET = route({ access: "public" }, ({ request }) => handleInngestRequest("GET", request));
export const POST = route({ access: "public" }, ({ request }) => handleInngestRequest("POST", request));
export const PUT = route({ access: "public" }, ({ request }) => handleInngestRequest("PUT", request));
