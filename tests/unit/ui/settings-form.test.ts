import { describe, expect, it } from "vitest";
import { impactOnToday, timeZoneLockReason } from "@/components/settings/impact-on-today";
import {
  draftOfSettings,
  fieldErrorsOfIssues,
  fieldOfRefusal,
  settingsBodyOfDraft,
  type ServerSettings,
} from "@/components/settings/settings-draft";
import type { DistributionStatus } from "@/lib/distribution/status-view";

const settings: ServerSettings = {
  timeZone: "Europe/London",
  timezone: "Europe/London",
  slots: [
    { slotNumber: 1, time: "08:00" },
    { slotNumber: 2, time: "14:00" },
  ],
  maxSlotsPerDay: 48,
  maxRosPercentage: 10,
  maxDailyRosPercentage: 100,
  maxPoolAmount: 1_000_000,
  maxLatenessSeconds: 21_600,
  maxAttempts: 3,
  premiumMinStake: 1000,
  performanceMinScore: 50,
  updatedAt: "2030-01-01T00:00:00.000Z",
};

const slot = (
  slotNumber: number,
  status: DistributionStatus["distributionSlots"][number]["status"],
  rosPercentage: number,
  scheduledFor: string,
  attempts = 0,
) => ({
  slotNumber,
  status,
  rosPercentage,
  scheduledFor,
  attempts,
  executionDetails: null,
  attemptHistory: [],
});

const today: DistributionStatus = {
  exists: true,
  status: "PENDING",
  date: "2030-01-05",
  timeZone: "Europe/London",
  version: 3,
  data: { premiumPoolAmount: 5000, performancePoolAmount: 3000, description: "", queuedAt: "2030-01-05T07:00:00.000Z" },
  multiSlotEnabled: true,
  distributionSlots: [
    slot(1, "COMPLETED", 3, "2030-01-05T08:00:00.000Z", 1),
    slot(2, "PENDING", 4, "2030-01-05T09:00:00.000Z"),
    slot(3, "PENDING", 2, "2030-01-05T14:00:00.000Z"),
    slot(4, "FAILED", 1, "2030-01-05T10:00:00.000Z", 3),
  ],
  counts: { PENDING: 2, EXECUTING: 0, COMPLETED: 1, FAILED: 1 },
  poolsPaid: { premium: 5000, performance: 3000 },
};

describe("settings form → request body", () => {
  it("sends only what changed, as numbers; nothing changed is no body", () => {
    const draft = draftOfSettings(settings);
    expect(settingsBodyOfDraft(draft, settings)).toEqual({ body: null, errors: {} });
    expect(draft.maxDailyRosPercentage).toBe("100");
    const changed = { ...draft, maxRosPercentage: "2.5", maxAttempts: "5", slots: [...draft.slots, { slotNumber: "3", time: "18:30:15" }] };
    expect(settingsBodyOfDraft(changed, settings)).toEqual({
      body: {
        maxRosPercentage: 2.5,
        maxAttempts: 5,
        slots: [
          { slotNumber: 1, time: "08:00" },
          { slotNumber: 2, time: "14:00" },
          { slotNumber: 3, time: "18:30:15" },
        ],
      },
      errors: {},
    });
    expect(settingsBodyOfDraft({ ...draft, slots: [...draft.slots].reverse() }, settings).body).toBeNull();
    expect(settingsBodyOfDraft({ ...draft, timeZone: "Asia/Tokyo" }, settings).body).toEqual({ timeZone: "Asia/Tokyo" });
  });

  it("sends the caps when they change", () => {
    const withCaps = settings;
    const draft = draftOfSettings(withCaps);
    expect(draft).toMatchObject({ maxDailyRosPercentage: "100", maxPoolAmount: "1000000" });
    expect(settingsBodyOfDraft({ ...draft, maxPoolAmount: "50000" }, withCaps).body).toEqual({ maxPoolAmount: 50_000 });
  });

  it("refuses what the API's own schema refuses, on the field", () => {
    const draft = draftOfSettings(settings);
    expect(settingsBodyOfDraft({ ...draft, maxRosPercentage: "abc" }, settings)).toEqual({
      body: null,
      errors: { maxRosPercentage: "Enter a number" },
    });
    expect(settingsBodyOfDraft({ ...draft, maxAttempts: "11" }, settings).errors).toHaveProperty("maxAttempts");
    expect(settingsBodyOfDraft({ ...draft, timeZone: "Mars/Olympus" }, settings).errors).toHaveProperty("timeZone");
    const badTime = settingsBodyOfDraft(
      {
        ...draft,
        slots: [
          { slotNumber: "1", time: "25:00" },
          { slotNumber: "1", time: "09:00" },
        ],
      },
      settings,
    );
    expect(badTime.body).toBeNull();
    expect(Object.keys(badTime.errors).sort()).toEqual(["slots.0.time", "slots.1.slotNumber"]);
  });
});

