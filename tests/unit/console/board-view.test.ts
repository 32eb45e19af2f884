import { describe, expect, it } from "vitest";
import { boardActions, readOnlyReason } from "@/components/distribution/logic/board-actions";
import { emptyDraft, type BoardDraft } from "@/components/distribution/logic/board-draft";
import { loadDraft, saveDraft } from "@/components/distribution/logic/draft-storage";
import { attemptHistoryOf, durationMsOf, executionDetailsOf } from "@/components/distribution/logic/execution-details";
import { countsInWords, formatCountdown, timeInZone, waitInWords } from "@/components/distribution/logic/format";
import { entriesOfSlot, type AuditLogEntry } from "@/components/distribution/logic/slot-audit";
import { slotTimeline } from "@/components/distribution/logic/slot-timeline";
import { boardStatus } from "../../helpers/board-status";

const date = "2026-02-13";
const admin = { role: "ADMIN" as const, twoFactorEnabled: true };

describe("the actions on offer", () => {
  const withNew: BoardDraft = { ...emptyDraft(date), added: [{ slotNumber: 3, rosPercentage: "1", time: "16:00" }] };

  it("offers Queue Distribution on an empty day once a row is added; Save changes and Add slots only on a day that exists", () => {
    const none = boardStatus([]);
    const empty = boardActions(none, emptyDraft(date), null);
    expect([empty.queue.visible, empty.queue.enabled, empty.modify.visible, empty.addSlots.visible]).toEqual([true, false, false, false]);
    expect(boardActions(none, withNew, null).queue.enabled).toBe(true);
  });

  it("offers Queue New Distribution once every slot is finished, and Retry all failed while any failed", () => {
    const running = boardStatus([
      { n: 1, status: "COMPLETED" },
      { n: 2, status: "PENDING" },
    ]);
    const done = boardStatus([
      { n: 1, status: "COMPLETED" },
      { n: 2, status: "FAILED" },
    ]);
    expect(boardActions(running, emptyDraft(date), null).queueNew.visible).toBe(false);
    expect(boardActions(done, emptyDraft(date), null).queueNew).toEqual({ visible: true, enabled: true });
    expect(boardActions(done, withNew, null).queueNew.visible).toBe(false);
    expect(boardActions(done, emptyDraft(date), null).retryAllFailed.visible).toBe(true);
    expect(boardActions(running, emptyDraft(date), null).retryAllFailed.visible).toBe(false);
    expect(boardActions(done, withNew, null).addSlots.enabled).toBe(true);
  });

  it("will not queue a draft that removes slots (queueing keeps every slot), and says why", () => {
    const status = boardStatus([{ n: 1, status: "PENDING" }]);
    const actions = boardActions(status, { ...withNew, removed: [1] }, null);
    expect(actions.queue).toMatchObject({ enabled: false, reason: expect.stringContaining("Save changes") });
    expect(actions.modify.enabled).toBe(true);
  });

  it("disables everything for a viewer or an admin without 2FA, with the reason", () => {
    expect(readOnlyReason(admin)).toBeNull();
    expect(readOnlyReason({ role: "VIEWER", twoFactorEnabled: true })).toMatch(/viewer/);
    expect(readOnlyReason({ role: "ADMIN", twoFactorEnabled: false })).toMatch(/two-factor/);
    const reason = readOnlyReason({ role: "VIEWER", twoFactorEnabled: false });
    const actions = boardActions(boardStatus([{ n: 1, status: "FAILED" }]), withNew, reason);
    for (const action of Object.values(actions).filter((a) => a.visible)) expect(action).toMatchObject({ enabled: false, reason });
  });
});

describe("the draft in sessionStorage", () => {
  const memory = () => {
    const items = new Map<string, string>();
    return {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
      items,
    };
  };

  it("round-trips per day, removes an empty draft, and drops what it cannot read", () => {
    const storage = memory();
    const draft: BoardDraft = { ...emptyDraft(date), edits: { 2: { rosPercentage: "4" } }, removed: [3] };
    saveDraft(draft, storage);
    expect(loadDraft(date, storage)).toEqual(draft);
    expect(loadDraft("2026-02-14", storage)).toEqual(emptyDraft("2026-02-14"));
    saveDraft(emptyDraft(date), storage);
    expect(storage.items.size).toBe(0);
    storage.setItem(`slotpay:board-draft:${date}`, '{"date":"2026-02-13","edits":"nope"}');
    expect(loadDraft(date, storage)).toEqual(emptyDraft(date));
    storage.setItem(`slotpay:board-draft:${date}`, "{not json");
    expect(loadDraft(date, storage)).toEqual(emptyDraft(date));
  });
});

