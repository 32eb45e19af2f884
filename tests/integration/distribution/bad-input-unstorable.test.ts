import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { expectRefusedWithoutChange, mutationSender, useBadInputDay, type Case } from "../../helpers/bad-input";
import { expectError } from "../../helpers/http";
import type { SignedIn } from "../../helpers/session";
import { todayIn } from "../../helpers/today";

// Issue 7, item 13: input PostgreSQL cannot store answered 500. NUL and lone surrogates (and
// other control characters) in any string of a body or query, and dates without a year
// PostgreSQL knows, are 400s that change nothing and are audited like other refusals.

let admin: SignedIn;
const send = mutationSender(() => admin);
const validSlot = { slotNumber: 3, rosPercentage: 1.5 };

const hostileStrings: [string, string][] = [
  ["a NUL byte", "a\u0000b"],
  ["a lone high surrogate", "x\ud800y"],
  ["a lone low surrogate", "x\udc00"],
  ["a bell", "ring\u0007"],
  ["an escape sequence", "\u001b[31mred"],
  ["DEL", "del\u007f"],
  ["a C1 control", "next\u0085line"],
];

const bodyCases: Case[] = hostileStrings.flatMap(([name, text]): Case[] => [
  [`queue description with ${name}`, () => send("queue", { body: { description: text, distributionSlots: [validSlot] } })],
  [`modify description with ${name}`, () => send("modify", { body: { description: text, distributionSlots: [validSlot] } })],
  [`settings timeZone with ${name}`, () => send("putSettings", { body: { timeZone: `Europe/London${text}` } })],
  [`a field name with ${name}`, () => send("queue", { body: { [`x${text}`]: 1, distributionSlots: [validSlot] } })],
  [
    `an unknown nested field with ${name}`,
    () => send("addSlots", { body: { additionalSlots: [{ slotNumber: 4, rosPercentage: 1, note: { deep: [text] } }] } }),
  ],
]);

const queryCases: Case[] = [
  ["audit-log?action=a%00b", () => admin.api.auditLog({ action: "a\u0000b" })],
  ["audit-log?action with an escape character", () => admin.api.auditLog({ action: "\u001b[2J" })],
  ["history?from=0000-01-01&to=0000-12-31", () => admin.api.history({ from: "0000-01-01", to: "0000-12-31" })],
  ["history?from=1969-12-31", () => admin.api.history({ from: "1969-12-31" })],
  ["preview?rosPercentage=1%00", () => admin.api.preview({ rosPercentage: "1\u0000" })],
  [
    "queue scheduledFor in year 0",
    () => send("queue", { body: { distributionSlots: [{ ...validSlot, scheduledFor: "0000-01-01T00:00:00Z" }] } }),
  ],
  ["retry slot number with a NUL", () => send("retry", { body: {}, slotNumber: "2\u0000" })],
  [
    "a body nested 40 levels deep",
    () => send("queue", { body: { distributionSlots: [validSlot], extra: JSON.parse(`${"[".repeat(40)}${"]".repeat(40)}`) } }),
  ],
];

beforeAll(async () => {
  admin = await useBadInputDay();
});

describe("input that cannot be stored", () => {
  it.each([...bodyCases, ...queryCases])("%s is a 400 that changes nothing", async (_name, run) => {
    await expectRefusedWithoutChange(run);
  });

  it("says which string and why", async () => {
    const body = await expectError(
      await send("queue", { body: { description: "a\u0000b", distributionSlots: [validSlot] } }),
      400,
      "VALIDATION",
    );
    expect(body.message).toBe("body.description contains the control character U+0000");
  });

  it("keeps tabs and line breaks, which text may hold", async () => {
    const today = todayIn((await db().settings.findUniqueOrThrow({ where: { id: 1 } })).timeZone);
    const response = await send("queue", {
      body: { description: "Evening\n\tpayout\r\n", distributionSlots: [{ ...validSlot, scheduledFor: today.at("20:30") }] },
    });
    expect(response.status).toBe(200);
  });

  it("audits a refused mutation of a signed-in admin, like any other refusal", async () => {
    const before = await db().auditLog.count({ where: { action: "distribution.modify", outcome: "REFUSED", actorId: admin.user.id } });
    await send("modify", { body: { description: "x\ud800y", distributionSlots: [validSlot] } });
    const rows = await db().auditLog.findMany({
      where: { action: "distribution.modify", outcome: "REFUSED", actorId: admin.user.id },
      orderBy: { id: "desc" },
    });
    expect(rows).toHaveLength(before + 1);
    expect(rows[0].reason).toBe("VALIDATION: body.description contains a lone UTF-16 surrogate");
  });
});
