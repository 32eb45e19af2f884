import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { codeFor, signInAs } from "../../factories/users";
import { tomorrow, useBadInputDay } from "../../helpers/bad-input";
import { snapshotState } from "../../helpers/db-state";
import { expectError, expectSuccess } from "../../helpers/http";
import { clientFor } from "../../helpers/routes";
import { signedIn, type SignedIn } from "../../helpers/session";

// A request refused for its input leaves the 2FA code unspent. Today's day as in the other
// bad-input files: slot 1 COMPLETED, 2 FAILED, 3 PENDING; at most 4 slots.

beforeAll(async () => {
  await useBadInputDay();
});

describe("the body is checked before the 2FA code is spent", () => {
  // Each case has its own admin (a code is per user) with two sessions: a bad request with a
  // valid unused code on the first must leave that code usable on the second.
  async function expectCodeUnspent(bad: (who: SignedIn, code: string) => Promise<Response>) {
    const first = await signedIn();
    const secondApi = clientFor((await signInAs(first.user)).cookie);
    const code = await codeFor(first.user);
    const before = await snapshotState();

    await expectError(await bad(first, code), 400, "VALIDATION");
    expect(await snapshotState()).toEqual(before);
    const user = await db().user.findUniqueOrThrow({ where: { id: first.user.id }, select: { totpLastStep: true } });
    expect(user.totpLastStep, "the code was not spent").toBeNull();
    const session = await db().authSession.findUniqueOrThrow({ where: { id: first.sessionId } });
    expect(session.stepUpUntil, "no step-up window was opened").toBeNull();

    await expectSuccess(await secondApi.putSettings({ maxAttempts: 3, twoFactorCode: code }));
  }

  it("a wrongly typed body", async () => {
    await expectCodeUnspent((who, code) =>
      who.api.queue({ distributionSlots: [{ slotNumber: 4, rosPercentage: "2.5" }], twoFactorCode: code }),
    );
  });

  it("malformed slot input to add-slots", async () => {
    await expectCodeUnspent((who, code) => who.api.addSlots({ additionalSlots: [], twoFactorCode: code }));
  });

  it("a bad path parameter", async () => {
    await expectCodeUnspent((who, code) => who.api.retry("abc", { twoFactorCode: code }));
  });

  it("a bad settings body", async () => {
    await expectCodeUnspent((who, code) => who.api.putSettings({ timeZone: "Mars/Olympus_Mons", twoFactorCode: code }));
  });

  it("a rosPercentage above the settings maximum (a body error of SPEC §5)", async () => {
    await expectCodeUnspent((who, code) =>
      who.api.queue({ distributionSlots: [{ slotNumber: 4, rosPercentage: 11 }], twoFactorCode: code }),
    );
  });

  it("a time that is not today (a body error of SPEC §5)", async () => {
    await expectCodeUnspent((who, code) =>
      who.api.addSlots({ additionalSlots: [{ slotNumber: 4, rosPercentage: 1, scheduledFor: tomorrow() }], twoFactorCode: code }),
    );
  });
});
