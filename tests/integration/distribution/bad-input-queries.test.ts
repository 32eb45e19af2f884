import { beforeAll, describe, it } from "vitest";
import { expectRefusedWithoutChange, useBadInputDay, type Case } from "../../helpers/bad-input";
import type { SignedIn } from "../../helpers/session";

// Bad query strings for the reads: preview, history and the audit log.

let admin: SignedIn;

const longAction = "x".repeat(101);
const queryCases: Case[] = [
  ...["0", "-1", "101", "abc", "", "1.123456789", "Infinity", "1e400"].map((value): Case => [
    `preview rosPercentage=${JSON.stringify(value)}`,
    () => admin.api.preview({ rosPercentage: value }),
  ]),
  ...(
    [
      { from: "2026-13-01" },
      { from: "abc" },
      { from: "" },
      { to: "2026-02-30" },
      { to: "2026-1-1" },
      { from: "2026-02-14", to: "2026-02-13" },
      { from: "2024-01-01", to: "2026-01-01" },
    ] as Record<string, string>[]
  ).map((query): Case => [`history ${JSON.stringify(query)}`, () => admin.api.history(query)]),
  ...(
    [
      { page: "0" },
      { page: "-1" },
      { page: "1.5" },
      { page: "abc" },
      { page: "100001" },
      { pageSize: "0" },
      { pageSize: "201" },
      { outcome: "DONE" },
      { action: longAction },
    ] as Record<string, string>[]
  ).map((query): Case => [`audit-log ${JSON.stringify(query).slice(0, 40)}`, () => admin.api.auditLog(query)]),
];

beforeAll(async () => {
  admin = await useBadInputDay();
});

describe("every route answers bad input with 400 VALIDATION and changes nothing", () => {
  it.each(queryCases)("%s", async (_name, run) => {
    await expectRefusedWithoutChange(run);
  });
});
