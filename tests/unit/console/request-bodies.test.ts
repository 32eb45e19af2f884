import { describe, expect, it } from "vitest";
import { ApiError, apiErrorOf, retryAfterSecondsOf } from "@/components/distribution/logic/api-error";
import { boardRows, editRow, emptyDraft, toggleRemoveRow, type BoardDraft } from "@/components/distribution/logic/board-draft";
import { fieldErrorsOf } from "@/components/distribution/logic/error-fields";
import { addSlotsRequest, checkBody, modifyRequest, queueRequest } from "@/components/distribution/logic/request-bodies";
import { queueBody } from "@/lib/distribution/schemas";
import { boardStatus } from "../../helpers/board-status";

const date = "2026-02-13";
const withNew = (draft: BoardDraft, ...rows: [number, string, string][]): BoardDraft => ({
  ...draft,
  added: [...draft.added, ...rows.map(([slotNumber, rosPercentage, time]) => ({ slotNumber, rosPercentage, time }))],
});

describe("form → request body", () => {
  it("queues a new day with seed 000's body: pools typed, the new rows with their local times", () => {
    const none = boardStatus([]);
    const draft = {
      ...withNew(emptyDraft(date), [1, "2.5", "08:00"], [2, "3", "10:00:30"]),
      pools: { premiumPoolAmount: "5000", performancePoolAmount: "", description: "Morning" },
    };
    const { body, sent } = queueRequest(none, draft);
    expect(body).toEqual({
      premiumPoolAmount: 5000,
      description: "Morning",
      multiSlot: true,
      distributionSlots: [
        { slotNumber: 1, rosPercentage: 2.5, time: "08:00" },
        { slotNumber: 2, rosPercentage: 3, time: "10:00:30" },
      ],
    });
    expect(sent).toEqual({ list: "distributionSlots", slotNumbers: [1, 2] });
    expect(queueBody.safeParse(body).success).toBe(true);
  });

  it("on a day that exists, Queue Distribution sends every slot plus the new ones (seed 001 option 1), times only where changed", () => {
    const status = boardStatus(
      [
        { n: 1, status: "COMPLETED", ros: 1 },
        { n: 2, status: "PENDING", ros: 1 },
      ],
      { version: 7 },
    );
    const [, two] = boardRows(status, emptyDraft(date));
    const draft = withNew(editRow(emptyDraft(date), two, { time: "16:00" }), [3, "1", "18:00"]);
    expect(queueRequest(status, draft).body).toEqual({
      multiSlot: true,
      distributionSlots: [
        { slotNumber: 1, rosPercentage: 1 },
        { slotNumber: 2, rosPercentage: 1, time: "16:00" },
        { slotNumber: 3, rosPercentage: 1, time: "18:00" },
      ],
      expectedVersion: 7,
    });
  });

  it("Save changes sends the PENDING part as it should be: edits applied, removed rows left out, finished slots not sent", () => {
    const status = boardStatus(
      [
        { n: 1, status: "COMPLETED" },
        { n: 2, status: "PENDING", ros: 3 },
        { n: 3, status: "PENDING", ros: 2 },
        { n: 4, status: "FAILED" },
      ],
      { pools: [5000, 3000] },
    );
    const rows = boardRows(status, emptyDraft(date));
    let draft = editRow(emptyDraft(date), rows[2], { rosPercentage: "3.5" });
    draft = toggleRemoveRow(draft, rows[1]);
    draft = { ...draft, pools: { premiumPoolAmount: "6000", description: "Morning" } };
    const { body, sent } = modifyRequest(status, draft);
    // The description is unchanged, so it is not sent; no version from this server, so no expectedVersion.
    expect(body).toEqual({ premiumPoolAmount: 6000, distributionSlots: [{ slotNumber: 3, rosPercentage: 3.5 }] });
    expect(sent.slotNumbers).toEqual([3]);
  });

  it("Add slots sends only the new rows (seed 001 option 2), with the version the edits were made against", () => {
    const v2 = boardStatus([{ n: 1, status: "COMPLETED" }], { version: 2 });
    const v5 = boardStatus([{ n: 1, status: "COMPLETED" }], { version: 5 });
    const draft = { ...withNew(emptyDraft(date), [2, "1", "16:00"]), base: { version: 2, status: v2 } };
    expect(addSlotsRequest(v5, draft).body).toEqual({
      additionalSlots: [{ slotNumber: 2, rosPercentage: 1, time: "16:00" }],
      expectedVersion: 2,
    });
  });

  it("checks a body with the API's schema and reports issues by the same paths the server uses", () => {
    const { body } = queueRequest(boardStatus([]), withNew(emptyDraft(date), [1, "1", "08:00"], [2, "", "8am"]));
    expect(checkBody("queue", body)).toEqual([
      { path: "distributionSlots.1.rosPercentage", message: "rosPercentage must be a number" },
      { path: "distributionSlots.1.time", message: "time must be HH:mm or HH:mm:ss" },
    ]);
    expect(checkBody("addSlots", { additionalSlots: [] })).toEqual([
      { path: "additionalSlots", message: "additionalSlots must be non-empty array" },
    ]);
  });
});