describe("a slot's details and story", () => {
  const completed = {
    executedAt: "2026-02-13T07:00:05.000Z",
    completedAt: "2026-02-13T07:00:06.250Z",
    attempt: 1,
    rosStats: { processedStakes: 150, totalDistributed: 3750.5 },
    premiumPoolStats: { qualifiedUsers: 45, totalDistributed: 2250.75 },
    performancePoolStats: { qualifiedUsers: 30, totalDistributed: 1500.25 },
  };

  it("parses execution details leniently and measures the payout", () => {
    const status = boardStatus([
      { n: 1, status: "COMPLETED", executionDetails: completed },
      { n: 2, status: "FAILED", executionDetails: "garbage" },
    ]);
    const [one, two] = status.distributionSlots;
    expect(executionDetailsOf(one)?.rosStats?.processedStakes).toBe(150);
    expect(durationMsOf(executionDetailsOf(one))).toBe(1250);
    expect(executionDetailsOf(two)).toBeNull();
    expect(attemptHistoryOf(one)).toEqual([]);
  });

  it("tells the timeline from attemptHistory when the server sends it oldest first", () => {
    const history = [
      { attempt: 1, startedAt: "2026-02-13T07:00:01.000Z", endedAt: "2026-02-13T07:02:01.000Z", outcome: "LEASE_EXPIRED" as const },
      { attempt: 2, startedAt: "2026-02-13T07:03:00.000Z", endedAt: null, outcome: "COMPLETED" as const },
    ];
    const status = boardStatus([{ n: 1, status: "EXECUTING", attemptHistory: history }]);
    expect(slotTimeline(status, status.distributionSlots[0], []).map((e) => e.label)).toEqual([
      "Day queued",
      "Scheduled time",
      "Attempt 1 claimed",
      "Attempt 1 lease expired",
      "Attempt 2 claimed",
    ]);
  });

  it("falls back to the last run's details and adds the slot's audit entries", () => {
    const status = boardStatus([
      { n: 1, status: "FAILED", executionDetails: { executedAt: "2026-02-13T07:00:02.000Z", attempt: 1, error: "boom" } },
    ]);
    const audit = [
      { id: 9, action: "distribution.retry", outcome: "OK", at: "2026-02-13T07:10:00.000Z", actor: { id: 1, email: "a@x.test" } },
    ] as unknown as AuditLogEntry[];
    const events = slotTimeline(status, status.distributionSlots[0], audit);
    expect(events.map((e) => [e.label, e.detail])).toEqual([
      ["Day queued", undefined],
      ["Scheduled time", undefined],
      ["Claimed (attempt 1)", undefined],
      ["Failed", "boom"],
      ["Retried", "a@x.test"],
    ]);
  });

  it("keeps only the audit entries about this slot of this day", () => {
    const slotState = (ros: string) => ({
      slots: [
        { slotNumber: 1, rosPercentage: "1" },
        { slotNumber: 2, rosPercentage: ros },
      ],
    });
    const entry = (fields: Partial<AuditLogEntry>) =>
      ({
        id: 1,
        action: "x",
        outcome: "OK",
        reason: null,
        before: null,
        after: null,
        details: null,
        at: "2026-02-13T09:00:00.000Z",
        actor: null,
        ...fields,
      }) as AuditLogEntry;
    const entries = [
      entry({ id: 1, details: { date }, before: slotState("1"), after: slotState("2") }), // changed slot 2
      entry({ id: 2, details: { date }, before: slotState("1"), after: slotState("1") }), // slot 2 untouched
      entry({ id: 3, details: { date: "2026-02-12" }, before: null, after: slotState("2") }), // another day
      entry({ id: 4, action: "slot.execute", details: { slotNumber: 2 } }), // executed on that date (Berlin)
      entry({ id: 5, action: "slot.execute", details: { slotNumber: 2 }, at: "2026-02-13T23:30:00.000Z" }), // the 14th in Berlin
      entry({ id: 6, action: "slot.execute", details: { slotNumber: 1 } }),
    ];
    expect(entriesOfSlot(entries, { date, slotNumber: 2, timeZone: "Europe/Berlin" }).map((e) => e.id)).toEqual([1, 4]);
  });
});

describe("words and times", () => {
  it("formats counts, zone times across DST, countdowns and waits", () => {
    expect(countsInWords({ PENDING: 3, EXECUTING: 1, COMPLETED: 5, FAILED: 0 })).toBe("3 Pending, 1 Executing, 5 Completed, 0 Failed");
    expect(timeInZone("2026-03-29T00:30:00.000Z", "Europe/Berlin")).toBe("01:30:00");
    expect(timeInZone("2026-03-29T01:30:00.000Z", "Europe/Berlin")).toBe("03:30:00");
    expect(formatCountdown(272_000)).toBe("4:32");
    expect(formatCountdown(3_723_000)).toBe("1:02:03");
    expect(formatCountdown(-5)).toBe("0:00");
    expect(waitInWords(0)).toBe("due now");
    expect(waitInWords(61_000)).toBe("in 1 min 1 s");
    expect(waitInWords(2 * 3_600_000 + 60_000)).toBe("in 2 h 1 min");
  });
});
