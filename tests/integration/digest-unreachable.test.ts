/**
 * An institution whose channel the app knows it cannot post to (its last known reachability,
 * db/channel-checks.ts) is not listed among those a reminder goes to in the digest's "next 30
 * days": it is named apart with "kanāls nav sasniedzams" / "channel unreachable", as one without
 * a channel is; and a passed cut-off it was never reached for leaves it "not rated" with that
 * reason (a fresh user's finding: the digest said IEM would be reminded while `/cutoff plan`
 * said its reminders would fail). Real app and store (SQLite or PostgreSQL), `/digest` through
 * the signed endpoint, the thread and the DOCX as posted; Markdown and English rendered from the
 * digest as stored. Fixture (digest-upcoming-fixture.ts): LM and IEM have channels (C0LM,
 * C0IEM), IZM and TM none; here Slack last said the app is not in C0IEM, and a cut-off on task 5
 * passed on 10 Jan with no reminder sent.
 */
import { describe, expect, it } from "vitest";
import { digestDocument } from "../../src/digest/document.ts";
import { digestMarkdown } from "../../src/digest/render-markdown.ts";
import { renderDigestThread } from "../../src/digest/render-slack.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import type { TestApp } from "../helpers/app.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { NOW, sectionTexts, startUpcomingFixture } from "./digest-upcoming-fixture.ts";
import {
  digestFixtureHooks,
  docxXml,
  requestDigest,
  storedDigest,
  storeUnreachableIem,
} from "./support/digest.ts";

const LV_LINE =
  "⚠️ Atgādinājumi neizdosies – kanāls nav sasniedzams: IEM. Sekretārs var pievienot lietotni kanālam (`/invite @Koordinators`) vai norādīt citu (`/institution set IEM #kanāls`).";
const EN_LINE =
  "⚠️ Reminders will fail – channel unreachable: IEM. The secretary can add the app to the channel (`/invite @Koordinators`) or give another (`/institution set IEM #channel`).";
let t: TestApp;
let logs: LogWatch;

digestFixtureHooks(
  startUpcomingFixture,
  (fixture) => ({ t, logs } = fixture),
  async ({ t: { app } }) => {
    await storeUnreachableIem(app.db);
  },
);

describe("the digest and an institution whose channel is known unreachable", () => {
  it("names it apart in the next 30 days and leaves it not rated, lv and en", async () => {
    expect(NOW > "2027-01-15").toBe(true);
    const { docxCall, messages } = await requestDigest(t, logs);
    for (const m of messages) if (m.blocks) expect(validateBlocks(m.blocks, "message")).toEqual([]);
    const all = messages.flatMap((m) => sectionTexts(m.blocks as unknown[] | undefined));
    const lines = all.join("\n").split("\n");
    const reminderLines = lines.filter((l) =>
      l.includes("atgādinājumi (Informatīvais ziņojums MK)"),
    );
    expect(reminderLines.length).toBeGreaterThanOrEqual(3);
    for (const line of reminderLines) expect(line).toMatch(/: LM$/u);
    expect(all).toContain(LV_LINE);
    // Never reached for the passed cut-off: not rated, with the reason; LM only "not sent".
    expect(lines.find((l) => l.startsWith("• *IEM*"))).toContain(
      "atsaucība nav vērtēta – kanāls nav sasniedzams, atgādinājumi netika sūtīti",
    );
    expect(lines.find((l) => l.startsWith("• *LM*"))).toContain(
      "atsaucība nav vērtēta – atgādinājumi netika sūtīti",
    );

    const xml = docxXml(t, docxCall);
    expect(xml).toContain("Atgādinājumi neizdosies – kanāls nav sasniedzams: IEM.");

    const model = await storedDigest(t);
    expect(model.upcomingUnreachable).toEqual(["IEM"]);
    expect(model.upcomingNoChannel).toEqual(["IZM", "TM"]);
    expect(model.institutions.find((i) => i.code === "IEM")?.rate?.unremindedBy).toEqual({
      noChannel: 0,
      undelivered: 0,
      notSent: 0,
      unreachable: 1,
    });
    const options = { zone: t.config.timezone, variant: "digest" as const };
    expect(digestMarkdown(digestDocument(model, { ...options, locale: "lv" }))).toContain(LV_LINE);
    const en = digestDocument(model, { ...options, locale: "en" });
    const md = digestMarkdown(en);
    expect(md).toContain(EN_LINE);
    expect(md).toMatch(/reminders \(Informatīvais ziņojums MK\): LM$/mu);
    expect(md).toContain("response rate not rated – channel unreachable, no reminders were sent");
    for (const m of renderDigestThread(en)) expect(validateBlocks(m.blocks, "message")).toEqual([]);
  });

  it("a digest stored before the field was kept renders as it did", async () => {
    const model = await storedDigest(t);
    const { upcomingUnreachable: _u, ...older } = model;
    const md = digestMarkdown(
      digestDocument(older, { zone: t.config.timezone, variant: "digest", locale: "lv" }),
    );
    expect(md).not.toContain("kanāls nav sasniedzams: ");
  });
});
