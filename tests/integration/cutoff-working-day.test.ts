/**
 * `/cutoff add` and `/cutoff move` on a Saturday, a Sunday or a Latvian public holiday: the
 * cut-off is saved as typed, with a warning naming the day ("2026. gada 6. decembris ir
 * svētdiena", the holiday's name) and the command moving it to the working day before. A
 * working day gets no warning. Through the signed HTTP endpoint, lv and en.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCutoffs } from "../../db/cutoffs.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { slashText } from "../helpers/slash.ts";

const SECRETARY = "U0SEC0001";
const JOHN = "U0JOHN001";
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    clock: fixedClock("2026-11-29T12:00:00Z"),
    config: { secretaryUserIds: [SECRETARY, JOHN] },
  });
  t.emulator.addUser({ id: SECRETARY, name: "sekretare", locale: "lv-LV" });
  t.emulator.addUser({ id: JOHN, name: "john", locale: "en-US" });
  await chooseLanguage(t, JOHN, "en");
});
afterAll(async () => {
  await t?.stop();
});

const cutoff = (text: string, user = SECRETARY) => slashText(t, "/cutoff", text, user);

/** The id of the cut-off titled `title`. */
async function idOf(title: string): Promise<number> {
  const found = (await listCutoffs(t.app.db)).find((c) => c.title === title);
  if (!found) throw new Error(`no cut-off ${title}`);
  return found.id;
}

describe("a cut-off on a day that is not a working day is kept, with a warning", () => {
  it("/cutoff add on a Sunday: saved at the day's end, the warning names it and the Friday before", async () => {
    const text = await cutoff("add 2026-12-06 Svētdienas termiņš");
    const id = await idOf("Svētdienas termiņš");
    expect(text).toContain(`Pievienots ziņošanas termiņš *#${id}*`);
    expect(text).toContain(
      `⚠️ 2026. gada 6. decembris ir svētdiena – tā nav darba diena. Termiņš saglabāts; ja domāta iepriekšējā darba diena, pārceliet to: \`/cutoff move ${id} 2026-12-04\`.`,
    );
    expect((await listCutoffs(t.app.db)).find((c) => c.id === id)?.at).toBe(
      "2026-12-06T21:59:59.999Z",
    );
  });

  it("/cutoff add on a holiday names it; on a Saturday holiday both; a typed time is kept in the fix", async () => {
    const eve = await cutoff("add 2026-12-24 12:00 Ziemassvētku vakara termiņš");
    const eveId = await idOf("Ziemassvētku vakara termiņš");
    expect(eve).toContain(
      `⚠️ 2026. gada 24. decembris ir svētku diena (Ziemassvētku vakars) – tā nav darba diena.`,
    );
    expect(eve).toContain(`\`/cutoff move ${eveId} 2026-12-23 12:00\``);
    const english = await cutoff("add 2027-12-25 Christmas cut-off", JOHN);
    const xmasId = await idOf("Christmas cut-off");
    expect(english).toContain(
      `⚠️ 25 December 2027 is a Saturday and a public holiday (Christmas Day), not a working day in Latvia. The cut-off is saved; if the working day before was meant, move it: \`/cutoff move ${xmasId} 2027-12-23\`.`,
    );
  });

  it("/cutoff move to a Saturday warns; to a working day it does not", async () => {
    await cutoff("add 2027-02-01 Pārceļamais");
    const id = await idOf("Pārceļamais");
    const weekend = await cutoff(`move ${id} 2027-02-06`);
    expect(weekend).toContain(`Ziņošanas termiņš *#${id}* pārcelts`);
    expect(weekend).toContain(
      `⚠️ 2027. gada 6. februāris ir sestdiena – tā nav darba diena. Termiņš saglabāts; ja domāta iepriekšējā darba diena, pārceliet to: \`/cutoff move ${id} 2027-02-05\`.`,
    );
    const english = await cutoff(`move ${id} 2027-06-24 --time 10:00`, JOHN);
    expect(english).toContain(
      `⚠️ 24 June 2027 is a public holiday (Midsummer), not a working day in Latvia.`,
    );
    expect(english).toContain(`\`/cutoff move ${id} 2027-06-22 10:00\``);
    const weekday = await cutoff(`move ${id} 2027-02-05`);
    expect(weekday).toContain(`Ziņošanas termiņš *#${id}* pārcelts`);
    expect(weekday).not.toContain("darba diena");
  });

  it("names a substitute holiday in Latvian ('pārceltā brīvdiena', not the library's 'aizstājējs diena')", async () => {
    // 18 November 2028 is a Saturday: Monday the 20th is the day off in its place.
    const text = await cutoff("add 2028-11-20 Pārceltās brīvdienas termiņš");
    expect(text).toContain(
      "⚠️ 2028. gada 20. novembris ir svētku diena (Latvijas Republikas Proklamēšanas diena – pārceltā brīvdiena) – tā nav darba diena.",
    );
    expect(text).not.toContain("aizstājējs");
    expect(text).toContain("2028-11-17`");
    const english = await cutoff("add 2028-11-20 12:00 Substitute day cut-off", JOHN);
    expect(english).toContain("is a public holiday (Republic Day – substitute day), not a working");
  });

  it("a working day gets no warning", async () => {
    const text = await cutoff("add 2027-03-01 Pirmdienas termiņš");
    expect(text).toContain("Pievienots ziņošanas termiņš");
    expect(text).not.toContain("darba diena");
    expect(text).not.toContain("⚠️ 2027");
  });
});
