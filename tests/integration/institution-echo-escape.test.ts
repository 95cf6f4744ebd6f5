/**
 * `/institution` mistake answers that repeat what was typed show it escaped once, as Slack's
 * mrkdwn needs (https://api.slack.com/reference/surfaces/formatting#escaping): Slack sends the
 * command's text with `&`, `<`, `>` already as `&amp;`, `&lt;`, `&gt;`, so repeating it as it
 * came shows "R&D"; escaping it again showed "R&amp;D" in Slack (`&amp;amp;D` in the text).
 * `set` without a channel (missingChannel), an unpicked channel or contact, a date that is
 * none, a bad code; Latvian and English. Signed slash commands through the app's endpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { institutionText } from "../../src/i18n/institution.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import type { TestApp } from "../helpers/app.ts";
import { blockTexts, slashAnswer } from "../helpers/slash.ts";
import { startInstitutionApp } from "./support/institution.ts";

const SECRETARY = "U0SEC0E01";
const ENGLISH = "U0ENG0E01";
const CHANNEL = "<#C0TM0E001|tm-darba-grupa>";
let t: TestApp;

beforeAll(async () => {
  t = await startInstitutionApp({
    secretary: SECRETARY,
    english: ENGLISH,
    channels: [{ id: "C0TM0E001", name: "tm-darba-grupa" }],
  });
}, 120_000);
afterAll(async () => {
  await t?.stop();
});

/** The mrkdwn of the app's answer to `/institution <text>` (as Slack sends it) as `user`. */
async function institution(text: string, user = SECRETARY): Promise<string> {
  const body = await slashAnswer(t, "/institution", text, user, { timeoutMs: 60_000 });
  expect(validateBlocks(body.blocks, "message")).toEqual([]);
  return blockTexts(body).join("\n");
}

/** No entity escaped a second time. */
const escapedOnce = (answer: string) => expect(answer).not.toMatch(/&amp;(?:amp|lt|gt);/u);

const lv = institutionText("lv");
const en = institutionText("en");

describe("/institution answers repeat typed text escaped once", { timeout: 180_000 }, () => {
  it("set without a channel: the command shown with the code as typed (R&D, <b>)", async () => {
    const answer = await institution("set R&amp;D");
    expect(answer.split("\n")[0]).toBe(lv.missingChannel("R&amp;D", false));
    expect(answer).toContain("`/institution set R&amp;D #kanāls @kontaktpersona`");
    escapedOnce(answer);

    const angle = await institution("set A&lt;b&gt; --no-contacts", ENGLISH);
    expect(angle.split("\n")[0]).toBe(en.missingChannel("A&lt;b&gt;", true));
    expect(angle).toContain("`/institution set A&lt;b&gt; #channel --no-contacts`");
    escapedOnce(angle);
  });

  it("an unpicked channel or contact, a date that is none, a bad code", async () => {
    const channel = await institution("set TM #r&amp;d");
    expect(channel).toContain(lv.channelNotLinked("#r&amp;d"));
    escapedOnce(channel);

    const person = await institution(`set TM ${CHANNEL} @a&amp;b`, ENGLISH);
    expect(person).toContain(en.userNotLinked("@a&amp;b"));
    escapedOnce(person);

    const date = await institution("away <@U0ANNA0E1|anna> rīt&amp;parīt");
    expect(date).toContain(lv.badDate("rīt&amp;parīt"));
    escapedOnce(date);

    const code = await institution("add R&amp;D Pētniecība", ENGLISH);
    expect(code).toContain(en.badCode("R&amp;D"));
    escapedOnce(code);
  });
});
