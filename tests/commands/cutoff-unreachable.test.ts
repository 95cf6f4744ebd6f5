/**
 * A channel `/institution set` found unreachable (Slack: channel_not_found, not a member,
 * archived) is remembered, and `/cutoff add` and `/cutoff plan` warn about it before the
 * reminders fail, instead of listing them as planned. Slack's Web API is the one fake
 * (`conversations.info`); a later "ok" answer, or a reminder sent there, clears the warning.
 */
import { describe, expect, it } from "vitest";
import { handle, parse } from "../../commands/cutoff.ts";
import {
  handle as handleInstitution,
  parse as parseInstitution,
} from "../../commands/institution.ts";
import type { ChannelInfoClient } from "../../commands/institution-channel.ts";
import { unreachableChannels } from "../../db/channel-checks.ts";
import { listCutoffs } from "../../db/cutoffs.ts";
import { listReminders, markSent } from "../../db/reminders.ts";
import { adminSuite, as, SECRETARY, shown } from "./admin-support.ts";

const w = adminSuite({ now: "2026-11-29T12:00:00Z" });

/** Slack as the local emulator answers: C0LOCAL09 does not exist until `known` has it. */
function slackKnowing(known: Set<string>): ChannelInfoClient {
  const info = async ({ channel }: { channel: string }) => {
    if (known.has(channel)) return { ok: true, channel: { id: channel, is_member: true } };
    throw Object.assign(new Error("An API error occurred: channel_not_found"), {
      code: "slack_webapi_platform_error",
      data: { ok: false, error: "channel_not_found" },
    });
  };
  return { conversations: { info } } as unknown as ChannelInfoClient;
}

const cutoff = async (text: string, locale: "lv" | "en" = "lv") =>
  shown(await handle(parse(text), w.deps, as(SECRETARY, locale)));
const institution = async (text: string) =>
  shown(await handleInstitution(parseInstitution(text), w.deps, as(SECRETARY)));

async function onlyId(): Promise<number> {
  const [c] = await listCutoffs(w.db);
  if (!c) throw new Error("no cut-off");
  return c.id;
}

describe("a channel Slack said the app cannot reach", () => {
  it("is warned about in /cutoff add and /cutoff plan (lv, en), its reminders not 'planned'", async () => {
    const known = new Set<string>(["C0LOCAL01"]);
    w.deps.slack = slackKnowing(known) as typeof w.deps.slack;
    expect(await institution("set TM <#C0LOCAL09>")).toContain("C0LOCAL09");
    const added = await cutoff("add 2027-04-01 --tasks 13.4 TM tests");
    expect(added).toContain("⚠️ *TM*: kanāls <#C0LOCAL09> nav sasniedzams");
    expect(added).toMatch(
      /\d+ no \d+ plānot\S+ atgādinājum\S+ neizdosies\. Norādiet citu kanālu: `\/institution set TM #kanāls`\./,
    );
    expect(added).not.toContain("/invite");
    const id = await onlyId();
    const plan = await cutoff(`plan ${id}`);
    expect(plan).toContain(
      "⚠️ *TM*: kanāls <#C0LOCAL09> nav sasniedzams (Slack kanāls nav atrasts) – atgādinājumi neizdosies. Norādiet citu kanālu: `/institution set TM #kanāls`.",
    );
    expect(plan).toContain("neizdosies – kanāls nav sasniedzams");
    expect(plan).not.toContain("– ieplānots");
    const en = await cutoff(`plan ${id}`, "en");
    expect(en).toContain("⚠️ *TM*: the channel <#C0LOCAL09> cannot be reached");
    expect(en).toContain("will fail – channel unreachable");
    expect(en).toContain("Name another channel: `/institution set TM #channel`.");
  });

  it("is no longer warned about once Slack says the app is there", async () => {
    const known = new Set<string>(["C0LOCAL01"]);
    w.deps.slack = slackKnowing(known) as typeof w.deps.slack;
    await institution("set TM <#C0LOCAL09>");
    await cutoff("add 2027-04-01 --tasks 13.4 TM tests");
    known.add("C0LOCAL09");
    const plan = await cutoff(`plan ${await onlyId()}`);
    expect(plan).not.toContain("nav sasniedzams");
    expect(plan).toContain("ieplānots");
    expect((await unreachableChannels(w.db, ["C0LOCAL09"])).size).toBe(0);
  });

  it("without Slack to ask (CLI), the stored answer stands until a reminder is sent there", async () => {
    w.deps.slack = slackKnowing(new Set()) as typeof w.deps.slack;
    await institution("set TM <#C0LOCAL09>");
    w.deps.slack = undefined;
    await cutoff("add 2027-04-01 --tasks 13.4 TM tests");
    const id = await onlyId();
    expect(await cutoff(`plan ${id}`)).toContain("nav sasniedzams");
    const [row] = await listReminders(w.db, id);
    if (!row) throw new Error("no reminder");
    await markSent(w.db, row.id, {
      channelId: "C0LOCAL09",
      messageTs: "1.1",
      at: "2026-11-29T12:05:00Z",
    });
    expect(await cutoff(`plan ${id}`)).not.toContain("nav sasniedzams");
  });
});
