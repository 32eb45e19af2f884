import { isIP } from "node:net";

// Who the client is and which origin it used. Forwarded headers are believed only behind a
// configured proxy (SLOTPAY_TRUSTED_PROXY); otherwise proxy.ts strips the client's own, and
// Next.js fills X-Forwarded-For with the socket's address and X-Forwarded-Host with Host.

/** Headers a client could forge; proxy.ts removes them unless a trusted proxy sets them. */
export const forwardedHeaderNames = [
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
];

/** SLOTPAY_TRUSTED_PROXY: unset/false → none; true → one proxy in front of the app; N → a chain of N. */
export function trustedProxyHops(): number {
  const raw = process.env.SLOTPAY_TRUSTED_PROXY?.trim().toLowerCase() ?? "";
  if (raw === "true") return 1;
  const hops = Number(raw);
  return Number.isInteger(hops) && hops > 0 && hops <= 10 ? hops : 0;
}

const listOf = (value: string | null) =>
  (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);

/** IPv4 as is; IPv6 by its /64, the block one subscriber holds, so rotating addresses inside it does not help. */
function normalizeAddress(address: string): string | null {
  const bare = address
    .replace(/^\[|\](:\d+)?$/g, "")
    .replace(/^::ffff:(?=\d+\.)/i, "")
    .replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1");
  const version = isIP(bare);
  if (version === 4) return bare;
  if (version !== 6) return null;
  const [head, tail = ""] = bare.toLowerCase().split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = bare.includes("::") && tail ? tail.split(":") : [];
  const groups = [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill("0"), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** The client's address: the one the nearest trusted proxy saw, or the socket's; "unknown" when neither is known. */
export function clientAddress(headers: Headers): string {
  const chain = listOf(headers.get("x-forwarded-for"));
  const hops = Math.max(trustedProxyHops(), 1);
  const address = chain.length >= hops ? chain[chain.length - hops] : undefined;
  return (address && normalizeAddress(address)) ?? "unknown";
}

/** The origin a trusted proxy says the client used, or null. */
export function forwardedOrigin(headers: Headers): string | null {
  if (trustedProxyHops() === 0) return null;
  const host = listOf(headers.get("x-forwarded-host"))[0];
  const proto = listOf(headers.get("x-forwarded-proto"))[0] ?? "https";
  if (!host || !/^https?$/.test(proto)) return null;
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return null;
  }
}
