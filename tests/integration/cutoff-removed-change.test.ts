/**
 * `/cutoff move` and `/cutoff remove` of a removed cut-off name it, as `/cutoff plan` does, with
 * the day it was removed, instead of "not found": move is refused and points to `/cutoff add`;
 * remove says it is removed already and changes nothing (no audit entry, no re-plan, no root
 * rewrite queued). An id never used is just "not found". The CLI's `cutoff move|remove` answer
 * the same. Signed requests to the real app and the emulator; Latvian and English.
 */
import { describe, expect, it } from "vitest";
import { auditFor } from "../../db/audit.ts";
import { listCutoffs, replyCutoff } from "../../db/cutoffs.ts";
import { listReminders } from "../../db/reminders.ts";
import { cutoffText } from "../../src/i18n/cutoff.ts";
import { runCli } from "../cli/run-cli.ts";
import type { TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { slashText } from "../helpers/slash.ts";
import { PEOPLE, peopleAppHooks, sentReminder } from "../replies/support.ts";
import { addCutoff, appCliEnv, removedTimes, untilRoot } from "./support/cutoffs.ts";

let t: TestApp;

peopleAppHooks(
  { secretaries: [PEOPLE.secretary, PEOPLE.janis], timeoutMs: 120_000 },
  (app) => ({ t } = app),
);

/** Adds a cut-off through `/cutoff add` and returns its id. */
const add = (text: string, title: string) => addCutoff(t, PEOPLE.secretary, text, title);

/** Removed cut-off `id` as the answers show it: its time and the day it was removed. */
const shown = (id: number, locale: "lv" | "en") => removedTimes(t, id, locale);

/** LM mapped to a channel, a cut-off on tasks 5 and 14, its first reminder posted there. */
const postedReminder = () =>
  sentReminder(t, {
    channel: "C0RMAGAIN1",
    name: "rm-again",
    at: "2099-02-02T13:08:00.000Z",
    title: "Ar pavedienu",
    tasks: ["5", "14"],
  });

/** What a second remove must leave as it is: when removed, the audit trail, the reminders. */
async function state(id: number) {
  return {
    removedAt: (await replyCutoff(t.app.db, id))?.removedAt,
    audit: (await auditFor(t.app.db, "cutoff", String(id))).length,
    reminders: await listReminders(t.app.db, id),
  };
}

describe("moving or removing a removed cut-off", { timeout: 120_000 }, () => {
  it("names it with the day it was removed; remove changes nothing; a never-used id is not found", async () => {
    const gone = await add("2099-05-04 10:30", "Atceltais");
    await slashText(t, "/cutoff", `remove ${gone}`, PEOPLE.secretary);
    const lv = await shown(gone, "lv");
    const before = await state(gone);

    const again = await slashText(t, "/cutoff", `remove ${gone}`, PEOPLE.secretary);
    expect(again).toContain(cutoffText("lv").removeRemoved(gone, lv.title, lv.when, lv.day));
    expect(again).toMatch(
      new RegExp(
        `Ziņošanas termiņš \\*#${gone}\\* \\(Atceltais, .+ 10:30\\) jau ir noņemts \\d\\d\\.\\d\\d\\.\\d{4}\\.; nekas nav mainīts\\.`,
        "u",
      ),
    );
    expect(again).not.toContain("nav.");
    expect(again).not.toContain("vairs netiks sūtīti");
    expect(await state(gone)).toEqual(before);

    const move = await slashText(t, "/cutoff", `move ${gone} 2099-06-01`, PEOPLE.secretary);
    // As the user sees it: Slack shows "&lt;" as "<".
    const moveText = cutoffText("lv").moveRemoved(gone, lv.title, lv.when, lv.day);
    expect(move).toContain(moveText.replaceAll("&lt;", "<").replaceAll("&gt;", ">"));
    // The Latvian date keeps its final dot mid-sentence ("30.11.2026.;").
    expect(move).toMatch(/ir noņemts \d\d\.\d\d\.\d{4}\.; noņemtu termiņu pārcelt nevar/u);
    expect(move).toContain(
      "noņemtu termiņu pārcelt nevar. Jaunu termiņu pievienojiet ar `/cutoff add <datums> <nosaukums>`.",
    );
    expect(await state(gone)).toEqual(before);

    await chooseLanguage(t, PEOPLE.janis, "en");
    const en = await shown(gone, "en");
    expect(await slashText(t, "/cutoff", `remove ${gone}`, PEOPLE.janis)).toContain(
      `Cut-off *#${gone}* (Atceltais, ${en.when}) was already removed on ${en.day}; nothing changed.`,
    );
    expect(await slashText(t, "/cutoff", `move ${gone} 2099-06-01`, PEOPLE.janis)).toContain(
      `Cut-off *#${gone}* (Atceltais, ${en.when}) was removed on ${en.day}; a removed cut-off cannot be moved.`,
    );
    expect(await state(gone)).toEqual(before);

    // Never used: just "not found", without the old "(or it was removed)".
    const none = await slashText(t, "/cutoff", "remove 9999", PEOPLE.secretary);
    expect(none).toContain("Ziņošanas termiņa #9999 nav.");
    expect(none).not.toContain("vai tas ir noņemts");
    expect(await slashText(t, "/cutoff", "move 9999 2099-06-01", PEOPLE.janis)).toContain(
      "There is no reporting cut-off #9999.",
    );
  });

  it("a removed cut-off with a posted thread: removing it again queues no root rewrite", async () => {
    const { cutoffId, channel, rootTs } = await postedReminder();
    const first = await slashText(t, "/cutoff", `remove ${cutoffId}`, PEOPLE.secretary);
    expect(first).toContain(cutoffText("lv").removedThreads(1));
    const lv = await shown(cutoffId, "lv");
    const line = `ir noņemts ${lv.day}`;
    // The refresh job rewrites the root: wait for that chat.update (event-driven), long enough
    // for a starved worker; after it the assertion shows what the root says instead.
    expect(await untilRoot(t, channel, rootTs, (text) => text.includes(line))).toContain(line);
    const before = await state(cutoffId);

    const again = await slashText(t, "/cutoff", `remove ${cutoffId}`, PEOPLE.secretary);
    expect(again).toContain(cutoffText("lv").removeRemoved(cutoffId, lv.title, lv.when, lv.day));
    // The count of roots queued for a rewrite is said whenever there is one: none now.
    expect(again).not.toContain("pirmajā ziņā tiks norādīts");
    expect(await state(cutoffId)).toEqual(before);
  });

  it("/cutoff add with task numbers the programme lacks outlines its numbering (lv/en)", async () => {
    const lv = await slashText(t, "/cutoff", "add 2099-07-01 --tasks 1,999 X", PEOPLE.secretary);
    // One number: the singular.
    expect(lv).toContain("Programmā nav uzdevuma 999.");
    expect(lv).toContain(
      "Programmas uzdevumi ir numurēti no 1 līdz 26; dažiem ir apakšuzdevumi, piemēram, 10.1 vai 10.1.1.",
    );
    expect(lv).not.toContain("Programmā ir uzdevumi");
    await chooseLanguage(t, PEOPLE.janis, "en");
    const en = await slashText(t, "/cutoff", "add 2099-07-01 --tasks 1,999 X", PEOPLE.janis);
    expect(en).toContain("The programme has no task 999.");
    expect(en).toContain(
      "The programme's tasks are numbered 1 to 26; some have sub-tasks, such as 10.1 or 10.1.1.",
    );
    expect((await listCutoffs(t.app.db)).some((c) => c.title === "X")).toBe(false);
  });

  it("the CLI's cutoff remove and move say the same (remove exits 0, move 1)", async () => {
    const gone = await add("2099-05-05 09:00", "CLI atceltais");
    await slashText(t, "/cutoff", `remove ${gone}`, PEOPLE.secretary);
    const lv = await shown(gone, "lv");
    const before = await state(gone);
    const env = appCliEnv(t);
    const removed = await runCli(["cutoff", "remove", String(gone)], env);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain(
      `Ziņošanas termiņš #${gone} (CLI atceltais, ${lv.when}) jau ir noņemts ${lv.day}; nekas nav mainīts.`,
    );
    const moved = await runCli(["cutoff", "move", String(gone), "2099-06-01", "--lang", "en"], env);
    expect(moved.code).toBe(1);
    expect(moved.stdout + moved.stderr).toContain("a removed cut-off cannot be moved");
    expect(await state(gone)).toEqual(before);
  });
});
