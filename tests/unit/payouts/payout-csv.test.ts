import { describe, expect, it } from "vitest";
import { csvField, csvTextField, payoutCsvChunks, payoutCsvLine } from "@/lib/payouts/payout-csv";
import type { PayoutRow } from "@/lib/payouts/payout-row";
import { parseCsv } from "../../helpers/csv";

const row = (overrides: Partial<PayoutRow> = {}): PayoutRow => ({
  date: "2030-01-01",
  slotNumber: 3,
  scheduledFor: "2030-01-01T10:00:00.000Z",
  kind: "ROS",
  userId: 7,
  userEmail: "a@b.test",
  userExternalId: null,
  stakeExternalId: null,
  stakeId: 42,
  amount: "15.00000000",
  ...overrides,
});

describe("CSV cells", () => {
  it("quotes only what needs it (quote, comma, CR, LF) and doubles quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField(12)).toBe("12");
    expect(csvField(null)).toBe("");
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField("a\nb")).toBe('"a\nb"');
    expect(csvField("a\rb")).toBe('"a\rb"');
  });

  it("neutralises text that a spreadsheet would run as a formula", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
      expect(parseCsv(`${csvTextField(`${start}1+2@x.test`)}\r\n`)).toEqual([[`'${start}1+2@x.test`]]);
    }
    expect(csvTextField("ann@x.test")).toBe("ann@x.test");
    expect(csvTextField("ann=1@x.test")).toBe("ann=1@x.test");
    expect(csvTextField('=HYPERLINK("u","x")')).toBe(`"'=HYPERLINK(""u"",""x"")"`);
  });
});

describe("payout CSV", () => {
  it("writes one line per row; pool shares have no stake id", () => {
    expect(payoutCsvLine(row())).toBe("2030-01-01,3,2030-01-01T10:00:00.000Z,ROS,7,a@b.test,42,15.00000000");
    expect(payoutCsvLine(row({ kind: "PREMIUM_POOL", stakeId: null, userEmail: "-x@y.test" }))).toBe(
      "2030-01-01,3,2030-01-01T10:00:00.000Z,PREMIUM_POOL,7,'-x@y.test,,15.00000000",
    );
  });

  it("starts with the header, then one chunk per batch, every line ended by CRLF", async () => {
    async function* batches() {
      yield [row(), row({ stakeId: 43 })];
      yield [row({ userEmail: 'q"uote,d@x.test' })];
    }
    const chunks: string[] = [];
    for await (const chunk of payoutCsvChunks(batches())) chunks.push(chunk);
    expect(chunks).toHaveLength(3);
    const rows = parseCsv(chunks.join(""));
    expect(rows[0]).toEqual(["date", "slot", "scheduledFor", "kind", "userId", "userEmail", "stakeId", "amount"]);
    expect(rows.slice(1).map((cells) => [cells[5], cells[6]])).toEqual([
      ["a@b.test", "42"],
      ["a@b.test", "43"],
      ['q"uote,d@x.test', "42"],
    ]);
  });
});
