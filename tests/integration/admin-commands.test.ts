import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditFor, countAudit } from "../../db/audit.ts";
import { getMapping } from "../../db/contacts.ts";
import { listCutoffs } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { listRoleHolders } from "../../db/roles.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";

const SECRETARY = "U0SEC0001";
const ANNA = "U0ANNA001";
const MEMBER = "U0MEMBER1";
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    clock: fixedClock("2026-11-29T12:00:00Z"),
    config: { secretaryUserIds: [SECRETARY] },
  });
  t.emulator.addUser({ id: SECRETARY, name: "sekretare", locale: "lv-LV" });
  t.emulator.addUser({ id: ANNA, name: "anna", locale: "lv-LV" });
  t.emulator.addUser({ id: MEMBER, name: "john", locale: "en-US" });
  await chooseLanguage(t, MEMBER, "en");
  t.emulator.addChannel({ id: "C0IEM0001", name: "iem-darba-grupa" });
});
afterAll(async () => {
  await t?.stop();
});

type Answer = { response_type?: string; text?: string; blocks?: unknown[] };

/**
 * Sends a signed slash command and returns the answer: from the acknowledgement, or — when the
 * app acknowledged empty to stay within Slack's 3 s — from the response_url it posts to.
 */
async function slash(
  command: string,
  text: string,
  userId: string,
): Promise<{ body: Answer; text: string }> {
  const res = await t.slack.command(command, text, { userId });
  expect(res.status).toBe(200);
  let body = res.body as Answer | "";
  if (body === "" || body.blocks === undefined)
    body = (await t.slack.waitForResponse(res.responseUrl, 10_000)).body as Answer;
  expect(validateBlocks(body.blocks, "message")).toEqual([]);
  return { body, text: JSON.stringify(body.blocks) };
}

describe("admin commands through the signed HTTP endpoint", () => {
  it("the secretary maps an institution with escaped mentions, and anyone sees it", async () => {
    const { body, text } = await slash(
      "/institution",
      "set IEM <#C0IEM0001|iem-darba-grupa> <@U0ANNA001|anna> <@U0JANIS01>",
      SECRETARY,
    );
    expect(body.response_type).toBe("ephemeral");
    expect(text).toContain("kanāls <#C0IEM0001>, kontaktpersonas: <@U0ANNA001>, <@U0JANIS01>");
    const iem = await findInstitution(t.app.db, "IEM");
    expect(await getMapping(t.app.db, iem?.id ?? 0)).toMatchObject({
      channelId: "C0IEM0001",
      contacts: [{ userId: ANNA }, { userId: "U0JANIS01" }],
    });
    const seen = await slash("/institution", "iem", MEMBER);
    expect(seen.text).toContain("<#C0IEM0001>");
    expect(seen.text).toContain("Contact people");
  });

  it("the secretary adds a cut-off and /cutoff plan lists the reminders", async () => {
    const added = await slash("/cutoff", "add 2027-02-01 Informatīvais ziņojums MK", SECRETARY);
    const [cutoff] = await listCutoffs(t.app.db);
    expect(cutoff).toMatchObject({ at: "2027-02-01T21:59:59.999Z", createdBy: SECRETARY });
    expect(added.text).toContain(`*#${cutoff?.id}*`);
    expect(added.text).not.toContain("Redis");
    const jobs = await t.app.queue?.getJobs(["delayed"]);
    expect(jobs?.some((j) => j.data.cutoffId === cutoff?.id)).toBe(true);

    const { text } = await slash("/cutoff", `plan ${cutoff?.id}`, SECRETARY);
    expect(text).toContain("*IEM* – Iekšlietu ministrija");
    expect(text).toContain("Kanāls: <#C0IEM0001>");
    expect(text).toContain("pirmd. 18.01.2027. 09:00 – 14 dienas pirms termiņa – ieplānots");
    expect(text).toContain("otrd. 02.02.2027. 09:00 – pēc termiņa – ieplānots");
    expect(text).toContain("NAV PIESAISTĪTA");

    const list = await slash("/cutoff", "list", MEMBER);
    expect(list.text).toContain("Informatīvais ziņojums MK");
    expect(list.text).toContain("next reminder: Mon 18 Jan 2027 09:00");
  });

  it("refuses every changing command from a non-secretary, kindly, and changes nothing", async () => {
    const [cutoff] = await listCutoffs(t.app.db);
    const id = cutoff?.id ?? 1;
    const audited = await countAudit(t.app.db);
    const attempts: Array<[string, string]> = [
      ["/institution", "set IEM <#C0IEM0001|iem> <@U0MEMBER1|john>"],
      ["/institution", "away <@U0ANNA001|anna> 2027-01-15"],
      ["/institution", "add TSAB Tiesībsarga birojs"],
      ["/cutoff", "add 2027-03-01 Cits"],
      ["/cutoff", `move ${id} 2027-03-01`],
      ["/cutoff", `remove ${id}`],
      ["/cutoff", `plan ${id}`],
      ["/role", "add <@U0MEMBER1|john> secretary"],
      ["/role", `remove <@${SECRETARY}> secretary`],
    ];
    for (const [command, text] of attempts) {
      const answer = await slash(command, text, MEMBER);
      expect(answer.text, `${command} ${text}`).toContain("only the secretary can");
      expect(answer.text).toContain(`<@${SECRETARY}>`);
    }
    expect(await countAudit(t.app.db)).toBe(audited);
    expect((await listCutoffs(t.app.db)).map((c) => c.at)).toEqual([cutoff?.at]);
    expect(await findInstitution(t.app.db, "TSAB")).toBeUndefined();
  });

  it("a secretary grants the role; the new secretary may then see the plan", async () => {
    const granted = await slash("/role", `add <@${ANNA}|anna> secretary`, SECRETARY);
    expect(granted.text).toContain(`<@${ANNA}> tagad ir sekretārs`);
    expect(await listRoleHolders(t.app.db, "secretary")).toEqual([ANNA]);
    expect(await auditFor(t.app.db, "role", ANNA)).toHaveLength(1);
    const [cutoff] = await listCutoffs(t.app.db);
    const plan = await slash("/cutoff", `plan ${cutoff?.id}`, ANNA);
    expect(plan.text).toContain("Atgādinājumu plāns");
    const kept = await slash("/role", `remove <@${SECRETARY}> secretary`, ANNA);
    expect(kept.text).toContain("SECRETARY_USER_IDS");
  });

  it("answers mistakes and junk kindly", async () => {
    const junk = await slash("/cutoff", "add 2027-02-31 X", SECRETARY);
    expect(junk.text).toContain("Datums „2027-02-31” neeksistē");
    const plain = await slash("/institution", "set IEM #iem-darba-grupa @anna", SECRETARY);
    expect(plain.text).toContain("nav Slack kanāla saite");
    const huge = await slash("/role", "x".repeat(3000), SECRETARY);
    expect(huge.text).toContain("par garu (3000");
  });
});
