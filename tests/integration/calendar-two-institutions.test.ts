/**
 * `/calendar` for a contact person of two institutions (IEM and LM): a fresh user's finding was
 * that it sent one calendar without saying whose. The answer names the institutions the file
 * is for and how to ask for one of them alone (`/calendar IEM`), lv and en.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { findInstitution } from "../../db/institutions.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";

const ANNA = "U0ANNA001";
const JANIS = "U0JANIS01";
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ clock: fixedClock("2027-02-02T12:00:00Z") });
  t.emulator.addUser({ id: ANNA, name: "anna", locale: "lv-LV" });
  t.emulator.addUser({ id: JANIS, name: "janis", locale: "en-US" });
  await chooseLanguage(t, JANIS, "en");
  const db = t.app.db;
  const at = "2026-11-29T12:00:00Z";
  for (const [code, channel] of [
    ["IEM", "C0IEM0001"],
    ["LM", "C0LM00001"],
  ] as const) {
    const institution = await findInstitution(db, code);
    await setMapping(db, institution?.id ?? 0, channel, [ANNA, JANIS], at);
  }
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

/** `/calendar <text>` by `userId`: the ephemeral answer as text. */
async function calendar(text: string, userId: string): Promise<string> {
  const res = await t.slack.command("/calendar", text, { userId });
  expect(res.status).toBe(200);
  let body = res.body as { blocks?: unknown[] } | "";
  if (body === "" || body.blocks === undefined)
    body = (await t.slack.waitForResponse(res.responseUrl, 10_000)).body as { blocks?: unknown[] };
  const blocks = (body.blocks ?? []) as Parameters<typeof blocksToText>[0];
  expect(validateBlocks(blocks, "message")).toEqual([]);
  return blocksToText(blocks);
}

describe("/calendar for a contact person of two institutions", () => {
  it("says whose calendar it sent and how to ask for one alone (lv, en)", async () => {
    const lv = await calendar("", ANNA);
    expect(lv).toContain("*koordinators-2009-2013-IEM-LM.ics*");
    expect(lv).toContain(
      "Jūs esat 2 institūciju kontaktpersona, tāpēc kalendārā ir visu to dati: IEM, LM. Vienas institūcijas kalendārs: `/calendar IEM` vai `/calendar LM`.",
    );
    const en = await calendar("", JANIS);
    expect(en).toContain(
      "You are a contact person of 2 institutions, so the calendar holds all of theirs: IEM, LM. For one alone: `/calendar IEM` or `/calendar LM`.",
    );
  });

  it("`/calendar IEM` sends IEM's alone, without that note", async () => {
    const lv = await calendar("IEM", ANNA);
    expect(lv).toContain("*koordinators-2009-2013-IEM.ics*");
    expect(lv).not.toContain("kontaktpersona");
  });
});
