/**
 * A reply starting, without a colon, with the number of another task ("14 apmācības notika" in
 * a reminder thread asking only task 5): it was filed under the thread's one task, task 5. Now
 * it is kept without a task and its author told that it starts with 14, which this thread does
 * not ask, and how to answer (src/replies/ingest.ts bareNumberOf, i18n bareNumberNotAsked). A
 * number that is no task ("2013 gadā …", "150 apmācības") is still filed under the one task.
 * Through the real app: signed Events API callbacks in, Web API calls out to the emulator,
 * replies in the store (SQLite or PostgreSQL, TEST_DATABASE).
 */
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { buttonsOf, ephemeralTo, PEOPLE, replySteps } from "../replies/support.ts";
import { findingsAppHooks } from "./support/findings.ts";

let t: TestApp;
let logs: LogWatch;
findingsAppHooks((app) => ({ t, logs } = app));
const steps = replySteps(() => ({ t, logs }), "C0BAREOT");

/** Posts `text` as `user` and returns the task it is filed under, the note its author got and the stored reply. */
async function replyAndNote(
  f: Awaited<ReturnType<typeof steps.thread>>,
  text: string,
  user: string = PEOPLE.anna,
) {
  const told = t.emulator.waitFor(ephemeralTo(user, f.channel), 60_000);
  const { ts, stored } = await steps.reply(f, text, user);
  const note = await told;
  return { task: await steps.taskOf(f, ts), note, stored };
}

const ASK = " Pie kura uzdevuma pievienot šo atbildi?";

describe("a reply starting with another task's number, no colon", { timeout: 120_000 }, () => {
  it("'14 apmācības notika' in a thread asking 5 is kept without a task, the note saying why", async () => {
    const f = await steps.thread(["5"]);
    const r = await replyAndNote(f, "14 apmācības notika");
    expect(r.task).toBeNull();
    expect(r.stored?.text).toBe("14 apmācības notika");
    expect(String(r.note.args.text)).toBe(
      `Atbilde sākas ar „14” (bez kola), bet uzdevums 14 šajā pavedienā netiek prasīts, tāpēc atbilde ir saglabāta, bet nav pievienota nevienam uzdevumam. Ja tā ir atbilde par šī pavediena uzdevumu, sāciet ar tā numuru (piem., „5: …”) vai izvēlieties to zemāk; ja par uzdevumu 14, atbildiet pavedienā, kurā to prasa, vai lietotnes sākumlapā (Home) ar pogu „Iesniegt atjauninājumu”.${ASK}`,
    );
    expect(buttonsOf(r.note.args.blocks).map((b) => b.value)).toEqual([`${r.stored?.id}:5`]);
    // Nothing is lost: the same thread's next reply without a number is still task 5's.
    const next = await replyAndNote(f, "Apmācības notika");
    expect(next.task).toBe("5");
  });

  it("'13,3 apmācības' (a decimal comma, no colon) in a thread asking 5 is kept without a task too", async () => {
    const f = await steps.thread(["5"]);
    const r = await replyAndNote(f, "13,3 apmācības");
    expect(r.task).toBeNull();
    expect(String(r.note.args.text)).toContain(
      "Atbilde sākas ar „13,3” (bez kola), bet uzdevums 13.3 šajā pavedienā netiek prasīts",
    );
  });

  it("a number that is no task is still filed under the thread's one task", async () => {
    const f = await steps.thread(["5"]);
    const year = await replyAndNote(f, "2013 gadā notika 3 apmācības");
    expect(year.task).toBe("5");
    expect(String(year.note.args.text)).toContain(
      "Jūsu atbildē nav uzdevuma numura, tāpēc tā saglabāta pie uzdevuma *5*.",
    );
    const none = await replyAndNote(f, "150 apmācības");
    expect(none.task).toBe("5");
    expect(String(none.note.args.text)).toContain(
      "Atbilde sākas ar „150”, bet bez kola, tāpēc tas netiek lasīts kā uzdevuma numurs; atbilde saglabāta pie uzdevuma *5*.",
    );
  });

  it("the thread's other task, already answered, is not guessed to be the open one's", async () => {
    const f = await steps.thread(["5", "13.3"]);
    await steps.byForm(f, "13.3");
    const r = await replyAndNote(f, "13.3 apmācības notika");
    expect(r.task).toBeNull();
    expect(String(r.note.args.text)).toBe(
      `Atbilde sākas ar „13.3”, bet bez kola, tāpēc tas netiek lasīts kā uzdevuma numurs; atbilde ir saglabāta, bet nav pievienota nevienam uzdevumam. Ja tā ir atbilde par uzdevumu 13.3, sāciet ar „13.3: …” vai izvēlieties to zemāk.${ASK}`,
    );
  });

  it("says so in English, and links the thread that asks 14", async () => {
    await chooseLanguage(t, PEOPLE.janis, "en");
    const asking = await steps.thread(["14"]);
    const f = await steps.thread(["5"]);
    const r = await replyAndNote(f, "14 trainings were held", PEOPLE.janis);
    expect(r.task).toBeNull();
    const text = String(r.note.args.text);
    expect(text).toContain(
      `Your reply starts with "14" (no colon), but this thread does not ask about task 14, so the reply is saved but not attached to any task. If it is an answer about this thread's task, start it with its number (e.g. "5: …") or choose it below; if it is about task 14, answer in the thread that asks it or with the "Submit update" button on the app's Home tab.`,
    );
    expect(text).toContain(`Task *14* is asked in cut-off #${asking.cutoffId}'s reminder`);
  });
});
