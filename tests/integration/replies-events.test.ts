/**
 * Thread replies through the real app: signed Events API callbacks and interactions in, Web API
 * calls out to the emulator, replies in a real SQLite file. Waits on the emulator's records and
 * the app's log lines, never on time.
 */
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditFor } from "../../db/audit.ts";
import { buildDigestModel } from "../../src/digest/build.ts";
import { isCall } from "../../src/emulator/server.ts";
import { buildAnnex } from "../../src/export/annex-model.ts";
import { annexTable } from "../../src/export/table.ts";
import { exportText } from "../../src/i18n/export.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { addPeople, ephemeralTo, PEOPLE, replySteps } from "../replies/support.ts";

let t: TestApp;
let logs: LogWatch;

beforeAll(async () => {
  logs = watchLogs("debug");
  t = await startTestApp({ logger: logs.logger });
  addPeople(t.emulator);
});
afterAll(async () => {
  await t?.stop();
});
const { thread, reply, taskOf } = replySteps(() => ({ t, logs }), "C0LM");

describe("a reply in a reminder thread", () => {
  it("is stored, attributed by its number prefix and acknowledged with a reaction", async () => {
    const f = await thread(["2", "14", "19"]);
    const reacted = t.emulator.waitFor(
      isCall("reactions.add", (c) => c.args.channel === f.channel),
    );
    const { ts, stored } = await reply(f, "14: Pārbaudīti 12 komersanti.");
    expect(stored).toMatchObject({ verified: true, source: "event", threadTs: f.threadTs });
    expect(await taskOf(f, ts)).toBe("14");
    const call = await reacted;
    expect(call.args).toMatchObject({ timestamp: ts, name: "white_check_mark" });
    expect(call.ok).toBe(true);
    const message = t.emulator.messagesIn(f.channel).find((m) => m.ts === ts);
    expect(message?.reactions?.[0]?.name).toBe("white_check_mark");
    expect(t.emulator.ephemerals.filter((e) => e.channel === f.channel)).toEqual([]);
  });

  it('recognises a bold number with a full stop ("*14*. …"): stored as written, shown without it', async () => {
    const f = await thread(["2", "14", "19"]);
    const bold = await reply(f, "*14*. Grozījumi pieņemti Saeimā.");
    const inside = await reply(f, "*19.* Apmācīti 40 robežsargi.");
    expect(await taskOf(f, bold.ts)).toBe("14");
    expect(await taskOf(f, inside.ts)).toBe("19");
    expect(bold.stored?.text).toBe("*14*. Grozījumi pieņemti Saeimā.");
    expect(t.emulator.ephemerals.filter((e) => e.channel === f.channel)).toEqual([]);
    const annex = await buildAnnex(t.app.db, { cutoffId: f.cutoffId });
    if ("problem" in annex) throw new Error(annex.problem);
    const cells = annexTable(annex, exportText("lv"), "Europe/Riga").rows;
    const cellOf = (number: string) => cells.find((r) => r[6] === number)?.[3] ?? "";
    expect(cellOf("14")).toMatch(/^LM, \d\d\.\d\d\.\d{4}\.: Grozījumi pieņemti Saeimā\.$/u);
    expect(cellOf("19")).toMatch(/: Apmācīti 40 robežsargi\.$/u);
    const digest = await buildDigestModel(t.app.db, {
      now: DateTime.utc(),
      zone: "Europe/Riga",
      since: null,
    });
    const excerpts = digest.replies.filter((r) => r.institution === "LM").map((r) => r.excerpt);
    expect(excerpts).toContain("Grozījumi pieņemti Saeimā.");
    expect(excerpts).toContain("Apmācīti 40 robežsargi.");
  });

  it("belongs to the institution's one open task when it names none", async () => {
    const f = await thread(["14"]);
    const first = await reply(f, "Viss izdarīts, sīkāk pielikumā.");
    expect(await taskOf(f, first.ts)).toBe("14");
    const second = await reply(f, "Papildinājums: vēl divas pārbaudes.");
    expect(await taskOf(f, second.ts)).toBe("14");
  });

  it("stays unassigned when several tasks are open; the prompt's button attaches it", async () => {
    const f = await thread(["2", "14", "19"]);
    const prompted = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel));
    const { ts, stored } = await reply(f, "Darbs turpinās, ziņosim martā.");
    expect(await taskOf(f, ts)).toBeNull();
    const prompt = await prompted;
    const blocks = prompt.args.blocks as Array<{ type: string; elements?: Button[] }>;
    expect(validateBlocks(blocks, "message")).toEqual([]);
    expect(prompt.args.thread_ts).toBe(f.threadTs);
    const buttons = blocks.flatMap((b) => b.elements ?? []).filter((e) => e.type === "button");
    expect(buttons.map((b) => b.value)).toEqual(["2", "14", "19"].map((n) => `${stored?.id}:${n}`));

    const press = (user: string, button: Button) =>
      t.slack.blockAction({
        actionId: button.action_id,
        value: button.value,
        userId: user,
        channelId: f.channel,
      });
    const refused = await press(PEOPLE.outsider, buttons[2] as Button);
    const refusal = await t.slack.waitForResponse(refused.responseUrl ?? "");
    expect(refusal.body.text).toContain("tikai tās autors vai sekretārs");
    expect(await taskOf(f, ts)).toBeNull();

    const pressed = await press(PEOPLE.anna, buttons[2] as Button);
    const answer = await t.slack.waitForResponse(pressed.responseUrl ?? "");
    expect(answer.body).toMatchObject({ replace_original: true });
    expect(answer.body.text).toContain("19");
    expect(await taskOf(f, ts)).toBe("19");

    const bySecretary = await press(PEOPLE.secretary, buttons[0] as Button);
    await t.slack.waitForResponse(bySecretary.responseUrl ?? "");
    expect(await taskOf(f, ts)).toBe("2");
    const audit = await auditFor(t.app.db, "reply", String(stored?.id));
    expect(audit.map((a) => [a.actor, a.before, a.after])).toEqual([
      [PEOPLE.secretary, '"19"', '"2"'],
      [PEOPLE.anna, null, '"19"'],
    ]);
  });

  it("naming a task outside the reminder: the prompt says so first, then the buttons", async () => {
    const f = await thread(["5", "14"]);
    const prompted = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel));
    const { ts, stored } = await reply(f, "99: nav tāda");
    expect(await taskOf(f, ts)).toBeNull();
    const prompt = await prompted;
    const blocks = prompt.args.blocks as Array<{
      type: string;
      text?: { text: string };
      elements?: Button[];
    }>;
    expect(validateBlocks(blocks, "message")).toEqual([]);
    expect(blocks[0]?.text?.text).toBe(
      "Uzdevuma *99* programmā nav. Atbilde ir saglabāta, bet vēl nav pievienota nevienam uzdevumam. Pie kura uzdevuma pievienot šo atbildi?",
    );
    expect(prompt.args.text).toContain("Uzdevuma *99* programmā nav.");
    const buttons = blocks.flatMap((b) => b.elements ?? []).filter((e) => e.type === "button");
    expect(buttons.map((b) => b.value)).toEqual(["5", "14"].map((n) => `${stored?.id}:${n}`));
  });

  it("from someone who is not a contact is kept, unverified, and its author is told why", async () => {
    const f = await thread(["14"]);
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.outsider, f.channel));
    const { ts, stored } = await reply(
      f,
      "14: Informācija no Valsts darba inspekcijas.",
      PEOPLE.outsider,
    );
    expect(stored?.verified).toBe(false);
    expect(await taskOf(f, ts)).toBe("14");
    const text = String((await told).args.text);
    expect(text).toContain("nepārbaudīta");
    expect(text).toContain(`<@${PEOPLE.anna}>, <@${PEOPLE.janis}>`);
    expect(text).toContain("/institution set LM");
  });
});

interface Button {
  type: string;
  action_id: string;
  value: string;
}
