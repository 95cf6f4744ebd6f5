/**
 * The digest writes cut-off and reminder times to the minute, as `/cutoff plan` does: in test
 * mode (REMINDER_OFFSETS=PT20S,PT10S) and for a cut-off set to a second too. Real store.
 */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { buildDigestModel } from "../../src/digest/build.ts";
import { digestDocument } from "../../src/digest/document.ts";
import { digestMarkdown } from "../../src/digest/render-markdown.ts";
import { renderDigestParent } from "../../src/digest/render-slack.ts";
import { parseOffsets } from "../../src/domain/reminder-plan.ts";
import { planCutoff } from "../../src/reminders/plan.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { importedStore } from "../helpers/store.ts";

const NOW = "2027-02-01T09:00:00.000Z";
const ZONE = "Europe/Riga";

/** The digest built at NOW with one cut-off at `cutoffAt` on task 5 (LM mapped), planned by `offsets`. */
async function digest(offsets: string, cutoffAt: string, locale: "lv" | "en" = "lv") {
  const { db } = await importedStore();
  try {
    const lm = await findInstitution(db, "LM");
    await setMapping(db, lm?.id ?? 0, "C0LM", [], NOW);
    const programme = await currentProgramme(db);
    const cutoff = await insertCutoff(db, {
      programmeId: programme?.id ?? 0,
      at: cutoffAt,
      title: "Pārbaude",
      taskNumbers: ["5"],
      createdBy: "U0SEC",
      createdAt: NOW,
    });
    const parsed = parseOffsets(offsets);
    if (!parsed.ok) throw new Error(parsed.error);
    const settings = { offsets: parsed.offsets, time: { hour: 9, minute: 0 }, zone: ZONE };
    await planCutoff(db, cutoff, settings, NOW);
    const model = await buildDigestModel(db, { now: DateTime.fromISO(NOW), zone: ZONE });
    const doc = digestDocument(model, { locale, zone: ZONE, variant: "digest" });
    const parent = blocksToText(renderDigestParent(doc, locale).blocks);
    return { doc, parent, markdown: digestMarkdown(doc) };
  } finally {
    await db.destroy();
  }
}

const upcomingLines = (markdown: string, time: RegExp) =>
  markdown.split("\n").filter((line) => time.test(line));

describe("digest times: to the minute, test mode too", () => {
  it("test mode: reminders 20 s and 10 s before read 11:59, the cut-off 12:00", async () => {
    const { doc, parent, markdown } = await digest("PT20S,PT10S", "2027-02-01T10:00:00.000Z");
    // Shown to the minute, as everywhere: both reminders read 11:59, never with seconds.
    const reminders = upcomingLines(markdown, /01\.02\.2027\. 11:59/u);
    expect(reminders.length).toBeGreaterThan(0);
    expect(markdown).not.toMatch(/\d{2}:\d{2}:\d{2}/u);
    expect(markdown).toContain("pirmd. 01.02.2027. 11:59");
    expect(markdown).toContain("pirmd. 01.02.2027. 12:00");
    expect(doc.headline.join("\n")).toContain("pirmd. 01.02.2027. 12:00");
    expect(parent).toContain("pirmd. 01.02.2027. 12:00");
  });

  it("in English too", async () => {
    const { doc, markdown } = await digest("PT20S,PT10S", "2027-02-01T10:00:00.000Z", "en");
    expect(markdown).toContain("Mon 1 Feb 2027 11:59");
    expect(markdown).not.toMatch(/\d{2}:\d{2}:\d{2}/u);
    expect(doc.headline.join("\n")).toContain("Mon 1 Feb 2027 12:00");
  });

  it("shows a cut-off set to a second to the minute, in the header too", async () => {
    const { doc, parent, markdown } = await digest("PT1H", "2027-02-01T10:00:30.000Z");
    expect(markdown).not.toMatch(/\d{2}:\d{2}:\d{2}/u);
    expect(parent).not.toMatch(/\d{2}:\d{2}:\d{2}/u);
    expect(doc.headline.join("\n")).toContain("pirmd. 01.02.2027. 12:00");
    expect(parent).toContain("pirmd. 01.02.2027. 12:00");
    const institutions = doc.sections[1]?.heading ?? "";
    expect(institutions).toContain("12:00");
  });

  it("whole-minute plans keep minutes", async () => {
    const { doc, markdown } = await digest("PT1H", "2027-02-01T10:00:00.000Z");
    expect(doc.headline.join("\n")).toContain("pirmd. 01.02.2027. 12:00");
    expect(markdown).toContain("pirmd. 01.02.2027. 11:00");
    expect(markdown).not.toMatch(/\d\d:\d\d:\d\d/u);
  });
});
