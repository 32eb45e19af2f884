import { defineConfig } from "prisma/config";

// The datasource URL is only used by Prisma's CLI; the app picks its adapter in lib/db/client.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/slotpay" },
});
