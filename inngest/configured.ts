/**
 * Inngest drives execution only when it is configured; otherwise the embedded scheduler does.
 * Its own module, so asking does not create the client (which reads its configuration once, when created).
 */
export const inngestConfigured = () => Boolean(process.env.INNGEST_EVENT_KEY || process.env.INNGEST_DEV || process.env.INNGEST_BASE_URL);
