/**
 * The digest's "⚠️ Atgādinājumi neizdosies – kanāls nav sasniedzams: …" advises the fix that can
 * work for each cause: no `/invite` for a channel Slack does not know (pure).
 */
import { describe, expect, it } from "vitest";
import { digestText } from "../../src/i18n/digest.ts";

describe("the digest's advice for unreachable channels", () => {
  it("a channel Slack does not know: only another channel (lv, en)", () => {
    expect(digestText("lv").upUnreachable(["TM"], { TM: "not_found" })).toBe(
      "⚠️ Atgādinājumi neizdosies – kanāls nav sasniedzams: TM. Sekretārs var norādīt citu kanālu (`/institution set TM #kanāls`).",
    );
    expect(digestText("en").upUnreachable(["TM"], { TM: "not_found" })).toBe(
      "⚠️ Reminders will fail – channel unreachable: TM. The secretary can give another channel (`/institution set TM #channel`).",
    );
  });
  it("not a member: invite or another, as before; archived: unarchive or another", () => {
    expect(digestText("lv").upUnreachable(["IEM"], { IEM: "not_member" })).toContain(
      "Sekretārs var pievienot lietotni kanālam (`/invite @Koordinators`) vai norādīt citu (`/institution set IEM #kanāls`).",
    );
    expect(digestText("lv").upUnreachable(["IEM"], { IEM: "archived" })).toContain(
      "Sekretārs var atarhivēt kanālu vai norādīt citu (`/institution set IEM #kanāls`).",
    );
    expect(digestText("en").upUnreachable(["IEM"], { IEM: "archived" })).toContain(
      "The secretary can unarchive the channel or give another (`/institution set IEM #channel`).",
    );
  });
  it("mixed causes: another channel, and the invite only for those it fits", () => {
    const text = digestText("lv").upUnreachable(["IEM", "TM"], {
      IEM: "not_member",
      TM: "not_found",
    });
    expect(text).toContain(
      "Sekretārs var norādīt citu kanālu (`/institution set IEM #kanāls`); IEM: arī pievienot lietotni kanālam (`/invite @Koordinators`).",
    );
  });
  it("a digest stored before the causes were kept: the general advice", () => {
    expect(digestText("lv").upUnreachable(["TM"])).toContain("`/invite @Koordinators`");
  });
});
