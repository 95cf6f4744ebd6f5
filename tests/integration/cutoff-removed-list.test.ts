/**
 * Removed cut-offs are no longer lost from sight: `/cutoff list` names them in a last line
 * marked removed, with the day each was removed, and `/cutoff plan <removed one>` says it was
 * removed and when instead of "not found". Signed requests to the real app and the emulator;
 * Latvian and English.
 */
import { describe, expect, it } from "vitest";
import { cutoffText } from "../../src/i18n/cutoff.ts";
import type { TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { slashText } from "../helpers/slash.ts";
import { PEOPLE, peopleAppHooks } from "../replies/support.ts";
import { addCutoff, removedTimes } from "./support/cutoffs.ts";

let t: TestApp;

peopleAppHooks(
  { secretaries: [PEOPLE.secretary, PEOPLE.janis], timeoutMs: 120_000 },
  (app) => ({ t } = app),
);

/** Adds a cut-off through `/cutoff add` and returns its id. */
const add = (text: string, title: string) => addCutoff(t, PEOPLE.secretary, text, title);

/** The time and the removal day of removed cut-off `id`, as the answers write them. */
const shownTimes = (id: number, locale: "lv" | "en") => removedTimes(t, id, locale);

describe("removed cut-offs in /cutoff list and /cutoff plan", { timeout: 60_000 }, () => {
  it("list names them in a line of their own, marked removed with the day; plan says so", async () => {
    const kept = await add("2099-03-02 12:00", "Paliekošais");
    const gone = await add("2099-03-03 10:30", "Noņemtais");
    await slashText(t, "/cutoff", `remove ${gone}`, PEOPLE.secretary);

    // Anyone may list: the live one as before, the removed one only in the removed line.
    const list = await slashText(t, "/cutoff", "list", PEOPLE.anna);
    const lv = await shownTimes(gone, "lv");
    expect(list).toContain(`#${kept}`);
    expect(list).toContain("Paliekošais");
    const line = cutoffText("lv").removedList(
      cutoffText("lv").removedItem(gone, lv.title, lv.when, lv.day),
    );
    expect(list).toContain(line);
    expect(list).toMatch(
      /Noņemtie termiņi: #\d+ Noņemtais \(.+ 10:30\) – noņemts \d\d\.\d\d\.\d{4}\./u,
    );
    // Listed once: not among the live cut-offs.
    expect(list.split("Noņemtais").length).toBe(2);

    const en = await shownTimes(gone, "en");
    await chooseLanguage(t, PEOPLE.janis, "en");
    const listEn = await slashText(t, "/cutoff", "list", PEOPLE.janis);
    expect(listEn).toContain(
      `Removed cut-offs: #${gone} Noņemtais (${en.when}) – removed on ${en.day}`,
    );

    // /cutoff plan of the removed one: removed, when; not "not found".
    const plan = await slashText(t, "/cutoff", `plan ${gone}`, PEOPLE.secretary);
    expect(plan).toContain(cutoffText("lv").planRemoved(gone, lv.title, lv.when, lv.day));
    expect(plan).toContain(`ir noņemts ${lv.day} Tā atgādinājumi vairs netiek sūtīti`);
    expect(plan).not.toContain(cutoffText("lv").notFound(gone));
    const planEn = await slashText(t, "/cutoff", `plan ${gone}`, PEOPLE.janis);
    expect(planEn).toContain(
      `Cut-off *#${gone}* (Noņemtais, ${en.when}) was removed on ${en.day}:`,
    );

    // A cut-off that never was is still "not found"; a live one still has its plan.
    expect(await slashText(t, "/cutoff", "plan 9999", PEOPLE.secretary)).toContain(
      cutoffText("lv").notFound(9999),
    );
    expect(await slashText(t, "/cutoff", `plan ${kept}`, PEOPLE.secretary)).toContain(
      cutoffText("lv").planTitle(kept, "Paliekošais"),
    );
  });
});
