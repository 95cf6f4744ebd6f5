/**
 * `/institution set` with its arguments in the wrong order, or a name where a channel or
 * contact is expected, through the app's signed HTTP endpoint against the Slack emulator: the
 * answer says what is wrong (the channel comes before the contacts; the code before the
 * channel), how the text was read, and the syntax with an example; nothing is saved. The form
 * the answer shows is then accepted. Latvian and English.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getMapping } from "../../db/contacts.ts";
import { findInstitution } from "../../db/institutions.ts";
import { institutionText } from "../../src/i18n/institution.ts";
import { roleText } from "../../src/i18n/role.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import type { TestApp } from "../helpers/app.ts";
import { blockTexts, slashAnswer } from "../helpers/slash.ts";
import { startInstitutionApp } from "./support/institution.ts";

const SECRETARY = "U0SEC0R01";
const MEMBER = "U0MEM0R01";
const ENGLISH = "U0ENG0R01";
const ANNA = "<@U0ANNA0R1|anna>";
const CHANNEL = "<#C0TM0R001|tm-darba-grupa>";
let t: TestApp;

beforeAll(async () => {
  t = await startInstitutionApp({
    secretary: SECRETARY,
    english: ENGLISH,
    users: [
      { id: "U0ANNA0R1", name: "anna", locale: "lv-LV" },
      { id: MEMBER, name: "janis", locale: "lv-LV" },
    ],
    channels: [{ id: "C0TM0R001", name: "tm-darba-grupa" }],
  });
}, 60_000);
afterAll(async () => {
  await t?.stop();
});

/** The app's answer to `/institution <text>` as `user`: its texts, one per block. */
async function institution(text: string, user = SECRETARY): Promise<string[]> {
  const body = await slashAnswer(t, "/institution", text, user, { timeoutMs: 60_000 });
  expect(validateBlocks(body.blocks, "message")).toEqual([]);
  return blockTexts(body);
}

async function tmMapping() {
  const tm = await findInstitution(t.app.db, "TM");
  return getMapping(t.app.db, tm?.id ?? 0);
}

const lv = institutionText("lv");
const en = institutionText("en");

describe("/institution set, arguments in the wrong order", { timeout: 120_000 }, () => {
  it("a channel after the contact: says the channel comes first; nothing saved", async () => {
    const before = await tmMapping();
    const [answer, hint] = await institution(`set TM ${ANNA} ${CHANNEL}`);
    expect(answer).toBe(
      [
        "Kanāls jānorāda pirms kontaktpersonām: vispirms institūcijas kods, tad kanāls, tad kontaktpersonas.",
        `Sapratu: institūcija „TM”; kanāls ${CHANNEL}; kontaktpersona ${ANNA}.`,
        lv.setSyntax(false),
      ].join("\n"),
    );
    expect(lv.setSyntax(false)).toContain(
      "`/institution set &lt;KODS&gt; &lt;#kanāls&gt; [&lt;@kontaktpersona&gt; …]`, piemēram, `/institution set TM #tm-darba-grupa @anna`",
    );
    expect(hint).toBe(lv.usageHint);
    expect(await tmMapping()).toEqual(before);

    // The order the answer asks for is accepted.
    const [done] = await institution(`set TM ${CHANNEL} ${ANNA}`);
    expect(done).toContain("piesaistīta Slack");
    expect(await tmMapping()).toMatchObject({
      channelId: "C0TM0R001",
      contacts: [{ userId: "U0ANNA0R1" }],
    });
  });

  it("typed names, unpicked, in the wrong order: the same answer, in English too", async () => {
    const [lvAnswer = ""] = await institution("set TM @anna #kanāls");
    expect(lvAnswer.split("\n")[0]).toBe(lv.setChannelAfterPeople);
    expect(lvAnswer).toContain("Sapratu: institūcija „TM”; kanāls #kanāls; kontaktpersona @anna.");
    const [enAnswer, enHint] = await institution("set TM @anna #kanāls", ENGLISH);
    expect(enAnswer).toBe(
      [
        "The channel comes first, before the contact people: the institution's code, then the channel, then the contacts.",
        "Understood: institution “TM”; channel #kanāls; contact @anna.",
        "Expected: `/institution set &lt;CODE&gt; &lt;#channel&gt; [&lt;@contact&gt; …]`, e.g. `/institution set TM #tm-working-group @anna`.",
      ].join("\n"),
    );
    expect(enHint).toBe(en.usageHint);
  });

  it("the code after the channel: says the code comes first", async () => {
    const [answer] = await institution(`set ${CHANNEL} TM ${ANNA}`);
    expect(answer).toBe(
      [
        "Institūcijas kods jānorāda pirms kanāla: vispirms kods, tad kanāls, tad kontaktpersonas.",
        `Sapratu: institūcija „TM”; kanāls ${CHANNEL}; kontaktpersona ${ANNA}.`,
        lv.setSyntax(false),
      ].join("\n"),
    );
  });
});

