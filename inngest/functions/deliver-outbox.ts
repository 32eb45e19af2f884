import { cron } from "inngest";
import { deliverDueMessages } from "@/lib/webhooks/deliver-due-messages";
import { inngest } from "../client";

/** Every minute: slot messages (webhooks, events) whose delivery after commit was lost or is due for a retry. */
export const deliverOutbox = inngest.createFunction(
  { id: "deliver-slot-messages", triggers: [cron("* * * * *")], concurrency: { limit: 1 } },
  async ({ step }) => step.run("deliver", () => deliverDueMessages()),
);
