/**
 * Fresh-user finding: `/session add` took a Saturday or a Latvian public holiday without a
 * word. It still adds the session, and now says what the day is under the answer ("Ievērojiet:
 * 2026. gada 5. decembris ir sestdiena."), by the working-day rule `/cutoff add` warns with
 * (commands/cutoff-day.ts, src/domain/business-days.ts); a working day gets no note. Through the
 * real app over signed HTTP and the emulator, lv and en; SQLite or PostgreSQL (TEST_DATABASE).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listSessions } from "../../db/sessions.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";

const SECRETARY = "U0SEC0001";
const JOHN = "U0SEC0002";
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    clock: fixedClock("2026-11-29T12:00:00Z"),
    config: { secretaryUserIds: [SECRETARY, JOHN] },
  });
  t.emulator.addUser({ id: SECRETARY, name: "sekretare", locale: "lv-LV" });
  t.emulator.addUser({ id: JOHN, name: "john", locale: "en-US" });
  await chooseLanguage(t, JOHN, "en");
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

/** `/session typed` as `userId`: the answer's text, from the response or its response_url. */
async function session(typed: string, userId = SECRETARY): Promise<string> {
  const res = await t.slack.command("/session", typed, { userId });
  expect(res.status).toBe(200);
  let body = res.body as { blocks?: unknown[] } | "";
  if (body === "" || body.blocks === undefined)
    body = (await t.slack.waitForResponse(res.responseUrl, 10_000)).body as { blocks?: unknown[] };
  return blocksToText((body.blocks ?? []) as Parameters<typeof blocksToText>[0]);
}

describe("/session add on a day that is not a working day", () => {
  it("adds a Saturday's session and notes the day (lv, en)", async () => {
    const lv = await session("add 2026-12-05 10:00 Izbraukuma sēde");
    expect(lv).toContain("Pievienota sēde *#1*");
    expect(lv).toContain("Ievērojiet: 2026. gada 5. decembris ir sestdiena.");
    const en = await session("add 2026-12-06 10:00 Away day", JOHN);
    expect(en).toContain("Added session *#2*");
    expect(en).toContain("Note: 6 December 2026 is a Sunday.");
    expect((await listSessions(t.app.db)).length).toBe(2);
  });

  it("names a public holiday", async () => {
    const lv = await session("add 2026-12-24 10:00");
    expect(lv).toContain("Pievienota sēde *#3*");
    expect(lv).toMatch(/Ievērojiet: 2026\. gada 24\. decembris ir svētku diena \(.+\)\./u);
  });

  it("says nothing on a working day", async () => {
    const lv = await session("add 2026-12-07 10:00");
    expect(lv).toContain("Pievienota sēde *#4*");
    expect(lv).not.toContain("Ievērojiet");
  });
});
