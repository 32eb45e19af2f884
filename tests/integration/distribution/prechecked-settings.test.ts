import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { queueDistribution } from "@/lib/distribution/queue-distribution";
import { loadSettings } from "@/lib/distribution/settings-store";
import { resetDays } from "../../helpers/db-state";
import { createActor, type Actor } from "../../helpers/execution-data";
import { useMiddayTimeZone, type Today } from "../../helpers/today";

// A change uses the settings its precheck read (no second read) — unless the settings row was
// updated in between, when it reads them again under its share lock.

let actor: Actor;
let today: Today;

beforeAll(async () => {
  today = await useMiddayTimeZone({ slotTimes: { "1": "08:00" } });
  actor = await createActor();
});

const queueSlot1 = (settings: Awaited<ReturnType<typeof loadSettings>>) =>
  queueDistribution({
    actor,
    settings,
    request: {
      premiumPoolAmount: "0",
      performancePoolAmount: "0",
      description: "",
      multiSlotEnabled: true,
      slots: [{ slotNumber: 1, rosPercentage: "1" }],
    },
  });

describe("the settings a precheck hands to the change", () => {
  it("are used as they are while the row is unchanged", async () => {
    await resetDays();
    const prechecked = await loadSettings(db());
    // Not what the row says: only a change that did not read the row again schedules slot 1 at 09:30.
    const result = await queueSlot1({ ...prechecked, slotTimes: { "1": "09:30" } });
    expect(result.distribution.distributionSlots[0].scheduledFor).toBe(today.at("09:30"));
  });

  it("are read again when the row was updated after the precheck", async () => {
    await resetDays();
    const prechecked = await loadSettings(db());
    await db().settings.update({ where: { id: 1 }, data: { slotTimes: { "1": "10:45" } } });
    const result = await queueSlot1({ ...prechecked, slotTimes: { "1": "09:30" } });
    expect(result.distribution.distributionSlots[0].scheduledFor).toBe(today.at("10:45"));
  });
});
