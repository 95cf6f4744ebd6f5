/**
 * `/institution set LM #kanāls` without contacts keeps LM's contact people (and says so); only
 * `--no-contacts` clears them, and naming contacts replaces them. Through the app's signed HTTP
 * endpoint, against the Slack emulator.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditFor } from "../../db/audit.ts";
import { getMapping } from "../../db/contacts.ts";
import { findInstitution } from "../../db/institutions.ts";
import type { TestApp } from "../helpers/app.ts";
import { slashText } from "../helpers/slash.ts";
import { startInstitutionApp } from "./support/institution.ts";

const SECRETARY = "U0SEC0001";
const ANNA = "U0ANNA01";
const JANIS = "U0JANIS1";
let t: TestApp;

beforeAll(async () => {
  t = await startInstitutionApp({
    secretary: SECRETARY,
    users: [
      { id: ANNA, name: "anna", locale: "lv-LV" },
      { id: JANIS, name: "janis", locale: "lv-LV" },
    ],
    channels: [
      { id: "C0LMOK001", name: "lm-darba-grupa" },
      { id: "C0LMOK002", name: "lm-jauns" },
    ],
  });
});
afterAll(async () => {
  await t?.stop();
});

/** A signed slash command's answer as text (from the ack or its response_url). */
const slash = (text: string, userId = SECRETARY) => slashText(t, "/institution", text, userId);

async function lm() {
  const institution = await findInstitution(t.app.db, "LM");
  return getMapping(t.app.db, institution?.id ?? 0);
}

describe("/institution set and the contact people", () => {
  it("a channel alone keeps the contacts (and their away dates), and the answer says so", async () => {
    await slash(`set LM <#C0LMOK001|lm-darba-grupa> <@${ANNA}|anna> <@${JANIS}|janis>`);
    await slash(`away <@${JANIS}|janis> 2026-12-15`);
    const text = await slash("set LM <#C0LMOK002|lm-jauns>");
    expect(text).toContain(
      "kanāls #C0LMOK002; kontaktpersonas nav mainītas: <@U0ANNA01>, <@U0JANIS1>.",
    );
    expect(text).not.toContain("nav.");
    expect(await lm()).toMatchObject({
      channelId: "C0LMOK002",
      contacts: [
        { userId: ANNA, awayUntil: null },
        { userId: JANIS, awayUntil: "2026-12-15" },
      ],
    });
    // Only the channel changed, so only the channel is audited.
    const [last, previous] = await auditFor(t.app.db, "mapping", "LM");
    expect(last).toMatchObject({ field: "channel", after: JSON.stringify("C0LMOK002") });
    expect(previous?.field).toBe(`away_until:${JANIS}`);
  });

  it("naming contacts replaces them; --no-contacts clears them, saying reminders mention nobody", async () => {
    expect(await slash(`set LM <#C0LMOK002> <@${JANIS}>`)).toContain(
      "kontaktpersonas: <@U0JANIS1>.",
    );
    expect((await lm())?.contacts.map((c) => c.userId)).toEqual([JANIS]);

    const cleared = await slash("set LM <#C0LMOK002> --no-contacts");
    expect(cleared).toContain("Kontaktpersonas noņemtas – atgādinājumos neviens netiks pieminēts.");
    expect((await lm())?.contacts).toEqual([]);

    const still = await slash("set LM <#C0LMOK001>");
    expect(still).toContain("Kontaktpersonu joprojām nav");
    expect((await lm())?.channelId).toBe("C0LMOK001");
  });

  it("refuses contacts together with --no-contacts, changing nothing", async () => {
    await slash(`set LM <#C0LMOK001> <@${ANNA}>`);
    const text = await slash(`set LM <#C0LMOK002> <@${JANIS}> --no-contacts`);
    expect(text).toContain("ne abus");
    expect(await lm()).toMatchObject({ channelId: "C0LMOK001", contacts: [{ userId: ANNA }] });
  });

  it("the help names all three forms", async () => {
    const text = await slash("help");
    expect(text).toContain("`/institution set IEM #kanāls` – mainīt tikai kanālu");
    expect(text).toContain("`/institution set IEM #kanāls --no-contacts`");
  });
});
