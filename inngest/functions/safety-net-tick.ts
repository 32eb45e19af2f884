import { cron } from "inngest";
import { tick } from "@/lib/distribution/execution/tick";
import { inngest } from "../client";

/** Every minute: whatever a per-slot run missed (lost event, crashed executor) is picked up here. */
export const safetyNetTick = inngest.createFunction(
  { id: "distribution-safety-net-tick", triggers: [cron("* * * * *")], concurrency: { limit: 1 } },
  async ({ step }) => {
    const result = await step.run("tick", () => tick());
    return { executed: result.executed.length, reaped: result.reaped.length, missed: result.missed.length };
  },
);
