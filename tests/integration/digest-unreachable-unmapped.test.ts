/**
 * A fresh user's findings on the digest's institutions and "next 30 days": IEM, whose reminder
 * for a passed cut-off failed when it had no channel and which now has a channel the app cannot
 * reach, is rated "kanāls nav sasniedzams" (as `/cutoff plan` words it), never "nav Slack
 * kanāla"; and "Tuvākajās dienās nekas nav paredzēts." stands only when nothing at all is
 * listed, not above a warning about a cut-off's reminders. Real app and store (SQLite or
 * PostgreSQL), `/digest` through the signed endpoint; the stored model rendered in lv and en.
 * Fixture (digest-upcoming-fixture.ts): LM and IEM have channels (C0LM, C0IEM).
 */
import { describe, expect, it } from "vitest";
import { type DigestDoc, digestDocument } from "../../src/digest/document.ts";
import type { DigestModel } from "../../src/digest/model.ts";
import type { TestApp } from "../helpers/app.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { sectionTexts, startUpcomingFixture } from "./digest-upcoming-fixture.ts";
import {
  digestFixtureHooks,
  requestDigest,
  storedDigest,
  storeReminder,
  storeUnreachableIem,
} from "./support/digest.ts";

const PASSED_AT = "2027-01-10T21:59:59.999Z";
let t: TestApp;
let logs: LogWatch;

digestFixtureHooks(
  startUpcomingFixture,
  (fixture) => ({ t, logs } = fixture),
  async ({ t: { app } }) => {
    const db = app.db;
    const cutoff = await storeUnreachableIem(db);
    // IEM had no channel then: its reminder failed "no_mapping"; now C0IEM is mapped, unreachable.
    await storeReminder(db, {
      cutoffId: cutoff.id,
      code: "IEM",
      kind: "day_before",
      scheduledAt: "2027-01-09T08:00:00.000Z",
      cutoffAt: PASSED_AT,
      outcome: { failed: "no_mapping" },
    });
  },
);

/** The "next 30 days" section's paragraphs of `model` in `locale`. */
function upcomingParagraphs(model: DigestModel, locale: "lv" | "en"): string[] {
  const doc: DigestDoc = digestDocument(model, { locale, zone: "Europe/Riga", variant: "digest" });
  const heading = locale === "lv" ? "Tuvākās 30 dienas" : "The next 30 days";
  return doc.sections.find((s) => s.heading === heading)?.paragraphs ?? [];
}

describe("an institution with an unreachable channel, and the empty 'next 30 days'", () => {
  it("rates IEM as unreachable, not as without a channel", async () => {
    const { messages } = await requestDigest(t, logs);
    const lines = messages
      .flatMap((m) => sectionTexts(m.blocks as unknown[] | undefined))
      .join("\n")
      .split("\n");
    const iem = lines.find((l) => l.startsWith("• *IEM*")) ?? "";
    expect(iem).toContain("kanāls nav sasniedzams, atgādinājumi netika sūtīti");
    expect(iem).not.toContain("nav Slack kanāla");
    const model = await storedDigest(t);
    const rate = model.institutions.find((i) => i.code === "IEM")?.rate;
    expect(rate?.unremindedBy).toMatchObject({ noChannel: 0, unreachable: 1 });
    expect(rate?.noChannel).toBeUndefined();
  });

  it("says nothing is planned only when nothing at all is listed, lv and en", async () => {
    const model = await storedDigest(t);
    expect(model.upcomingUnreachable).toEqual(["IEM"]);
    const warnings = { ...model, upcoming: [] };
    for (const locale of ["lv", "en"] as const) {
      const paragraphs = upcomingParagraphs(warnings, locale);
      expect(paragraphs.join("\n")).not.toMatch(/nekas nav paredzēts|Nothing is due/u);
      expect(paragraphs.length).toBeGreaterThan(0);
      for (const p of paragraphs) expect(p).toMatch(/^⚠️ /u);
    }
    const empty: DigestModel = {
      ...warnings,
      upcomingNoChannel: undefined,
      upcomingAnswered: undefined,
      upcomingUnreachable: undefined,
    };
    expect(upcomingParagraphs(empty, "lv")).toEqual(["Tuvākajās dienās nekas nav paredzēts."]);
  });
});
