import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sameOriginPath } from "@/lib/auth/same-origin-path";

const origin = "http://localhost:3110";

describe("sameOriginPath: where sign-in may send the browser", () => {
  it.each([
    ["/\\localhost:3999/pwned"],
    ["/%5Clocalhost:3999/pwned".replace("%5C", "\\")],
    ["//evil.example/x"],
    ["\\\\evil.example"],
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["https://evil.example/admin"],
    ["http://localhost:3999/admin"],
    ["https://localhost:3110/admin"],
    ["javascript:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["/.//evil.example"],
    ["/admin/../..//evil.example"],
    ["http://localhost:3110//evil.example"],
    [""],
    ["x".repeat(3000)],
  ])("refuses %j", (target) => {
    expect(sameOriginPath(target, origin)).toBe("/admin");
  });

  it.each([
    ["/admin", "/admin"],
    ["/admin?day=2026-12-01#slot-3", "/admin?day=2026-12-01#slot-3"],
    ["http://localhost:3110/account/two-factor", "/account/two-factor"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["admin", "/admin"],
  ])("keeps %j as %j", (target, path) => {
    expect(sameOriginPath(target, origin)).toBe(path);
  });

  it("refuses what is not a string", () => {
    for (const target of [undefined, null, 42, ["/admin"], { href: "/admin" }]) expect(sameOriginPath(target, origin)).toBe("/admin");
  });

  it("never returns a path that a browser would resolve to another origin", () => {
    const hostile = fc.oneof(
      fc.string({ unit: "grapheme-composite", maxLength: 40 }),
      fc
        .tuple(fc.constantFrom("/", "\\", "//", "/\\", "\t", "/./", "/../", "http:", "https:", " "), fc.string({ maxLength: 20 }))
        .map(([head, tail]) => `${head}${tail}`),
      fc.webUrl(),
    );
    fc.assert(
      fc.property(hostile, (target) => {
        const path = sameOriginPath(target, origin, "/fallback");
        expect(path.startsWith("/") && !path.startsWith("//")).toBe(true);
        expect(new URL(path, origin).origin).toBe(origin);
      }),
      { numRuns: 2000 },
    );
  });
});
