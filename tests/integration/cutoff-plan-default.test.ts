/**
 * `/cutoff plan` without a number shows the plan of the cut-off the app is working towards and
 * says which (number, title, time) and why: the only live one; of several, the one `/task`
 * takes (the next not yet passed, else the latest passed within the grace days), naming the
 * others and how to see them; the only live one passed longer ago than /task shows a cut-off:
 * still its plan, saying how many days ago it passed and that /task no longer shows it. No live
 * cut-off (none, or only removed ones): a notice saying so
 * and how to add one; several all long passed: which number to give. `/cutoff plan N` is as
 * before. Signed requests to the real app and the emulator; Latvian and English.
 */
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cutoff, insertCutoff, listCutoffs } from "../../db/cutoffs.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { cutoffText } from "../../src/i18n/cutoff.ts";
import { cutoffDefaultText } from "../../src/i18n/cutoff-default.ts";
import { formatInstant } from "../../src/slack/format.ts";
import { decodeSlackEntities } from "../../src/slack/message-text.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { slashText } from "../helpers/slash.ts";
import { addPeople, PEOPLE } from "../replies/support.ts";

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ config: { secretaryUserIds: [PEOPLE.secretary, PEOPLE.janis] } });
  addPeople(t.emulator);
  await chooseLanguage(t, PEOPLE.janis, "en");
}, 120_000);
afterAll(async () => {
  await t?.stop();
}, 120_000);

/** `/cutoff plan` (no number) as the Latvian secretary and as the English one. */
async function plans(): Promise<{ lv: string; en: string }> {
  const lv = await slashText(t, "/cutoff", "plan", PEOPLE.secretary);
  const en = await slashText(t, "/cutoff", "plan", PEOPLE.janis);
  return { lv, en };
}

/** Adds a cut-off through `/cutoff add` and returns it. */
async function add(text: string, title: string): Promise<Cutoff> {
  await slashText(t, "/cutoff", `add ${text} ${title}`, PEOPLE.secretary);
  const found = (await listCutoffs(t.app.db)).find((c) => c.title === title);
  if (!found) throw new Error(`${title} not added`);
  return found;
}

/** Stores a cut-off `days` days ago (`/cutoff add` refuses a past one). */
async function passed(days: number, title: string): Promise<Cutoff> {
  const programme = await currentProgramme(t.app.db);
  if (!programme) throw new Error("no programme");
  return insertCutoff(t.app.db, {
    programmeId: programme.id,
    at: DateTime.utc().minus({ days }).toISO() ?? "",
    title,
    taskNumbers: ["14"],
    createdBy: PEOPLE.secretary,
    createdAt: DateTime.utc().toISO() ?? "",
  });
}

const when = (c: Cutoff, locale: "lv" | "en") => formatInstant(c.at, t.app.config.timezone, locale);

