import { Inngest } from "inngest";

// Event keys and signing keys come from INNGEST_EVENT_KEY / INNGEST_SIGNING_KEY;
// INNGEST_DEV / INNGEST_BASE_URL point it at a self-hosted or local Inngest server.
export const inngest = new Inngest({ id: "slotpay" });