describe("server error → field", () => {
  it("maps zod paths, the time-zone conflict and limits named in words", () => {
    expect(
      fieldErrorsOfIssues([
        { path: "slots.2.time", message: "time must be HH:mm or HH:mm:ss" },
        { path: "timezone", message: "x" },
      ]),
    ).toEqual({
      "slots.2.time": "time must be HH:mm or HH:mm:ss",
      timeZone: "x",
    });
    expect(fieldOfRefusal({ code: "CONFLICT", message: "The time zone cannot change while 2030-01-05 has 2 PENDING slots" })).toBe(
      "timeZone",
    );
    expect(fieldOfRefusal({ code: "VALIDATION", message: "Slot times are set for slot 50, above maxSlotsPerDay (48)" })).toBe(
      "maxSlotsPerDay",
    );
    expect(fieldOfRefusal({ code: "VALIDATION", message: "maxPoolAmount is below today's pools" })).toBe("maxPoolAmount");
    expect(fieldOfRefusal({ code: "FORBIDDEN", message: "This action needs an administrator" })).toBe("general");
  });
});

describe("what a change does to today", () => {
  const now = Date.parse("2030-01-05T12:00:00.000Z");
  const texts = (body: Parameters<typeof impactOnToday>[0]["body"]) =>
    impactOnToday({ body, settings, today, now }).map((i) => `${i.tone}: ${i.text}`);

  it("says a time-zone change is refused while today has pending or executing slots, before the admin tries", () => {
    expect(timeZoneLockReason(today)).toMatch(/2030-01-05 has 2 pending and 0 executing slots/);
    expect(timeZoneLockReason({ ...today, counts: { PENDING: 0, EXECUTING: 0, COMPLETED: 3, FAILED: 1 } })).toBeNull();
    expect(timeZoneLockReason(undefined)).toBeNull();
    expect(texts({ timeZone: "Asia/Tokyo" })[0]).toMatch(/^warning: .*will be refused/);
  });

  it("names today's pending slots that would exceed a new limit or be missed, and slots that keep their time", () => {
    expect(texts({ maxRosPercentage: 3 })).toEqual([expect.stringMatching(/^warning: Pending slot 2 of today exceeds 3 %/)]);
    expect(texts({ maxSlotsPerDay: 3 })).toEqual([expect.stringMatching(/Today already has 4 slots, more than 3/)]);
    expect(texts({ maxLatenessSeconds: 7200 })).toEqual([
      expect.stringMatching(/^warning: Pending slot 2 of today is later than that already/),
    ]);
    expect(texts({ maxAttempts: 3 })).toEqual([expect.stringMatching(/Slot 4 of today already used 3 attempts/)]);
    expect(texts({ maxDailyRosPercentage: 9 })).toEqual([expect.stringMatching(/add up to 10 % ROS, above 9 %/)]);
    expect(texts({ maxPoolAmount: 4000 })).toEqual([expect.stringMatching(/premium pool \(5000\) is above 4000/)]);
    expect(
      texts({
        slots: [
          { slotNumber: 1, time: "08:00" },
          { slotNumber: 2, time: "15:00" },
          { slotNumber: 3, time: "16:00" },
        ],
      }),
    ).toEqual([expect.stringMatching(/^info: Pending slots 2, 3 of today keep the time they were queued for/)]);
    expect(texts({ maxRosPercentage: 5, maxLatenessSeconds: 86_400 })).toEqual([]);
  });
});