describe("/cutoff plan without a number", { timeout: 120_000 }, () => {
  it("none, one, removed-only, none active, a recent one, the next of several", async () => {
    // No cut-off at all: a notice, not an error, saying how to add one.
    const none = await plans();
    expect(none.lv).toContain(decodeSlackEntities(cutoffDefaultText("lv").planNone));
    expect(none.lv).toContain("Spēkā esoša ziņošanas termiņa nav");
    expect(none.lv).toContain("`/cutoff add <datums> <nosaukums>`");
    expect(none.en).toContain(decodeSlackEntities(cutoffDefaultText("en").planNone));
    expect(none.en).toContain("There is no live reporting cut-off");

    // One cut-off: its plan, saying it is the only live one, with no "others" line.
    const one = await add("2099-05-05 09:00", "Vienīgais");
    const only = await plans();
    expect(only.lv).toContain(cutoffText("lv").planTitle(one.id, "Vienīgais"));
    expect(only.lv).toContain(
      cutoffDefaultText("lv").planLead("only", one.id, "Vienīgais", when(one, "lv")),
    );
    expect(only.lv).toContain("rādu vienīgā spēkā esošā ziņošanas termiņa");
    expect(only.lv).not.toContain("Spēkā ir vēl");
    expect(only.en).toContain(cutoffText("en").planTitle(one.id, "Vienīgais"));
    expect(only.en).toContain(
      `No cut-off number given, so this is the plan of the only live cut-off, *#${one.id}* (Vienīgais, ${when(one, "en")}).`,
    );
    expect(only.en).not.toContain("other live");
    // The plan named by its number is as before: no lead.
    const named = await slashText(t, "/cutoff", `plan ${one.id}`, PEOPLE.secretary);
    expect(named).toContain(cutoffText("lv").planTitle(one.id, "Vienīgais"));
    expect(named).not.toContain("Termiņa numurs nav norādīts");

    // Removed only: no live cut-off, said so (the removed one is not taken).
    await slashText(t, "/cutoff", `remove ${one.id}`, PEOPLE.secretary);
    const removed = await plans();
    expect(removed.lv).toContain(decodeSlackEntities(cutoffDefaultText("lv").planNone));
    expect(removed.lv).toContain(cutoffText("lv").listHint);
    expect(removed.lv).not.toContain("Vienīgais");
    expect(removed.en).toContain(decodeSlackEntities(cutoffDefaultText("en").planNone));

    // The only live cut-off, passed 61 days ago (past the 30-day grace, so /task, Home and the
    // digest show none): still its plan, saying how long ago it passed and that /task no longer
    // shows it. 61: "pirms 61 dienas" (genitive singular after a number ending in 1).
    const old = await passed(61, "Senais");
    const stale = await plans();
    expect(stale.lv).toContain(cutoffText("lv").planTitle(old.id, "Senais"));
    const staleLv = { days: 61, grace: 30 };
    expect(stale.lv).toContain(
      cutoffDefaultText("lv").planLead("stale", old.id, "Senais", when(old, "lv"), staleLv),
    );
    expect(stale.lv).toContain(
      `Termiņa numurs nav norādīts, tāpēc rādu vienīgā ziņošanas termiņa *#${old.id}* (Senais, ${when(old, "lv")}) plānu. Tas pagāja pirms 61 dienas, tāpēc \`/task\`, sākumlapa un kopsavilkums to vairs nerāda (pagājušu termiņu tie rāda vēl 30 dienas).`,
    );
    expect(stale.lv).not.toContain("Spēkā ir vēl");
    expect(stale.en).toContain(cutoffText("en").planTitle(old.id, "Senais"));
    expect(stale.en).toContain(
      `No cut-off number given, so this is the plan of the only cut-off, *#${old.id}* (Senais, ${when(old, "en")}). It passed 61 days ago, so \`/task\`, the Home tab and the digest no longer show it (they show a cut-off for 30 days after it passes).`,
    );

    // Two live cut-offs both passed long ago: none is active, none is guessed.
    const older = await passed(50, "Vecais");
    const undecided = await plans();
    expect(undecided.lv).toContain(cutoffDefaultText("lv").planUndecided(2, 30, older.id));
    expect(undecided.lv).toContain(
      "bet neviens nav aktīvs: visi pagāja pirms vairāk nekā 30 dienām",
    );
    expect(undecided.en).toContain(cutoffDefaultText("en").planUndecided(2, 30, older.id));
    expect(undecided.lv).not.toContain(cutoffText("lv").planTitle(old.id, "Senais"));

    // One passed five days ago: no next one, so that one (as /task shows it), others named.
    const recent = await passed(5, "Nesenais");
    const latest = await plans();
    expect(latest.lv).toContain(cutoffText("lv").planTitle(recent.id, "Nesenais"));
    expect(latest.lv).toContain(
      cutoffDefaultText("lv").planLead("recent", recent.id, "Nesenais", when(recent, "lv")),
    );
    expect(latest.lv).toContain(
      `Vēl ir 2 citi termiņi: #${old.id}, #${older.id} – pagājuši pirms vairāk nekā 30 dienām.`,
    );
    expect(latest.en).toContain("the plan of the latest cut-off that has passed");
    expect(latest.en).toContain(
      `There are 2 other cut-offs: #${old.id}, #${older.id} – passed more than 30 days ago.`,
    );

    // Cut-offs ahead: the next one, not the first added nor the latest.
    const later = await add("2099-04-01 12:00", "Vēlākais");
    const next = await add("2099-03-01 12:00", "Nākamais");
    const several = await plans();
    expect(several.lv).toContain(cutoffText("lv").planTitle(next.id, "Nākamais"));
    expect(several.lv).toContain(
      cutoffDefaultText("lv").planLead("next", next.id, "Nākamais", when(next, "lv")),
    );
    expect(several.lv).toContain(
      `Vēl ir 4 citi termiņi: #${later.id} – priekšā; #${recent.id} – pagājis pēdējās 30 dienās (atbildes vēl var pienākt); #${old.id}, #${older.id} – pagājuši pirms vairāk nekā 30 dienām. Cita termiņa plāns – \`/cutoff plan ${later.id}\`, visi termiņi – \`/cutoff list\`.`,
    );
    expect(several.lv).not.toContain(cutoffText("lv").planTitle(later.id, "Vēlākais"));
    expect(several.en).toContain(cutoffText("en").planTitle(next.id, "Nākamais"));
    expect(several.en).toContain(
      `No cut-off number given, so this is the plan of the next cut-off, *#${next.id}* (Nākamais, ${when(next, "en")}).`,
    );
    expect(several.en).toContain("There are 4 other cut-offs: ");
    expect(several.en).toContain("`/cutoff list`");
  });

  it("the help names plan without a number", async () => {
    const help = await slashText(t, "/cutoff", "help", PEOPLE.secretary);
    expect(help).toContain("`/cutoff plan` bez numura");
    const helpEn = await slashText(t, "/cutoff", "help", PEOPLE.janis);
    expect(helpEn).toContain("`/cutoff plan` without a number");
  });

  it("is still for secretaries only", async () => {
    const refused = await slashText(t, "/cutoff", "plan", PEOPLE.anna);
    expect(refused).not.toContain("Termiņa numurs nav norādīts");
    expect(refused).not.toContain(decodeSlackEntities(cutoffDefaultText("lv").planNone));
  });
});
