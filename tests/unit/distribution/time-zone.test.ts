import { describe, expect, it } from "vitest";
import { calendarDateIn, instantOfLocalTime, isValidTimeZone } from "@/lib/distribution/time-zone";

const instant = (date: string, time: string, zone: string) => instantOfLocalTime(date, time, zone).toISOString();

describe("instantOfLocalTime on ordinary days", () => {
  it.each([
    ["2026-02-13", "08:00", "UTC", "2026-02-13T08:00:00.000Z"],
    ["2026-02-13", "08:00:30", "UTC", "2026-02-13T08:00:30.000Z"],
    ["2026-02-13", "00:00", "America/New_York", "2026-02-13T05:00:00.000Z"],
    ["2026-07-13", "23:59:59", "America/New_York", "2026-07-14T03:59:59.000Z"],
    ["2026-02-13", "08:00", "Europe/London", "2026-02-13T08:00:00.000Z"],
    ["2026-07-13", "08:00", "Europe/London", "2026-07-13T07:00:00.000Z"],
    ["2026-02-13", "00:30", "Asia/Tokyo", "2026-02-12T15:30:00.000Z"],
    ["2026-02-13", "12:00", "Asia/Kolkata", "2026-02-13T06:30:00.000Z"],
    ["2026-02-13", "12:00", "Etc/GMT+11", "2026-02-13T23:00:00.000Z"],
  ])("%s %s in %s → %s", (date, time, zone, expected) => {
    expect(instant(date, time, zone)).toBe(expected);
  });

  it("refuses times that are not HH:mm[:ss]", () => {
    for (const time of ["25:00", "7:00", "12:60", "12:00:60", "noon", ""]) {
      expect(() => instantOfLocalTime("2026-02-13", time, "UTC"), time).toThrow(RangeError);
    }
  });
});

describe("instantOfLocalTime across DST (SPEC §4)", () => {
  describe("America/New_York", () => {
    it("moves a time in the spring-forward gap (2026-03-08 02:00–03:00) forward by the gap", () => {
      expect(instant("2026-03-08", "02:30", "America/New_York")).toBe("2026-03-08T07:30:00.000Z");
      expect(instant("2026-03-08", "02:00", "America/New_York")).toBe("2026-03-08T07:00:00.000Z");
      expect(instant("2026-03-08", "02:59:59", "America/New_York")).toBe("2026-03-08T07:59:59.000Z");
    });

    it("keeps the offsets on either side of the gap", () => {
      expect(instant("2026-03-08", "01:59:59", "America/New_York")).toBe("2026-03-08T06:59:59.000Z"); // EST
      expect(instant("2026-03-08", "03:00", "America/New_York")).toBe("2026-03-08T07:00:00.000Z"); // EDT
      expect(instant("2026-03-08", "12:00", "America/New_York")).toBe("2026-03-08T16:00:00.000Z");
    });

    it("takes the first occurrence of an ambiguous fall-back time (2026-11-01 01:00–02:00)", () => {
      expect(instant("2026-11-01", "01:30", "America/New_York")).toBe("2026-11-01T05:30:00.000Z"); // EDT, not 06:30Z
      expect(instant("2026-11-01", "01:00", "America/New_York")).toBe("2026-11-01T05:00:00.000Z");
      expect(instant("2026-11-01", "01:59:59", "America/New_York")).toBe("2026-11-01T05:59:59.000Z");
    });

    it("keeps the offsets on either side of the repeated hour", () => {
      expect(instant("2026-11-01", "00:59", "America/New_York")).toBe("2026-11-01T04:59:00.000Z"); // EDT
      expect(instant("2026-11-01", "02:00", "America/New_York")).toBe("2026-11-01T07:00:00.000Z"); // EST
      expect(instant("2026-11-01", "23:30", "America/New_York")).toBe("2026-11-02T04:30:00.000Z");
    });
  });

  describe("Europe/London", () => {
    it("moves a time in the spring-forward gap (2026-03-29 01:00–02:00) forward by the gap", () => {
      expect(instant("2026-03-29", "01:30", "Europe/London")).toBe("2026-03-29T01:30:00.000Z"); // 02:30 BST
      expect(instant("2026-03-29", "00:59", "Europe/London")).toBe("2026-03-29T00:59:00.000Z"); // GMT
      expect(instant("2026-03-29", "02:00", "Europe/London")).toBe("2026-03-29T01:00:00.000Z"); // BST
    });

    it("takes the first occurrence of an ambiguous fall-back time (2026-10-25 01:00–02:00)", () => {
      expect(instant("2026-10-25", "01:30", "Europe/London")).toBe("2026-10-25T00:30:00.000Z"); // BST, not 01:30Z
      expect(instant("2026-10-25", "00:30", "Europe/London")).toBe("2026-10-24T23:30:00.000Z"); // BST
      expect(instant("2026-10-25", "02:00", "Europe/London")).toBe("2026-10-25T02:00:00.000Z"); // GMT
    });
  });

  it("maps every result back to the same calendar date", () => {
    const cases: [string, string][] = [
      ["2026-03-08", "America/New_York"],
      ["2026-11-01", "America/New_York"],
      ["2026-03-29", "Europe/London"],
      ["2026-10-25", "Europe/London"],
    ];
    for (const [date, zone] of cases) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
        const result = instantOfLocalTime(date, time, zone);
        expect(calendarDateIn(result, zone), `${date} ${time} ${zone}`).toBe(date);
      }
    }
  });

  it("is monotonic outside the gap: a later local time is never an earlier instant", () => {
    const days: [string, string, string | null][] = [
      ["2026-03-08", "America/New_York", "02"],
      ["2026-11-01", "America/New_York", null],
      ["2026-03-29", "Europe/London", "01"],
      ["2026-10-25", "Europe/London", null],
    ];
    for (const [date, zone, gapHour] of days) {
      let previous = -Infinity;
      for (let minutes = 0; minutes < 24 * 60; minutes += 5) {
        const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
        if (gapHour && time.startsWith(gapHour)) continue; // moved forward by the gap, past the next hour's start
        const at = instantOfLocalTime(date, time, zone).getTime();
        expect(at, `${date} ${time} ${zone}`).toBeGreaterThan(previous);
        previous = at;
      }
    }
  });

  it("moves a gap time exactly one hour past where the pre-gap offset would put it", () => {
    // 02:55 does not exist in New York on 2026-03-08: it is 03:55 EDT, after 03:00 EDT.
    expect(instant("2026-03-08", "02:55", "America/New_York")).toBe("2026-03-08T07:55:00.000Z");
    expect(instant("2026-03-08", "03:00", "America/New_York")).toBe("2026-03-08T07:00:00.000Z");
  });
});

