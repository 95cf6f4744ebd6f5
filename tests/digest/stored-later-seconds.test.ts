/** The digest's stored-later mark: seconds on both times when they fall in the same minute. */
import { describe, expect, it } from "vitest";
import { storedLaterMark } from "../../src/digest/stored-later.ts";

const zone = "Europe/Riga";

describe("storedLaterMark", () => {
  it("same minute: both times with seconds (lv, en)", () => {
    const sent = "2026-11-30T23:20:05.000Z";
    const stored = "2026-11-30T23:20:41.000Z";
    expect(storedLaterMark(sent, stored, zone, "lv")).toBe(
      " _(saņemta otrd. 01.12.2026. 01:20:05, saglabāta 01:20:41)_",
    );
    expect(storedLaterMark(sent, stored, zone, "en")).toBe(
      " _(sent Tue 1 Dec 2026 01:20:05, stored 01:20:41)_",
    );
  });
  it("another minute the same day: to the minute, as before", () => {
    expect(
      storedLaterMark("2026-11-30T20:21:05.000Z", "2026-11-30T20:31:00.000Z", zone, "lv"),
    ).toBe(" _(saņemta pirmd. 30.11.2026. 22:21, saglabāta 22:31)_");
  });
  it("another day: the whole stored instant", () => {
    expect(
      storedLaterMark("2026-11-29T20:21:05.000Z", "2026-11-30T20:21:30.000Z", zone, "en"),
    ).toBe(" _(sent Sun 29 Nov 2026 22:21, stored Mon 30 Nov 2026 22:21)_");
  });
});
