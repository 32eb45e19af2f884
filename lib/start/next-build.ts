import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const sourceDirectories = ["app", "components", "lib", "inngest", "prisma"];
const rootConfig =
  /^(next\.config\.\w+|tsconfig\.json|package(-lock)?\.json|(instrumentation|middleware|proxy)\.(ts|js)|postcss\.config\.\w+|\.env.*)$/;

function firstFileModifiedAfter(directory: string, since: number): string | null {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      const found = firstFileModifiedAfter(full, since);
      if (found) return found;
    } else if (entry.isFile() && statSync(full).mtimeMs > since) {
      return full;
    }
  }
  return null;
}

/** Why `next build` must run before `next start`, or null when .next is newer than every source. */
export function nextBuildNeededBecause(options: { projectRoot: string }): string | null {
  const { projectRoot } = options;
  const buildId = path.join(projectRoot, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "there is no build yet";
  const builtAt = statSync(buildId).mtimeMs;
  const rootFiles = readdirSync(projectRoot, { withFileTypes: true }).filter((e) => e.isFile() && rootConfig.test(e.name));
  const changedRootFile = rootFiles.find((e) => statSync(path.join(projectRoot, e.name)).mtimeMs > builtAt);
  if (changedRootFile) return `${changedRootFile.name} changed since the last build`;
  for (const directory of sourceDirectories) {
    const full = path.join(projectRoot, directory);
    const changed = existsSync(full) ? firstFileModifiedAfter(full, builtAt) : null;
    if (changed) return `${path.relative(projectRoot, changed)} changed since the last build`;
  }
  return null;
}
