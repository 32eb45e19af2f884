import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/index";

// GET/POST/PUT /api/inngest – Inngest's serve endpoint
export const { GET, POST, PUT } = serve({ client: inngest, functions });
