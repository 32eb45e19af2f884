import { describe, expect, it } from "vitest";
import { ApiError } from "@/components/distribution/logic/api-error";
import { describeDayChanges } from "@/components/distribution/logic/day-changes";
import { versionOf } from "@/components/distribution/logic/day-version";
import { fastPollMs, pollIntervalMs, slowPollMs } from "@/components/distribution/logic/poll-interval";
import { describeRefusal } from "@/components/distribution/logic/refusal";
import { boardStatus } from "../../helpers/board-status";

const at = Date.parse("2026-02-13T08:00:00.000Z");

describe("poll interval rules", () => {
  const poll = (
    status: ReturnType<typeof boardStatus> | undefined,
    overrides: { paused?: boolean; visible?: boolean; now?: number } = {},
  ) => pollIntervalMs({ status, now: overrides.now ?? at, paused: overrides.paused ?? false, visible: overrides.visible ?? true });

  it("polls slowly when nothing is about to happen, and fast while a slot runs", () => {
    expect(poll(boardStatus([{ n: 1, status: "PENDING", at: "2026-02-13T09:00:00.000Z" }]))).toBe(slowPollMs);
    expect(poll(boardStatus([{ n: 1, status: "EXECUTING" }]))).toBe(fastPollMs);
    expect(poll(boardStatus([]))).toBe(slowPollMs);
    expect(poll(undefined)).toBe(slowPollMs);
  });

  it("polls fast from a minute before a pending slot is due, and while it is overdue", () => {
    const pendingAt = (iso: string) => boardStatus([{ n: 1, status: "PENDING", at: iso }]);
    expect(poll(pendingAt("2026-02-13T08:01:01.000Z"))).toBe(slowPollMs);
    expect(poll(pendingAt("2026-02-13T08:01:00.000Z"))).toBe(fastPollMs);
    expect(poll(pendingAt("2026-02-13T07:59:00.000Z"))).toBe(fastPollMs);
    // A finished slot at that time does not count.
    expect(poll(boardStatus([{ n: 1, status: "COMPLETED", at: "2026-02-13T08:00:30.000Z" }]))).toBe(slowPollMs);
  });

  it("does not poll while paused or while the tab is hidden, whatever the day", () => {
    const running = boardStatus([{ n: 1, status: "EXECUTING" }]);
    expect(poll(running, { paused: true })).toBe(false);
    expect(poll(running, { visible: false })).toBe(false);
  });
});

describe("what changed, for a 409 CONFLICT", () => {
  it("lists pools, description, added, removed, re-timed, re-rated and moved-on slots", () => {
    const before = boardStatus(
      [
        { n: 1, status: "PENDING", ros: 2, at: "2026-02-13T07:00:00.000Z" },
        { n: 2, status: "PENDING", ros: 3, at: "2026-02-13T09:00:00.000Z" },
        { n: 3, status: "PENDING" },
      ],
      { version: 1, pools: [5000, 3000], description: "Morning" },
    );
    const after = boardStatus(
      [
        { n: 1, status: "COMPLETED", ros: 2, at: "2026-02-13T07:00:00.000Z" },
        { n: 2, status: "PENDING", ros: 3.5, at: "2026-02-13T09:30:00.000Z" },
        { n: 4, status: "PENDING", ros: 1, at: "2026-02-13T15:00:00.000Z" },
      ],
      { version: 2, pools: [6000, 3000], description: "Updated" },
    );
    expect(describeDayChanges(before, after)).toEqual([
      "Premium pool 5,000 → 6,000.",
      "The description changed.",
      "Slot 1 is Completed (was Pending).",
      "Slot 2 ROS 3 % → 3.5 %.",
      "Slot 2 time 10:00:00 → 10:30:00.",
      "Slot 4 was added (1 % at 16:00:00).",
      "Slot 3 was removed.",
    ]);
  });

  it("says when the day was queued meanwhile, or when only the version moved", () => {
    const queued = boardStatus([{ n: 1, status: "PENDING" }], { version: 1 });
    expect(describeDayChanges(boardStatus([]), queued)).toEqual(["The day was queued with 1 slot(s)."]);
    expect(describeDayChanges(queued, boardStatus([{ n: 1, status: "PENDING" }], { version: 2 }))).toEqual([
      "Nothing you can see changed (only the day's version moved on).",
    ]);
  });

  it("reads the day's version only when the server sends a whole number", () => {
    expect(versionOf(boardStatus([], { version: 4 }))).toBe(4);
    expect(versionOf(boardStatus([]))).toBeUndefined();
    expect(versionOf(undefined)).toBeUndefined();
  });
});

describe("refusals in words", () => {
  const refusal = (status: number, code: string, message: string, retryAfter: number | null = null) =>
    new ApiError(status, code, message, undefined, retryAfter);

  it("names the running slot of a 409 SLOTS_EXECUTING, on the day's clock", () => {
    const status = boardStatus([
      { n: 1, status: "COMPLETED" },
      { n: 2, status: "EXECUTING", at: "2026-02-13T09:00:00.000Z" },
    ]);
    const words = describeRefusal(refusal(409, "SLOTS_EXECUTING", "Cannot modify distribution while slots are executing"), status, at);
    expect(words).toMatchObject({ tone: "warning", title: "Cannot modify distribution while slots are executing", retryAt: null });
    expect(words.message).toBe("Slot 2 (10:00:00) is executing now. Your edits are kept: save again once it has finished.");
  });

  it("keeps the time left of a 429 from Retry-After", () => {
    const words = describeRefusal(
      refusal(429, "TWO_FACTOR_LOCKED", "Too many failed attempts. Try again in 15 minute(s).", 900),
      undefined,
      at,
    );
    expect(words).toMatchObject({ title: "Two-factor code locked", retryAt: at + 900_000 });
    expect(describeRefusal(refusal(403, "FORBIDDEN", "This action needs an administrator"), undefined, at).title).toBe("Not allowed");
  });
});
