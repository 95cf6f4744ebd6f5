import ICAL from "ical.js";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { insertSession } from "../../db/sessions.ts";
import { testConfig } from "../../src/config.ts";
import { buildCalendar } from "../../src/export/calendar-model.ts";
import { renderIcs } from "../../src/export/ics.ts";
import { exportText } from "../../src/i18n/export.ts";
import { planCutoffById } from "../../src/reminders/plan.ts";
import { importedStore, report } from "../helpers/store.ts";

const ZONE = "Europe/Riga";
const NOW = DateTime.fromISO("2026-11-29T12:00:00Z", { zone: "utc" });
let db: Db;

beforeAll(async () => {
  ({ db } = await importedStore());
  const programmeId = (await currentProgramme(db))?.id ?? 0;
  const created = { createdBy: "U0SEC0001", createdAt: NOW.toISO() ?? "" };
  const endOfDay = await insertCutoff(db, {
    programmeId,
    at: "2027-02-01T21:59:59.999Z",
    title: "Ziņojums MK",
    taskNumbers: ["5", "14"],
    ...created,
  });
  await insertCutoff(db, {
    programmeId,
    at: "2027-06-01T09:00:00.000Z",
    title: "Starpziņojums",
    taskNumbers: ["1"],
    ...created,
  });
  const config = testConfig({});
  const settings = { offsets: config.reminderOffsets, time: config.reminderTime, zone: ZONE };
  await planCutoffById(db, endOfDay.id, settings, NOW.toISO() ?? "");
  await insertSession(db, {
    programmeId,
    at: "2027-01-20T08:00:00.000Z",
    title: "Darba grupas sēde",
    ...created,
  });
});

/** Parses iCalendar text with ical.js, registering its VTIMEZONEs; returns the events. */
function parseIcs(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents("vtimezone"))
    ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return { root, events: root.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)) };
}

async function calendar(codes: string[] = []) {
  const model = await buildCalendar(db, codes);
  if (!model) throw new Error("no programme");
  return parseIcs(renderIcs(model, exportText("lv"), ZONE, NOW));
}

describe("calendar export (iCalendar, Riga time)", () => {
  it("parses, with a Europe/Riga VTIMEZONE and DTSTAMP in UTC", async () => {
    const { root } = await calendar();
    expect(root.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe(ZONE);
    const stamp = root
      .getFirstSubcomponent("vevent")
      ?.getFirstProperty("dtstamp")
      ?.getFirstValue() as ICAL.Time;
    expect(stamp.zone?.tzid).toBe("UTC");
  });

  it("holds cut-offs, reminders in Riga time, dated task deadlines and sessions", async () => {
    const { events } = await calendar();
    const bySummary = new Map(events.map((e) => [e.summary, e]));
    const mk = bySummary.get("Ziņošanas termiņš: Ziņojums MK");
    expect(mk?.startDate.isDate).toBe(true);
    expect(mk?.startDate.toString()).toBe("2027-02-01");
    const mid = bySummary.get("Ziņošanas termiņš: Starpziņojums");
    expect(mid?.startDate.zone?.tzid).toBe(ZONE);
    expect(mid?.startDate.toString()).toBe("2027-06-01T12:00:00");
    expect(mid?.startDate.toJSDate().toISOString()).toBe("2027-06-01T09:00:00.000Z");
    const reminders = events.filter((e) => e.summary.startsWith("Atgādinājums ("));
    expect(reminders.map((e) => e.summary)).toContain("Atgādinājums (IEM, IZM, LM): Ziņojums MK");
    const reminder = reminders[0];
    expect(reminder?.startDate.zone?.tzid).toBe(ZONE);
    expect(reminder?.startDate.toString()).toMatch(/T09:00:00$/u);
    const dated = report().tasks.filter((t) => t.deadline.due !== null);
    expect(events.filter((e) => e.summary.startsWith("Uzdevuma "))).toHaveLength(dated.length);
    const three = bySummary.get(
      `Uzdevuma 3 termiņš: ${report().tasks.find((t) => t.number === "3")?.title}`,
    );
    expect(three?.startDate.toString()).toBe("2010-12-31");
    const session = bySummary.get("Darba grupas sēde: Darba grupas sēde");
    expect(session?.startDate.toString()).toBe("2027-01-20T10:00:00");
  });

  it("gives every event a stable unique UID", async () => {
    const first = (await calendar()).events.map((e) => e.uid);
    expect(new Set(first).size).toBe(first.length);
    expect((await calendar()).events.map((e) => e.uid)).toEqual(first);
  });

  it("narrowed to an institution: only its tasks, its reminders, the cut-offs that concern it", async () => {
    const { events } = await calendar(["IEM"]);
    const summaries = events.map((e) => e.summary);
    const iemTasks = report().tasks.filter(
      (t) => t.deadline.due && t.institutions.some((i) => i.code === "IEM"),
    );
    expect(summaries.filter((s) => s.startsWith("Uzdevuma "))).toHaveLength(iemTasks.length);
    expect(summaries).toContain("Ziņošanas termiņš: Starpziņojums");
    expect(
      summaries.some((s) => s.startsWith("Atgādinājums") && !s.startsWith("Atgādinājums (IEM)")),
    ).toBe(false);
    expect(summaries).toContain("Darba grupas sēde: Darba grupas sēde");
    const lm = (await calendar(["LM"])).events.map((e) => e.summary);
    expect(lm).not.toContain("Ziņošanas termiņš: Starpziņojums");
  });
});
