import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

const requireFromHere = createRequire(import.meta.url);

type SchemaEngineModule = typeof import("@prisma/schema-engine-wasm") & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

// Prisma's schema engine as WebAssembly. Instantiated by hand so that plain Node (without
// --experimental-wasm-modules) can load it; this is what its own ESM entry does.
let engineModule: Promise<SchemaEngineModule> | undefined;
const loadEngineModule = () => (engineModule ??= instantiateEngineModule());

async function instantiateEngineModule(): Promise<SchemaEngineModule> {
  // The engine reports Rust panics through this global before throwing.
  const panics = globalThis as typeof globalThis & { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
  panics.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (message) => console.error(`schema engine panic: ${message}`) };
  const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as SchemaEngineModule;
  const wasmPath = path.join(path.dirname(requireFromHere.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
    "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

export type EngineTarget = { kind: "pglite"; db?: PGlite } | { kind: "postgres"; url: string };

/** The engine on a database, and `close` to release its connections (it keeps them otherwise). */
export async function openSchemaEngine(target: EngineTarget, schemaPath: string, schemaText: string) {
  const { SchemaEngine } = await loadEngineModule();
  const pool = target.kind === "postgres" ? new pg.Pool({ connectionString: target.url, max: 2 }) : undefined;
  const factory = pool ? new PrismaPg(pool) : new PrismaPGlite(target.kind === "pglite" && target.db ? target.db : new PGlite());
  const log = (line: string) => {
    if (process.env.SLOTPAY_DEBUG_MIGRATIONS) console.error(line);
  };
  const engine = await (SchemaEngine as unknown as { new: (...a: unknown[]) => Promise<SchemaEngine> }).new(
    { datamodels: [[schemaPath, schemaText]] },
    log,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  // Without this the pool holds the migration advisory lock's session until its idle timeout.
  const close = async () => {
    await pool?.end();
  };
  return { engine, close };
}