describe("server error → field", () => {
  const sent = { list: "distributionSlots" as const, slotNumbers: [3, 5, 8] };

  it("maps zod issue paths to the slot sent at that index and its field", () => {
    const errors = fieldErrorsOf({
      message: "distributionSlots.2.rosPercentage: rosPercentage must be greater than 0",
      sent,
      issues: [
        { path: "distributionSlots.2.rosPercentage", message: "rosPercentage must be greater than 0" },
        { path: "distributionSlots.0.scheduledFor", message: "scheduledFor must be an ISO 8601 instant" },
        { path: "distributionSlots.1.slotNumber", message: "Duplicate slot number 5" },
        { path: "premiumPoolAmount", message: "premiumPoolAmount must be at least 0" },
        { path: "", message: "Request body must be a JSON object" },
      ],
    });
    expect(errors.slots).toEqual({
      8: { rosPercentage: "rosPercentage must be greater than 0" },
      3: { time: "scheduledFor must be an ISO 8601 instant" },
      5: { row: "Duplicate slot number 5" },
    });
    expect(errors.pools).toEqual({ premiumPoolAmount: "premiumPoolAmount must be at least 0" });
    expect(errors.general).toEqual(["Request body must be a JSON object"]);
  });

  it("maps the plans' own refusals by the slot they name", () => {
    const of = (message: string) => fieldErrorsOf({ message, issues: [], sent });
    expect(of("Slot 5: rosPercentage 50 is above the maximum of 10").slots).toEqual({
      5: { rosPercentage: "Slot 5: rosPercentage 50 is above the maximum of 10" },
    });
    expect(
      of("Slot 8 is scheduled for 2026-02-14T00:30:00.000Z, which is 2026-02-14 in UTC, not today (2026-02-13)").slots[8]?.time,
    ).toBeDefined();
    expect(of("Slot 3 already exists").slots).toEqual({ 3: { row: "Slot 3 already exists" } });
    expect(of("Slot 9 already exists").general).toEqual(["Slot 9 already exists"]);
    expect(of("premiumPoolAmount cannot be lowered to 1: 5 of it has already been paid today").pools.premiumPoolAmount).toMatch(
      /cannot be lowered/,
    );
  });

  it("reads the error body and Retry-After of a refused response", async () => {
    const response = Response.json(
      { success: false, code: "TWO_FACTOR_LOCKED", message: "Too many failed attempts. Try again in 15 minute(s)." },
      { status: 429, headers: { "Retry-After": "900" } },
    );
    const error = await apiErrorOf(response);
    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.code, error.retryAfterSeconds]).toEqual([429, "TWO_FACTOR_LOCKED", 900]);
    const html = await apiErrorOf(new Response("<html>", { status: 502, statusText: "Bad Gateway" }));
    expect([html.code, html.message]).toEqual(["HTTP_502", "Request failed (502 Bad Gateway)"]);
    expect(retryAfterSecondsOf(new Date(Date.UTC(2026, 1, 13, 8, 1)).toUTCString(), Date.UTC(2026, 1, 13, 8, 0))).toBe(60);
    expect(retryAfterSecondsOf(null)).toBeNull();
  });
});
