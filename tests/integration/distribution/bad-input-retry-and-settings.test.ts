import { beforeAll, describe, it } from "vitest";
import {
  expectRefusedWithoutChange,
  mutationSender,
  tomorrow,
  useBadInputDay,
  yesterday,
  type Case,
  type Send,
} from "../../helpers/bad-input";
import type { SignedIn } from "../../helpers/session";

// Bad path parameters and bodies for retry, and bad cron settings. Today's day: slot 1
// COMPLETED, 2 FAILED, 3 PENDING; at most 4 slots, each with a time in the settings.

let admin: SignedIn;
const send = mutationSender(() => admin);

const retryCases: [string, Send][] = [
  ...["0", "1.5", "201", "abc", "-1", "", "2abc"].map((slotNumber): [string, Send] => [
    `slotNumber ${JSON.stringify(slotNumber)}`,
    { slotNumber, body: {} },
  ]),
  ["scheduledFor yesterday", { body: { scheduledFor: yesterday() } }],
  ["scheduledFor tomorrow", { body: { scheduledFor: tomorrow() } }],
  ["scheduledFor that is not a date", { body: { scheduledFor: "soon" } }],
  ["scheduledFor as a number", { body: { scheduledFor: 1_700_000_000_000 } }],
  ["scheduledFor without an offset", { body: { scheduledFor: "2026-02-13T20:00:00" } }],
];

const settingsCases: [string, Record<string, unknown>][] = [
  ["an unknown timeZone", { timeZone: "Mars/Olympus_Mons" }],
  ["an empty timeZone", { timeZone: "" }],
  ["a numeric timeZone", { timeZone: 42 }],
  ["a 100-character timeZone", { timeZone: "Europe/".padEnd(100, "x") }],
  ["an unknown timezone (alias)", { timezone: "Nowhere/Special" }],
  ["maxSlotsPerDay 0", { maxSlotsPerDay: 0 }],
  ["maxSlotsPerDay 201", { maxSlotsPerDay: 201 }],
  ["maxSlotsPerDay 2.5", { maxSlotsPerDay: 2.5 }],
  ["maxSlotsPerDay as a string", { maxSlotsPerDay: "4" }],
  ["maxSlotsPerDay below slots that have times", { maxSlotsPerDay: 2 }],
  ["maxRosPercentage 0", { maxRosPercentage: 0 }],
  ["maxRosPercentage -1", { maxRosPercentage: -1 }],
  ["maxRosPercentage 101", { maxRosPercentage: 101 }],
  ["maxRosPercentage with 9 decimals", { maxRosPercentage: 1.123456789 }],
  ["maxRosPercentage as a string", { maxRosPercentage: "10" }],
  ["maxLatenessSeconds 59", { maxLatenessSeconds: 59 }],
  ["maxLatenessSeconds over a day", { maxLatenessSeconds: 86_401 }],
  ["maxAttempts 0", { maxAttempts: 0 }],
  ["maxAttempts 11", { maxAttempts: 11 }],
  ["premiumMinStake negative", { premiumMinStake: -1 }],
  ["premiumMinStake as a string", { premiumMinStake: "1000" }],
  ["performanceMinScore with 9 decimals", { performanceMinScore: 1.123456789 }],
  ["a slot time 25:00", { slots: [{ slotNumber: 1, time: "25:00" }] }],
  ["a slot time 7:00", { slots: [{ slotNumber: 1, time: "7:00" }] }],
  ["a slot without a time", { slots: [{ slotNumber: 1 }] }],
  [
    "duplicate slot times",
    {
      slots: [
        { slotNumber: 1, time: "08:00" },
        { slotNumber: 1, time: "09:00" },
      ],
    },
  ],
  ["a slot time for slot 0", { slots: [{ slotNumber: 0, time: "08:00" }] }],
  ["a slot time for slot 201", { slots: [{ slotNumber: 201, time: "08:00" }] }],
  ["a slot time above maxSlotsPerDay 4", { slots: [{ slotNumber: 5, time: "08:00" }] }],
  ["slots as a string", { slots: "08:00,10:00" }],
];

const cases: Case[] = [
  ...retryCases.map(([name, options]): Case => [`retry: ${name}`, () => send("retry", options)]),
  ...settingsCases.map(([name, body]): Case => [`cron-settings: ${name}`, () => send("putSettings", { body })]),
];

beforeAll(async () => {
  admin = await useBadInputDay();
});

describe("every route answers bad input with 400 VALIDATION and changes nothing", () => {
  it.each(cases)("%s", async (_name, run) => {
    await expectRefusedWithoutChange(run);
  });
});
