import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite and Prisma's driver adapters load WASM and native modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
};

export default nextConfig;
