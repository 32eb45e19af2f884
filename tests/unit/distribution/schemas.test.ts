import { describe, expect, it } from "vitest";
import { addSlotsBody, historyQuery, modifyBody, previewQuery, queueBody, retryBody, slotNumberParam } from "@/lib/distribution/schemas";
import { settingsBody } from "@/lib/distribution/settings-schema";

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe("queueBody", () => {
  it("takes seed 000's multi-slot body, amounts as exact decimal strings", () => {
    expect(
      queueBody.parse({
        premiumPoolAmount: 5000,
        performancePoolAmount: 3000.5,
        description: "  Afternoon distributions ",
        multiSlot: true,
        distributionSlots: [
          { slotNumber: 1, rosPercentage: 2.5 },
          { slotNumber: 2, rosPercentage: 3, time: "10:00" },
          { slotNumber: 3, rosPercentage: 0.00000001, scheduledFor: "2026-02-13T14:00:00Z" },
        ],
      }),
    ).toEqual({
      premiumPoolAmount: "5000",
      performancePoolAmount: "3000.5",
      description: "Afternoon distributions",
      multiSlotEnabled: true,
      slots: [
        { slotNumber: 1, rosPercentage: "2.5" },
        { slotNumber: 2, rosPercentage: "3", time: "10:00" },
        { slotNumber: 3, rosPercentage: "0.00000001", scheduledFor: "2026-02-13T14:00:00Z" },
      ],
    });
  });

  it("accepts seed 001's multiSlotEnabled and drops the status fields the frontend echoes back", () => {
    const parsed = queueBody.parse({
      multiSlotEnabled: true,
      distributionSlots: [{ slotNumber: 1, rosPercentage: 1, status: "COMPLETED", executionDetails: { x: 1 } }],
    });
    expect(parsed.slots).toEqual([{ slotNumber: 1, rosPercentage: "1" }]);
    expect(parsed.multiSlotEnabled).toBe(true);
  });

  it("turns a single-slot body into slot 1", () => {
    expect(queueBody.parse({ multiSlot: false, rosPercentage: 1.5, time: "09:00" }).slots).toEqual([
      { slotNumber: 1, rosPercentage: "1.5", time: "09:00", scheduledFor: undefined },
    ]);
    expect(queueBody.parse({ multiSlotEnabled: false, distributionSlots: [{ slotNumber: 7, rosPercentage: 2 }] }).slots).toEqual([
      { slotNumber: 1, rosPercentage: "2", time: undefined, scheduledFor: undefined },
    ]);
  });

  it.each([
    ["no slots", { distributionSlots: [] }, "distributionSlots must be a non-empty array"],
    ["nothing at all", {}, "distributionSlots must be a non-empty array"],
    [
      "single-slot with two slots",
      {
        multiSlot: false,
        distributionSlots: [
          { slotNumber: 1, rosPercentage: 1 },
          { slotNumber: 2, rosPercentage: 1 },
        ],
      },
      "A single-slot distribution takes exactly one rosPercentage",
    ],
    [
      "duplicate slot numbers",
      {
        distributionSlots: [
          { slotNumber: 2, rosPercentage: 1 },
          { slotNumber: 2, rosPercentage: 1 },
        ],
      },
      "Duplicate slot number 2",
    ],
    ["rosPercentage 0", { distributionSlots: [{ slotNumber: 1, rosPercentage: 0 }] }, "rosPercentage must be greater than 0"],
    ["rosPercentage above 100", { distributionSlots: [{ slotNumber: 1, rosPercentage: 101 }] }, "rosPercentage must be at most 100"],
    [
      "9 decimal places",
      { distributionSlots: [{ slotNumber: 1, rosPercentage: 1.123456789 }] },
      "rosPercentage has more than 8 decimal places",
    ],
    [
      "a negative pool",
      { premiumPoolAmount: -1, distributionSlots: [{ slotNumber: 1, rosPercentage: 1 }] },
      "premiumPoolAmount must be at least 0",
    ],
    ["a string amount", { distributionSlots: [{ slotNumber: 1, rosPercentage: "2.5" }] }, "rosPercentage must be a number"],
    ["slotNumber 1.5", { distributionSlots: [{ slotNumber: 1.5, rosPercentage: 1 }] }, "slotNumber must be a whole number"],
    ["a bad time", { distributionSlots: [{ slotNumber: 1, rosPercentage: 1, time: "7:00" }] }, "time must be HH:mm or HH:mm:ss"],
    [
      "a local instant",
      { distributionSlots: [{ slotNumber: 1, rosPercentage: 1, scheduledFor: "2026-02-13T10:00:00" }] },
      "scheduledFor must be an ISO 8601 instant",
    ],
  ])("refuses %s", (_name, body, message) => {
    const result = queueBody.safeParse(body);
    expect(result.success).toBe(false);
    expect(messages(result)).toContain(message);
  });

  it.each([0, 201, -3])("refuses slotNumber %d", (slotNumber) => {
    expect(queueBody.safeParse({ distributionSlots: [{ slotNumber, rosPercentage: 1 }] }).success).toBe(false);
  });

  it("refuses a description longer than 500 characters", () => {
    expect(queueBody.safeParse({ description: "x".repeat(501), distributionSlots: [{ slotNumber: 1, rosPercentage: 1 }] }).success).toBe(
      false,
    );
    expect(queueBody.safeParse({ description: "x".repeat(500), distributionSlots: [{ slotNumber: 1, rosPercentage: 1 }] }).success).toBe(
      true,
    );
  });
});

