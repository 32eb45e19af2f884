import { parseArgs } from "node:util";
import { createApiKey } from "./create-api-key";
import { listApiKeys } from "./list-api-keys";
import { revokeApiKey } from "./revoke-api-key";
import { createApiKeyBody } from "./schemas";

export const apiKeyUsage = [
  "Usage: npm run api-key -- create --name <name> --scopes <scope,scope>",
  "       npm run api-key -- list",
  "       npm run api-key -- revoke <id>",
  "Scopes: members:write, stakes:write, payouts:read",
].join("\n");

type Output = { log: (line: string) => void; error: (line: string) => void };

// The command line speaks for whoever runs it on the server: the audit log says so.
const cliActor = { id: null, email: "command line" };

/** Exit codes: 0 done, 1 refused (e.g. no such key), 2 bad usage. */
export async function runApiKeyCli(args: readonly string[], out: Output = console): Promise<number> {
  const [command, ...rest] = args[0] === "--" ? args.slice(1) : args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: { name: { type: "string" }, scopes: { type: "string" } },
    allowPositionals: true,
    strict: false,
  });
  if (command === "create") {
    const parsed = createApiKeyBody.safeParse({
      name: values.name,
      scopes: typeof values.scopes === "string" ? values.scopes.split(",").map((s) => s.trim()) : undefined,
    });
    if (!parsed.success) {
      out.error(`${parsed.error.issues.map((issue) => issue.message).join("; ")}\n${apiKeyUsage}`);
      return 2;
    }
    const { key, apiKey } = await createApiKey({ actor: cliActor, ...parsed.data });
    out.log(`Created API key ${apiKey.id} "${apiKey.name}" (${apiKey.scopes.join(", ")}). It is shown only now:\n${key}`);
    return 0;
  }
  if (command === "list") {
    const { apiKeys } = await listApiKeys();
    if (apiKeys.length === 0) out.log("No API keys.");
    for (const k of apiKeys) {
      const state = k.revokedAt ? `revoked ${k.revokedAt}` : `last used ${k.lastUsedAt ?? "never"}`;
      out.log(`${k.id}\t${k.name}\t${k.prefix}…\t${k.scopes.join(",")}\tcreated ${k.createdAt}\t${state}`);
    }
    return 0;
  }
  if (command === "revoke" && positionals.length === 1 && /^[1-9]\d{0,8}$/.test(positionals[0])) {
    try {
      out.log((await revokeApiKey({ actor: cliActor, id: Number(positionals[0]) })).message);
      return 0;
    } catch (error) {
      out.error(error instanceof Error ? error.message : String(error));
      return 1;
    }
  }
  out.error(apiKeyUsage);
  return 2;
}
