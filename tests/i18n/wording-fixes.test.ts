/**
 * Wordings a fresh user found unclear, checked on the pure i18n catalogs (no app, no store):
 * the fix `/cutoff` advises for an unreachable channel fits its cause and speaks to the
 * secretary; a reminder skipped as all answered reads as the planned one does; a passed
 * cut-off's unmapped institutions are told of in the past.
 */
import { describe, expect, it } from "vitest";
import { cutoffText } from "../../src/i18n/cutoff.ts";
import { cutoffReachText } from "../../src/i18n/cutoff-reach.ts";

describe("/cutoff's advice for an unreachable channel", () => {
  const lv = cutoffReachText("lv");
  const en = cutoffReachText("en");
  it("a channel Slack does not know: only another channel, in the imperative", () => {
    const text = lv.unreachable("TM", "<#C0LOCAL09>", "not_found");
    expect(text).toContain(
      "– atgādinājumi neizdosies. Norādiet citu kanālu: `/institution set TM #kanāls`.",
    );
    expect(text).not.toContain("/invite");
    expect(text).not.toContain("sekretārs");
    const textEn = en.unreachable("TM", "<#C0LOCAL09>", "not_found", { reminders: 2, total: 5 });
    expect(textEn).toContain(
      "2 of the 5 reminders planned will fail. Name another channel: `/institution set TM #channel`.",
    );
    expect(textEn).not.toContain("/invite");
  });
  it("not a member: invite the app or name another", () => {
    expect(lv.unreachable("TM", "<#C1>", "not_member")).toContain(
      "Pievienojiet lietotni kanālam (`/invite @Koordinators`) vai norādiet citu: `/institution set TM #kanāls`.",
    );
    expect(en.unreachable("TM", "<#C1>", "not_member")).toContain(
      "Add the app to the channel (`/invite @Koordinators`) or name another: `/institution set TM #channel`.",
    );
  });
  it("archived: unarchive it or name another", () => {
    expect(lv.unreachable("TM", "<#C1>", "archived")).toContain(
      "Atarhivējiet kanālu vai norādiet citu: `/institution set TM #kanāls`.",
    );
    expect(en.unreachable("TM", "<#C1>", "archived")).toContain(
      "Unarchive the channel or name another: `/institution set TM #channel`.",
    );
    expect(en.unreachable("TM", "<#C1>", "archived")).not.toContain("/invite");
  });
});

describe("a reminder skipped because everything was answered", () => {
  it("reads as the planned one does, in the past", () => {
    expect(cutoffText("lv").skipped("all_answered")).toBe("izlaists – viss atbildēts");
    expect(cutoffText("en").skipped("all_answered")).toBe("skipped – all answered");
    expect(cutoffReachText("lv").plannedAllAnswered).toBe("netiks nosūtīts – viss atbildēts");
    expect(cutoffText("lv").skipped("superseded")).toMatch(/^izlaists: aizstāts/);
  });
});

describe("/cutoff plan's institutions without a channel", () => {
  it("is told in the future before the cut-off and in the past after it", () => {
    expect(cutoffText("lv").planUnmapped("IZM")).toContain(
      "netiks nosūtīti, un sekretārs saņems ziņu: IZM.",
    );
    expect(cutoffText("lv").planUnmapped("IZM", true)).toBe(
      "⚠️ *NAV PIESAISTĪTAS* Slack – to atgādinājumi netika nosūtīti, sekretārs saņēma ziņu: IZM.",
    );
    expect(cutoffText("en").planUnmapped("IZM", true)).toBe(
      "⚠️ *NOT MAPPED* to Slack – their reminders were not sent; the secretary was told: IZM.",
    );
  });
});
