import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { expectRefusedWithoutChange, mutationSender, tomorrow, useBadInputDay, yesterday, type Case } from "../../helpers/bad-input";
import { expectError } from "../../helpers/http";
import type { SignedIn } from "../../helpers/session";

// Bad slot lists and day fields in queue, modify and add-slots bodies. Today's day: slot 1
// COMPLETED, 2 FAILED, 3 PENDING; at most 4 slots.

let admin: SignedIn;
const send = mutationSender(() => admin);

type Slot = Record<string, unknown>;
const slotCases = (key: "distributionSlots" | "additionalSlots", target: number): [string, Slot[]][] =>
  [
    ["rosPercentage as a string", [{ slotNumber: target, rosPercentage: "2.5" }]],
    ["slotNumber as a string", [{ slotNumber: String(target), rosPercentage: 1 }]],
    ["rosPercentage missing", [{ slotNumber: target }]],
    ["rosPercentage null", [{ slotNumber: target, rosPercentage: null }]],
    ["rosPercentage 0", [{ slotNumber: target, rosPercentage: 0 }]],
    ["rosPercentage -1", [{ slotNumber: target, rosPercentage: -1 }]],
    ["rosPercentage 101", [{ slotNumber: target, rosPercentage: 101 }]],
    ["rosPercentage 11, above the settings maximum of 10", [{ slotNumber: target, rosPercentage: 11 }]],
    ["rosPercentage 10.00000001, just above the maximum", [{ slotNumber: target, rosPercentage: 10.00000001 }]],
    ["rosPercentage with 9 decimals", [{ slotNumber: target, rosPercentage: 1.123456789 }]],
    [
      "duplicate slot numbers",
      [
        { slotNumber: target, rosPercentage: 1 },
        { slotNumber: target, rosPercentage: 2 },
      ],
    ],
    ["slotNumber 0", [{ slotNumber: 0, rosPercentage: 1, time: "20:00" }]],
    ["slotNumber 1.5", [{ slotNumber: 1.5, rosPercentage: 1, time: "20:00" }]],
    ["slotNumber 201", [{ slotNumber: 201, rosPercentage: 1, time: "20:00" }]],
    ["slotNumber 5, above maxSlotsPerDay 4", [{ slotNumber: 5, rosPercentage: 1, time: "20:00" }]],
    ["scheduledFor yesterday", [{ slotNumber: target, rosPercentage: 1, scheduledFor: yesterday() }]],
    ["scheduledFor tomorrow", [{ slotNumber: target, rosPercentage: 1, scheduledFor: tomorrow() }]],
    ["scheduledFor that is not a date", [{ slotNumber: target, rosPercentage: 1, scheduledFor: "tomorrow at noon" }]],
    ["scheduledFor in month 13", [{ slotNumber: target, rosPercentage: 1, scheduledFor: "2026-13-01T10:00:00Z" }]],
    ["scheduledFor without an offset", [{ slotNumber: target, rosPercentage: 1, scheduledFor: "2026-02-13T20:00:00" }]],
    ["scheduledFor as a number", [{ slotNumber: target, rosPercentage: 1, scheduledFor: Date.now() }]],
    ["time 25:00", [{ slotNumber: target, rosPercentage: 1, time: "25:00" }]],
    ["time 7:00", [{ slotNumber: target, rosPercentage: 1, time: "7:00" }]],
    ["time 12:60", [{ slotNumber: target, rosPercentage: 1, time: "12:60" }]],
    ["time with milliseconds", [{ slotNumber: target, rosPercentage: 1, time: "20:00:00.500" }]],
    ["a slot that is not an object", ["slot" as unknown as Slot]],
  ].map(([name, list]) => [`${key}: ${name}`, list as Slot[]]);