describe("modifyBody and addSlotsBody", () => {
  it("modify needs at least one slot and keeps the pools as decimals", () => {
    expect(modifyBody.safeParse({ distributionSlots: [] }).success).toBe(false);
    expect(modifyBody.parse({ premiumPoolAmount: 6000, distributionSlots: [{ slotNumber: 2, rosPercentage: 3.5 }] })).toEqual({
      premiumPoolAmount: "6000",
      distributionSlots: [{ slotNumber: 2, rosPercentage: "3.5" }],
    });
  });

  it.each([[{}], [{ additionalSlots: [] }], [{ additionalSlots: "3" }], [{ additionalSlots: null }]])(
    "add-slots answers seed 001's message for %j",
    (body) => {
      expect(messages(addSlotsBody.safeParse(body))).toEqual(["additionalSlots must be non-empty array"]);
    },
  );

  it("add-slots refuses duplicates within the request", () => {
    const result = addSlotsBody.safeParse({
      additionalSlots: [
        { slotNumber: 3, rosPercentage: 1 },
        { slotNumber: 3, rosPercentage: 2 },
      ],
    });
    expect(messages(result)).toContain("Duplicate slot number 3");
  });
});

describe("retry, path and query parameters", () => {
  it("retry takes an optional ISO instant", () => {
    expect(retryBody.parse({})).toEqual({});
    expect(retryBody.parse({ scheduledFor: "2026-02-13T16:00:00.000Z" })).toEqual({ scheduledFor: "2026-02-13T16:00:00.000Z" });
    expect(retryBody.safeParse({ scheduledFor: "at four" }).success).toBe(false);
  });

  it.each([
    ["1", 1],
    ["200", 200],
  ])("slotNumber %j is %d", (raw, value) => {
    expect(slotNumberParam.parse({ slotNumber: raw })).toEqual({ slotNumber: value });
  });

  it.each(["0", "1.5", "201", "abc", "-1"])("slotNumber %j is refused", (raw) => {
    expect(slotNumberParam.safeParse({ slotNumber: raw }).success).toBe(false);
  });

  it("preview takes rosPercentage as an exact decimal", () => {
    expect(previewQuery.parse({ rosPercentage: "1.5" })).toEqual({ rosPercentage: "1.5" });
    expect(previewQuery.parse({})).toEqual({});
    for (const raw of ["0", "-1", "101", "abc", "1.123456789"])
      expect(previewQuery.safeParse({ rosPercentage: raw }).success, raw).toBe(false);
  });

  it("history takes real dates in order", () => {
    expect(historyQuery.parse({ from: "2026-02-01", to: "2026-02-13" })).toEqual({ from: "2026-02-01", to: "2026-02-13" });
    for (const query of [{ from: "2026-02-30" }, { to: "2026-13-01" }, { from: "13/02/2026" }, { from: "2026-02-14", to: "2026-02-13" }]) {
      expect(historyQuery.safeParse(query).success, JSON.stringify(query)).toBe(false);
    }
  });
});

describe("settingsBody", () => {
  it("accepts any subset, with timeZone or its seed alias timezone", () => {
    expect(settingsBody.parse({})).toEqual({});
    expect(settingsBody.parse({ timezone: "Europe/London" })).toEqual({ timezone: "Europe/London" });
    expect(settingsBody.parse({ slots: [{ slotNumber: 1, time: "08:00" }], maxSlotsPerDay: 4 })).toEqual({
      slots: [{ slotNumber: 1, time: "08:00" }],
      maxSlotsPerDay: 4,
    });
  });

  it.each([
    { timeZone: "Mars/Olympus_Mons" },
    { timezone: "Nowhere" },
    { maxSlotsPerDay: 0 },
    { maxSlotsPerDay: 201 },
    { maxRosPercentage: 0 },
    { maxRosPercentage: 100.5 },
    { maxRosPercentage: 1.123456789 },
    { maxAttempts: 0 },
    { maxLatenessSeconds: 59 },
    { premiumMinStake: -1 },
    { slots: [{ slotNumber: 1, time: "25:00" }] },
    {
      slots: [
        { slotNumber: 1, time: "08:00" },
        { slotNumber: 1, time: "09:00" },
      ],
    },
  ])("refuses %j", (body) => {
    expect(settingsBody.safeParse(body).success).toBe(false);
  });
});
