import { tick } from "@/lib/distribution/execution/tick";
import { tickBody } from "@/lib/distribution/schemas";
import { route } from "@/lib/http/route";

const enabled = () => process.env.ENABLE_TEST_ENDPOINTS === "true";

// POST /api/admin/daily-declaration-returns/test-execute-cron – one scheduler tick as of `now`
// (only with ENABLE_TEST_ENDPOINTS=true). The same tick the schedulers run.
const runTick = route({ access: "admin", action: "scheduler.test-tick", body: tickBody }, async ({ body }) => {
  const result = await tick({ now: body.now ? new Date(body.now) : undefined });
  return { success: true, message: `Executed ${result.executed.length} slot(s)`, ...result };
});

async function handle(request: Request) {
  if (!enabled()) return Response.json({ success: false, code: "NOT_FOUND", message: "Not found" }, { status: 404 });
  return runTick(request);
}
export const POST = Object.assign(handle, { contract: runTick.contract });
