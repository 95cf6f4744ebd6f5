/**
 * The secretaries' note about a reminder that could not go out names the cut-off by its title
 * as typed (a reviewer's finding: the title went into the mrkdwn note unescaped, so "<b>" or
 * "R&D" reached Slack as its own codes). `&`, `<` and `>` are escaped as every other place
 * that shows a title escapes them (`escapeMrkdwn`); `*` is left as typed, as there. The job
 * processor against the real store (SQLite or PostgreSQL), the emulator and a private Redis;
 * one secretary in Latvian, one in English.
 */
import type { Job } from "bullmq";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { listReminders } from "../../db/reminders.ts";
import { setPreferredLocale } from "../../db/user-settings.ts";
import { process as sendReminder } from "../../jobs/send-reminder.ts";
import type { JobContext } from "../../jobs/types.ts";
import { planCutoff } from "../../src/reminders/plan.ts";
import { fixedClock } from "../../src/time.ts";
import { type JobWorld, jobWorld } from "../helpers/jobs.ts";

const NOW = "2027-01-10T08:00:00Z";
const TITLE = "*MK* <b>ziņojums</b> & R&D";
const clock = fixedClock(NOW);
const noJob = { job: {} as Job, token: undefined } satisfies JobContext;
let w: JobWorld;

beforeEach(async () => {
  clock.set(NOW);
  w = await jobWorld({ clock, config: { secretaryUserIds: ["U0SEC", "U0SECEN"] } });
  w.emulator.addUser({ id: "U0SEC", name: "sec", locale: "lv-LV" });
  w.emulator.addUser({ id: "U0SECEN", name: "secen", locale: "en-US" });
  await setPreferredLocale(w.db, "U0SECEN", "en", NOW);
});
afterEach(async () => {
  await w.stop();
});

describe("the note about a reminder not sent, for a cut-off titled with mrkdwn's characters", () => {
  it("shows the title as typed: & < > escaped, * as typed; lv and en", async () => {
    const programme = await currentProgramme(w.db);
    const cutoff = await insertCutoff(w.db, {
      programmeId: programme?.id ?? 0,
      at: "2027-02-01T21:59:59.999Z",
      title: TITLE,
      taskNumbers: ["5"],
      createdBy: "U0SEC",
      createdAt: NOW,
    });
    const { reminderOffsets: offsets, reminderTime: time } = w.deps.config;
    const settings = { offsets, time, zone: "Europe/Riga" };
    await planCutoff(w.db, cutoff, settings, NOW);
    // IZM has no channel mapped: its reminder is not sent, and the secretaries are told.
    const izm = (await findInstitution(w.db, "IZM"))?.id;
    const r = (await listReminders(w.db, cutoff.id)).find(
      (x) => x.institutionId === izm && x.kind === "before-P14D",
    );
    if (!r) throw new Error("no reminder for IZM");
    const at = r.scheduledAt;
    expect(await sendReminder({ reminderId: r.id, cutoffId: cutoff.id, at }, w.deps, noJob)).toBe(
      "no_mapping",
    );
    const texts = w.emulator.calls
      .filter((c) => c.method === "chat.postMessage")
      .map((c) => String(c.args.text ?? ""));
    const escaped = "*MK* &lt;b&gt;ziņojums&lt;/b&gt; &amp; R&amp;D";
    expect(texts).toContain(
      `⚠️ Atgādinājums institūcijai *IZM* (#${cutoff.id} „${escaped}”) netika nosūtīts – nav kanāla: iestatiet to ar \`/institution set IZM #kanāls @kontaktpersona\`.`,
    );
    expect(texts).toContain(
      `⚠️ The reminder for *IZM* (#${cutoff.id} “${escaped}”) was not sent – no channel: set one with \`/institution set IZM #channel @contact\`.`,
    );
    expect(texts.some((t) => t.includes("<b>"))).toBe(false);
  });
});
