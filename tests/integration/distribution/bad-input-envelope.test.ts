import { beforeAll, describe, expect, it } from "vitest";
import { expectRefusedWithoutChange, mutationSender, useBadInputDay, type Case, type Mutation } from "../../helpers/bad-input";
import { expectError } from "../../helpers/http";
import type { SignedIn } from "../../helpers/session";

// A broken envelope around a body each mutation route would accept: not JSON, not an object,
// the wrong content type, too large, a malformed 2FA code.

let admin: SignedIn;
const send = mutationSender(() => admin);

// Bodies each route would accept (and act on): a broken envelope around them must still be refused.
const validBody: Record<Mutation, () => Record<string, unknown>> = {
  queue: () => ({ distributionSlots: [{ slotNumber: 3, rosPercentage: 1.5 }] }),
  modify: () => ({ distributionSlots: [{ slotNumber: 3, rosPercentage: 1.5 }] }),
  addSlots: () => ({ additionalSlots: [{ slotNumber: 4, rosPercentage: 1 }] }),
  retry: () => ({}),
  putSettings: () => ({ maxAttempts: 5 }),
};

const envelopeCases = (route: Mutation): Case[] => [
  ["malformed JSON", () => send(route, { raw: "{not json" })],
  ["truncated JSON", () => send(route, { raw: '{"distributionSlots": [' })],
  ["an empty body", () => send(route, { raw: "" })],
  ["text/plain", () => send(route, { body: validBody[route](), contentType: "text/plain" })],
  ["form encoding", () => send(route, { raw: "maxAttempts=5", contentType: "application/x-www-form-urlencoded" })],
  ["no content type", () => send(route, { body: validBody[route](), contentType: "" })],
  ["an array", () => send(route, { body: [validBody[route]()] })],
  ["an empty array", () => send(route, { body: [] })],
  ["null", () => send(route, { raw: "null" })],
  ["a number", () => send(route, { raw: "42" })],
  ["a string", () => send(route, { raw: '"queue"' })],
  ["a body over 64 KB", () => send(route, { body: { ...validBody[route](), padding: "x".repeat(70_000) } })],
  ["a numeric twoFactorCode", () => send(route, { body: { ...validBody[route](), twoFactorCode: 123456 } })],
  ["a 17-character twoFactorCode", () => send(route, { body: { ...validBody[route](), twoFactorCode: "1".repeat(17) } })],
];

const cases: Case[] = (["queue", "modify", "addSlots", "retry", "putSettings"] as const).flatMap((route) =>
  envelopeCases(route).map(([name, run]): Case => [`${route}: ${name}`, run]),
);

beforeAll(async () => {
  admin = await useBadInputDay();
});

describe("every route answers bad input with 400 VALIDATION and changes nothing", () => {
  it.each(cases)("%s", async (_name, run) => {
    await expectRefusedWithoutChange(run);
  });

  it.each(["queue", "modify", "addSlots", "retry", "putSettings"] as const)("%s refuses a body over 64 KB for its size", async (route) => {
    // Padding an otherwise valid body: schemas that drop unknown fields would accept it.
    const body = await expectError(
      await send(route, { body: { ...validBody[route](), padding: "x".repeat(64 * 1024) } }),
      400,
      "VALIDATION",
    );
    expect(body.message).toMatch(/too large/i);
  });
});
