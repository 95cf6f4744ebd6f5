/**
 * Fresh-user finding: `/task Patvērums „Drošā māja”` (an institution's code as `/institution
 * list` shows it, instead of a task number) answered "Nesapratu". `/task` now reads an
 * institution's code, alias or full name in quotes of any style (commands/task.ts INSTITUTION,
 * commands/task-institution.ts) and answers with its tasks; one without tasks is said so with
 * what `/task` takes and `/institution <code>`. `/task 14`, `/task 13.3` and `/task abc` answer as
 * before. Through the real app over signed HTTP and the emulator, lv and en; SQLite or PostgreSQL
 * (TEST_DATABASE).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MESSAGE_BLOCKS_MAX } from "../../src/slack/block-limits.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";

const ANNA = "U0ANNA001";
const JOHN = "U0JOHN001";
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ clock: fixedClock("2027-02-02T12:00:00Z") });
  t.emulator.addUser({ id: ANNA, name: "anna", locale: "lv-LV" });
  t.emulator.addUser({ id: JOHN, name: "john", locale: "en-US" });
  await chooseLanguage(t, JOHN, "en");
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

/** `/task typed` as `userId`: the answer's blocks and their text. */
async function task(typed: string, userId = ANNA) {
  const res = await t.slack.command("/task", typed, { userId });
  expect(res.status).toBe(200);
  let body = res.body as { blocks?: unknown[] } | "";
  if (body === "" || body.blocks === undefined)
    body = (await t.slack.waitForResponse(res.responseUrl, 10_000)).body as { blocks?: unknown[] };
  const blocks = body.blocks ?? [];
  return { blocks, text: blocksToText(blocks as Parameters<typeof blocksToText>[0]) };
}

describe("/task with an institution's code or name", () => {
  for (const typed of [
    "Patvērums „Drošā māja”",
    'Patvērums "Drošā māja"',
    "patvērums “drošā māja”",
    "Biedrība „Patvērums „Drošā māja””",
  ])
    it(`\`/task ${typed}\` names the institution, says it has no tasks and what to ask`, async () => {
      const { text } = await task(typed);
      expect(text).not.toContain("Nesapratu");
      expect(text).toContain("Patvērums „Drošā māja” – Biedrība „Patvērums „Drošā māja””");
      expect(text).toContain("Šai institūcijai programmā nav uzdevumu.");
      expect(text).toContain("`/task` rāda uzdevumu pēc tā numura (piemēram, `/task 14`)");
      expect(text).toContain("uzdevumi ir institūcijām AiM, ĀM, IEM, IZM, LM, TM.");
      expect(text).toContain("`/institution Patvērums „Drošā māja”`");
    });

  it("says the same in English", async () => {
    const { text } = await task('Patvērums "Drošā māja"', JOHN);
    expect(text).toContain("This institution has no tasks in the programme.");
    expect(text).toContain("`/task` shows a task by its number (e.g. `/task 14`)");
    expect(text).toContain("the institutions with tasks are AiM, ĀM, IEM, IZM, LM, TM.");
    expect(text).toContain("This institution's channel and contacts: `/institution Patvērums");
  });

  it("lists the tasks of one named by its full name, within one message's blocks", async () => {
    for (const [typed, userId] of [
      ["Labklājības ministrija", ANNA],
      ["labklājības   ministrija", JOHN],
    ] as const) {
      const { blocks, text } = await task(typed, userId);
      expect(text).toContain("LM – Labklājības ministrija");
      expect(text).toContain("*14* Uzlabot komersantu");
      expect(text).toContain("*13.3*");
      expect(text).not.toContain("/institution LM");
      expect(blocks.length).toBeLessThanOrEqual(MESSAGE_BLOCKS_MAX);
    }
  });

  it("answers /task 14, /task 13.3 and /task abc as before", async () => {
    expect((await task("14")).text).toContain("14. Uzlabot komersantu");
    expect((await task("13.3")).text).toContain("Uzdevums 13.3\n");
    const abc = await task("abc");
    expect(abc.text).toContain("Nesapratu „abc”.");
    expect(abc.text).toContain("Institūcijas: AiM, ĀM, IEM, IZM, LM, TM.");
    const en = await task('"Nav tādas"', JOHN);
    expect(en.text).toContain('I did not understand “"Nav tādas"”.');
  });
});
