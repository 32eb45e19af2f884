import type { NextRequest } from "next/server";
import { serve } from "inngest/next";
import { AppError } from "@/lib/errors/app-error";
import { inngest } from "./client";
import { inngestConfigured } from "./configured";
import { functions } from "./index";

export const servePath = "/api/inngest";

/**
 * The origin Inngest is told to call this app at: INNGEST_SERVE_ORIGIN, else NEXTAUTH_URL's.
 * Never one taken from the request, so a forged Host header cannot redirect the app's runs
 * (and the payouts they trigger) to another server.
 */
export function configuredServeOrigin(): string | undefined {
  const configured = process.env.INNGEST_SERVE_ORIGIN || process.env.NEXTAUTH_URL;
  return configured ? new URL(configured).origin : undefined;
}

type Handlers = ReturnType<typeof serve>;
const holder = globalThis as typeof globalThis & { __slotpayInngestServe?: { origin: string; handlers: Handlers } };

function handlersFor(origin: string): Handlers {
  if (holder.__slotpayInngestServe?.origin !== origin) {
    // Signed mode: a sync must be signed too (the Inngest server's or dashboard's), never an anonymous PUT.
    const handlers = serve({ client: inngest, functions, serveOrigin: origin, servePath, enableUnauthedSync: false });
    holder.__slotpayInngestServe = { origin, handlers };
  }
  return holder.__slotpayInngestServe.handlers;
}

/** Inngest's serve endpoint when Inngest drives execution; a JSON 404 when the embedded scheduler does. */
export function handleInngestRequest(method: "GET" | "POST" | "PUT", request: Request): Promise<Response> {
  if (!inngestConfigured()) {
    throw new AppError("NOT_FOUND", "Inngest is not configured here: slots are executed by the embedded scheduler");
  }
  const origin = configuredServeOrigin();
  if (!origin) {
    throw new AppError("INTERNAL", "Set INNGEST_SERVE_ORIGIN (or NEXTAUTH_URL) to this app's public URL before serving Inngest");
  }
  // Next.js hands route handlers a NextRequest; the adapter reads only its url, method, headers and body.
  return handlersFor(origin)[method](request as NextRequest, undefined);
}
