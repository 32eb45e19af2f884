import { describe, expect, it } from "vitest";
import { httpStatusOf } from "@/lib/http/error-status";
import { resolveScheduledFor } from "@/lib/distribution/resolve-scheduled-for";
import { contextFor, expectAppError } from "../../helpers/plan-fixtures";

const context = contextFor({ slotTimes: { "1": "08:00", "2": "10:00:30" } });
const current = new Date("2026-02-13T12:00:00.000Z");
const iso = (date: Date) => date.toISOString();

describe("resolveScheduledFor: SPEC §4's order", () => {
  it("prefers an explicit instant over everything else", () => {
    const at = resolveScheduledFor({ slotNumber: 1, scheduledFor: "2026-02-13T16:00:00+02:00", time: "09:00" }, current, context);
    expect(iso(at)).toBe("2026-02-13T14:00:00.000Z");
  });

  it("then a local time today", () => {
    expect(iso(resolveScheduledFor({ slotNumber: 1, time: "09:15" }, current, context))).toBe("2026-02-13T09:15:00.000Z");
  });

  it("then the slot's existing instant", () => {
    expect(iso(resolveScheduledFor({ slotNumber: 1 }, current, context))).toBe("2026-02-13T12:00:00.000Z");
  });

  it("then the settings time of the slot number", () => {
    expect(iso(resolveScheduledFor({ slotNumber: 1 }, undefined, context))).toBe("2026-02-13T08:00:00.000Z");
    expect(iso(resolveScheduledFor({ slotNumber: 2 }, undefined, context))).toBe("2026-02-13T10:00:30.000Z");
  });

  it("and with none of them is a 400", () => {
    const error = expectAppError(() => resolveScheduledFor({ slotNumber: 3 }, undefined, context), "VALIDATION", /Slot 3 has no time/);
    expect(httpStatusOf(error)).toBe(400);
  });

  it("uses the settings time zone for local times", () => {
    const tokyo = contextFor({ timeZone: "Asia/Tokyo", slotTimes: { "1": "08:00" }, now: "2026-02-13T01:00:00.000Z" });
    expect(iso(resolveScheduledFor({ slotNumber: 1 }, undefined, tokyo))).toBe("2026-02-12T23:00:00.000Z");
    expect(iso(resolveScheduledFor({ slotNumber: 1, time: "23:59:59" }, undefined, tokyo))).toBe("2026-02-13T14:59:59.000Z");
  });
});

describe("resolveScheduledFor: only today", () => {
  it.each([
    ["yesterday", "2026-02-12T23:59:59.999Z"],
    ["tomorrow", "2026-02-14T00:00:00.000Z"],
    ["a week later", "2026-02-20T08:00:00.000Z"],
  ])("refuses an explicit instant %s with a 400", (_when, scheduledFor) => {
    expectAppError(() => resolveScheduledFor({ slotNumber: 1, scheduledFor }, current, context), "VALIDATION", /not today \(2026-02-13\)/);
  });

  it("accepts the first and last instant of today", () => {
    expect(iso(resolveScheduledFor({ slotNumber: 1, scheduledFor: "2026-02-13T00:00:00.000Z" }, undefined, context))).toBe(
      "2026-02-13T00:00:00.000Z",
    );
    expect(iso(resolveScheduledFor({ slotNumber: 1, scheduledFor: "2026-02-13T23:59:59.999Z" }, undefined, context))).toBe(
      "2026-02-13T23:59:59.999Z",
    );
  });

  it("refuses an existing instant that is no longer today", () => {
    expectAppError(() => resolveScheduledFor({ slotNumber: 1 }, new Date("2026-02-12T12:00:00.000Z"), context), "VALIDATION");
  });

  it("judges 'today' in the time zone, not in UTC", () => {
    const newYork = contextFor({ timeZone: "America/New_York", today: "2026-02-13", now: "2026-02-13T15:00:00.000Z" });
    // 03:00Z on the 14th is still the 13th in New York; 05:00Z is the 14th there.
    expect(iso(resolveScheduledFor({ slotNumber: 1, scheduledFor: "2026-02-14T03:00:00.000Z" }, undefined, newYork))).toBe(
      "2026-02-14T03:00:00.000Z",
    );
    expectAppError(
      () => resolveScheduledFor({ slotNumber: 1, scheduledFor: "2026-02-14T05:00:00.000Z" }, undefined, newYork),
      "VALIDATION",
    );
    expectAppError(
      () => resolveScheduledFor({ slotNumber: 1, scheduledFor: "2026-02-13T04:59:59.000Z" }, undefined, newYork),
      "VALIDATION",
    );
  });
});
