import { cron } from "inngest";
import { tick } from "@/lib/distribution/execution/tick";
import { logEvent } from "@/lib/observability/log";
import { inngest } from "../client";

/** Every minute: whatever a per-slot run missed (lost event, crashed executor) is picked up here. */
export const safetyNetTick = inngest.createFunction(
  { id: "distribution-safety-net-tick", triggers: [cron("* * * * *")], concurrency: { limit: 1 } },
  async ({ step }) =>
    step.run("tick", async () => {
      const result = await tick();
      const counts = { executed: result.executed.length, reaped: result.reaped.length, missed: result.missed.length };
      // A slot executed here was missed by its per-slot run: worth an operator's look.
      const level = counts.executed ? "warn" : "info";
      logEvent("inngest.safety-net-tick", { ...counts, slotIds: result.executed.map((slot) => slot.slotId) }, level);
      return counts;
    }),
);