describe("calendarDateIn around midnight", () => {
  it.each([
    ["2026-02-13T23:59:59.999Z", "UTC", "2026-02-13"],
    ["2026-02-14T00:00:00.000Z", "UTC", "2026-02-14"],
    ["2026-02-14T04:59:59.999Z", "America/New_York", "2026-02-13"],
    ["2026-02-14T05:00:00.000Z", "America/New_York", "2026-02-14"],
    ["2026-07-14T03:59:59.999Z", "America/New_York", "2026-07-13"],
    ["2026-07-14T04:00:00.000Z", "America/New_York", "2026-07-14"],
    ["2026-07-13T22:59:59.999Z", "Europe/London", "2026-07-13"],
    ["2026-07-13T23:00:00.000Z", "Europe/London", "2026-07-14"],
    ["2026-02-13T14:59:59.999Z", "Asia/Tokyo", "2026-02-13"],
    ["2026-02-13T15:00:00.000Z", "Asia/Tokyo", "2026-02-14"],
    ["2026-03-08T04:59:59.000Z", "America/New_York", "2026-03-07"], // EST midnight before the gap
    ["2026-03-08T05:00:00.000Z", "America/New_York", "2026-03-08"],
    ["2026-11-02T04:59:59.000Z", "America/New_York", "2026-11-01"], // EST midnight after the repeat
    ["2026-11-02T05:00:00.000Z", "America/New_York", "2026-11-02"],
    ["2026-12-31T23:59:59.000Z", "UTC", "2026-12-31"],
    ["2027-01-01T00:00:00.000Z", "UTC", "2027-01-01"],
  ])("%s in %s is %s", (at, zone, expected) => {
    expect(calendarDateIn(new Date(at), zone)).toBe(expected);
  });
});

describe("isValidTimeZone", () => {
  it("accepts IANA names and refuses the rest", () => {
    for (const zone of ["UTC", "Europe/London", "America/New_York", "Etc/GMT-14"]) expect(isValidTimeZone(zone), zone).toBe(true);
    for (const zone of ["Mars/Olympus_Mons", "", "Europe/Londn", "GMT+25", "+05:00", "-0300"])
      expect(isValidTimeZone(zone), zone).toBe(false);
  });
});