const queueCases: [string, Record<string, unknown>][] = [
  ...slotCases("distributionSlots", 4).map(([name, list]): [string, Record<string, unknown>] => [name, { distributionSlots: list }]),
  [
    "five slots, more than maxSlotsPerDay 4",
    { distributionSlots: [1, 2, 3, 4, 5].map((n) => ({ slotNumber: n, rosPercentage: 1, time: "20:00" })) },
  ],
  ["no slots", { distributionSlots: [] }],
  ["nothing", {}],
  ["distributionSlots as an object", { distributionSlots: { slotNumber: 4, rosPercentage: 1 } }],
  ["premiumPoolAmount as a string", { premiumPoolAmount: "5000", distributionSlots: [{ slotNumber: 3, rosPercentage: 1 }] }],
  ["premiumPoolAmount negative", { premiumPoolAmount: -1, distributionSlots: [{ slotNumber: 3, rosPercentage: 1 }] }],
  ["performancePoolAmount negative", { performancePoolAmount: -0.01, distributionSlots: [{ slotNumber: 3, rosPercentage: 1 }] }],
  ["premiumPoolAmount with 9 decimals", { premiumPoolAmount: 1.123456789, distributionSlots: [{ slotNumber: 3, rosPercentage: 1 }] }],
  ["premiumPoolAmount above 10^12", { premiumPoolAmount: 1e13, distributionSlots: [{ slotNumber: 3, rosPercentage: 1 }] }],
  ["multiSlot as a string", { multiSlot: "yes", distributionSlots: [{ slotNumber: 3, rosPercentage: 1 }] }],
  [
    "single-slot with two slots",
    {
      multiSlot: false,
      distributionSlots: [
        { slotNumber: 3, rosPercentage: 1 },
        { slotNumber: 4, rosPercentage: 1 },
      ],
    },
  ],
  ["single-slot with no rosPercentage", { multiSlot: false }],
  ["a description of 10 000 characters", { description: "x".repeat(10_000), distributionSlots: [{ slotNumber: 3, rosPercentage: 1 }] }],
  ["a description that is a number", { description: 42, distributionSlots: [{ slotNumber: 3, rosPercentage: 1 }] }],
];

const modifyCases: [string, Record<string, unknown>][] = [
  ...slotCases("distributionSlots", 3).map(([name, list]): [string, Record<string, unknown>] => [name, { distributionSlots: list }]),
  [
    "a new slot scheduled tomorrow",
    {
      distributionSlots: [
        { slotNumber: 3, rosPercentage: 1 },
        { slotNumber: 4, rosPercentage: 1, scheduledFor: tomorrow() },
      ],
    },
  ],
  [
    "five slots, more than maxSlotsPerDay 4",
    { distributionSlots: [1, 2, 3, 4, 5].map((n) => ({ slotNumber: n, rosPercentage: 1, time: "20:00" })) },
  ],
  ["no slots", { distributionSlots: [] }],
  ["nothing", {}],
  ["premiumPoolAmount negative", { premiumPoolAmount: -5, distributionSlots: [{ slotNumber: 3, rosPercentage: 1 }] }],
  ["performancePoolAmount as a string", { performancePoolAmount: "10", distributionSlots: [{ slotNumber: 3, rosPercentage: 1 }] }],
  ["a description of 10 000 characters", { description: "x".repeat(10_000), distributionSlots: [{ slotNumber: 3, rosPercentage: 1 }] }],
];

const addSlotsCases: [string, Record<string, unknown>][] = [
  ...slotCases("additionalSlots", 4).map(([name, list]): [string, Record<string, unknown>] => [name, { additionalSlots: list }]),
  ["additionalSlots missing", {}],
  ["additionalSlots empty", { additionalSlots: [] }],
  ["additionalSlots null", { additionalSlots: null }],
  ["additionalSlots as a string", { additionalSlots: "4" }],
  ["additionalSlots as an object", { additionalSlots: { slotNumber: 4, rosPercentage: 1 } }],
  ["an existing slot number", { additionalSlots: [{ slotNumber: 3, rosPercentage: 1 }] }],
  [
    "a new slot next to an existing one",
    {
      additionalSlots: [
        { slotNumber: 4, rosPercentage: 1 },
        { slotNumber: 1, rosPercentage: 1 },
      ],
    },
  ],
];

const cases: Case[] = [
  ...queueCases.map(([name, body]): Case => [`queue: ${name}`, () => send("queue", { body })]),
  ...modifyCases.map(([name, body]): Case => [`modify: ${name}`, () => send("modify", { body })]),
  ...addSlotsCases.map(([name, body]): Case => [`add-slots: ${name}`, () => send("addSlots", { body })]),
];

beforeAll(async () => {
  admin = await useBadInputDay();
});

describe("every route answers bad input with 400 VALIDATION and changes nothing", () => {
  it.each(cases)("%s", async (_name, run) => {
    await expectRefusedWithoutChange(run);
  });

  it("audits refused mutations", async () => {
    const refusals = await db().auditLog.count({ where: { outcome: "REFUSED", reason: { startsWith: "VALIDATION" } } });
    expect(refusals).toBeGreaterThan(100);
  });

  it("gives zod's issues as details", async () => {
    const body = await expectError(
      await send("queue", { body: { distributionSlots: [{ slotNumber: 4, rosPercentage: "2.5" }] } }),
      400,
      "VALIDATION",
    );
    expect(body.details).toEqual([
      expect.objectContaining({ path: "distributionSlots.0.rosPercentage", message: "rosPercentage must be a number" }),
    ]);
  });
});
