import { Inngest } from "inngest";

// Event keys and signing keys come from INNGEST_EVENT_KEY / INNGEST_SIGNING_KEY;
// INNGEST_DEV / INNGEST_BASE_URL point it at a self-hosted or local Inngest server.
export const inngest = new Inngest({ id: "slotpay" });

/** Inngest drives execution only when it is configured; otherwise the embedded scheduler does. */
export const inngestConfigured = () => Boolean(process.env.INNGEST_EVENT_KEY || process.env.INNGEST_DEV || process.env.INNGEST_BASE_URL);
