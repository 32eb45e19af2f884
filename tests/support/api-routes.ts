import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

// Every route handler file under app/api, found on disk, so a suite built on this list covers
// a route the day its file is added.

const projectRoot = path.resolve(import.meta.dirname, "../..");
const httpMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof httpMethods)[number];

export type Handler = (request: Request, context?: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export type ApiRoute = {
  /** The URL pattern, e.g. "/api/admin/daily-declaration-returns/slots/[slotNumber]/retry". */
  pattern: string;
  file: string;
  /** The HTTP methods the file exports, with their handlers. */
  handlers: Partial<Record<HttpMethod, Handler>>;
};

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js)$/.test(entry.name) ? [full] : [];
  });
}

export async function apiRoutes(): Promise<ApiRoute[]> {
  const files = routeFiles(path.join(projectRoot, "app", "api")).sort();
  return Promise.all(
    files.map(async (file) => {
      const exported = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const handlers = Object.fromEntries(
        httpMethods.filter((m) => typeof exported[m] === "function").map((m) => [m, exported[m] as Handler]),
      );
      const pattern = `/${path.relative(path.join(projectRoot, "app"), path.dirname(file)).split(path.sep).join("/")}`;
      return { pattern, file: path.relative(projectRoot, file), handlers };
    }),
  );
}

/** "METHOD pattern" for every exported handler: what the per-route tables are keyed by. */
export const routeKeys = (routes: ApiRoute[]) =>
  routes.flatMap((route) => Object.keys(route.handlers).map((method) => `${method} ${route.pattern}`));
