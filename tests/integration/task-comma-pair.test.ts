/**
 * Fresh-user finding: `/task 5,14` answered "Uzdevuma *5.14* programmā nav. Varbūt domājāt
 * *5*?", while a reply's "5,14: …" is read as the list of tasks 5 and 14 when 5.14 is no task
 * (src/domain/decimal-tasks.ts). `/task N,M` with N.M no task but N and M both tasks now
 * suggests both, with the commands to see each; `/task 13,3` still shows task 13.3, and a
 * number typed with a full stop ("5.14") keeps the nearest-number guess. Through the real app
 * over signed HTTP and the emulator, lv and en; SQLite or PostgreSQL (TEST_DATABASE).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

/** `/task typed` as `userId`: the answer's text. */
async function task(typed: string, userId = ANNA): Promise<string> {
  const res = await t.slack.command("/task", typed, { userId });
  expect(res.status).toBe(200);
  let body = res.body as { blocks?: unknown[] } | "";
  if (body === "" || body.blocks === undefined)
    body = (await t.slack.waitForResponse(res.responseUrl, 10_000)).body as { blocks?: unknown[] };
  return blocksToText((body.blocks ?? []) as Parameters<typeof blocksToText>[0]);
}

describe("/task N,M when N.M is no task", () => {
  it("suggests tasks 5 and 14 for `/task 5,14`", async () => {
    const text = await task("5,14");
    expect(text).toContain(
      "Uzdevuma *5.14* programmā nav. Varbūt domājāt *5* un *14*? `/task 5`, `/task 14`",
    );
    expect(text).not.toContain("Varbūt domājāt *5*?");
  });

  it("says the same in English", async () => {
    const text = await task("5,14", JOHN);
    expect(text).toContain(
      "There is no task *5.14* in the programme. Did you mean *5* and *14*? `/task 5`, `/task 14`",
    );
  });

  it("still shows task 13.3 for `/task 13,3`", async () => {
    const text = await task("13,3");
    expect(text).toContain("13.3");
    expect(text).not.toContain("programmā nav");
  });

  it("keeps the nearest-number guess for `/task 5.14` typed with a full stop", async () => {
    const text = await task("5.14");
    expect(text).toContain("Uzdevuma *5.14* programmā nav. Varbūt domājāt *5*?");
  });

  it("guesses as before when M is no task (`/task 5,99`)", async () => {
    const text = await task("5,99");
    expect(text).toContain("Uzdevuma *5.99* programmā nav.");
    expect(text).not.toContain(" un *99*");
  });
});