describe("/institution set, a name where a channel or contact is expected", {
  timeout: 120_000,
}, () => {
  it("a channel's name without #: the institution is TM, the name neither channel nor contact", async () => {
    const before = await tmMapping();
    const [answer] = await institution("set TM kanāls");
    expect(answer).toBe(
      [
        lv.missingChannel("TM", false),
        "Sapratu: institūcija „TM”; kanāla nav; „kanāls” – nav ne kanāls, ne kontaktpersona (kanālu norāda ar #, kontaktpersonu ar @).",
      ].join("\n"),
    );
    const [enAnswer] = await institution("set TM kanāls", ENGLISH);
    expect(enAnswer).toContain(
      "Understood: institution “TM”; no channel; “kanāls” is neither a channel nor a contact (a channel is given with #, a contact with @).",
    );
    expect(await tmMapping()).toEqual(before);
  });

  it("a contact's name without @ after the channel: says so, with what was read and the syntax", async () => {
    const [answer] = await institution(`set TM ${CHANNEL} anna`);
    expect(answer).toBe(
      [
        lv.notAUser("anna"),
        `Sapratu: institūcija „TM”; kanāls ${CHANNEL}; „anna” – nav ne kanāls, ne kontaktpersona (kanālu norāda ar #, kontaktpersonu ar @).`,
        lv.setSyntax(false),
      ].join("\n"),
    );
  });

  it("a contact's name before the channel: only the code comes before it; nothing saved", async () => {
    const before = await tmMapping();
    const [answer] = await institution(`set TM anna ${CHANNEL}`);
    expect(answer).toBe(
      [
        "Pirms kanāla jānorāda tikai institūcijas kods; kontaktpersonas norāda pēc kanāla.",
        "Sapratu: institūcija „TM”; kanāls <#C0TM0R001>; „anna” – nav ne kanāls, ne kontaktpersona (kanālu norāda ar #, kontaktpersonu ar @).",
        lv.setSyntax(false),
      ].join("\n"),
    );
    const [enAnswer] = await institution(`set TM anna ${CHANNEL}`, ENGLISH);
    expect(enAnswer).toContain(
      "Only the institution's code comes before the channel; contact people come after it.",
    );
    expect(await tmMapping()).toEqual(before);
  });

  it("a code of two words is still one institution (VP GKrPP)", async () => {
    const [answer] = await institution("set VP GKrPP anna");
    expect(answer).toContain(
      "Sapratu: institūcija „VP GKrPP”; kanāla nav; „anna” – nav ne kanāls, ne kontaktpersona",
    );
  });
});

describe("/institution set, several words neither channel nor contact", {
  timeout: 120_000,
}, () => {
  it("one word reads singular, two plural (lv and en)", async () => {
    const [one] = await institution(`set TM ${CHANNEL} anna`);
    expect(one).toContain("„anna” – nav ne kanāls, ne kontaktpersona (");
    const [two] = await institution(`set TM ${CHANNEL} anna janis`);
    expect(two).toContain(
      "„anna”, „janis” – nav ne kanāli, ne kontaktpersonas (kanālu norāda ar #, kontaktpersonu ar @).",
    );
    const [enTwo] = await institution(`set TM ${CHANNEL} anna janis`, ENGLISH);
    expect(enTwo).toContain("“anna”, “janis” are neither channels nor contacts (");
  });
});

describe("/institution set mistakes from someone who is not the secretary", {
  timeout: 120_000,
}, () => {
  it("a member's set in the wrong order is refused, not explained; nothing saved", async () => {
    const before = await tmMapping();
    const answer = await institution(`set TM ${ANNA} ${CHANNEL}`, MEMBER);
    expect(answer[0]).toContain(
      roleText("lv").refusal(roleText("lv").actions.mapping, `<@${SECRETARY}>, <@${ENGLISH}>`),
    );
    expect(answer.join("\n")).not.toContain("Sapratu");
    const [words] = await institution(`set TM anna ${CHANNEL}`, MEMBER);
    expect(words).toContain("Atvainojiet");
    expect(words).not.toContain("„TM”");
    expect(await tmMapping()).toEqual(before);
  });

  it("a member may still look: /institution TM answers", async () => {
    const [answer] = await institution("TM", MEMBER);
    expect(answer).toContain("TM");
    expect(answer).not.toContain("Atvainojiet");
  });
});
