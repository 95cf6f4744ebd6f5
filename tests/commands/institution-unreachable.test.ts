/**
 * `/institution TM` shows its channel's stored unreachable state (`channel_checks`, written by
 * `/institution set`, `/cutoff plan` and a failed reminder): a fresh user's finding was that
 * `/cutoff plan` warned "kanāls nav sasniedzams" while the institution's own view said nothing.
 * "⚠️ Kanāls … nav sasniedzams (…) kopš …" with the fix for its cause, lv and en; gone once a
 * reminder was sent there, or Slack says the app can post there now (asked again, recorded).
 */
import { describe, expect, it } from "vitest";
import { handle, parse } from "../../commands/institution.ts";
import type { ChannelInfoClient } from "../../commands/institution-channel.ts";
import type { CommandDeps } from "../../commands/types.ts";
import { recordChannelCheck, unreachableSince } from "../../db/channel-checks.ts";
import { setMapping } from "../../db/contacts.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { markSent, upsertPlannedReminder } from "../../db/reminders.ts";
import { adminSuite, as, MEMBER, shown } from "./admin-support.ts";

const w = adminSuite();

/** TM mapped to C0TMKAN01, which Slack last said (2026-11-29 10:00 UTC) is `state`. */
async function tmChecked(state: string): Promise<number> {
  const tm = (await findInstitution(w.db, "TM"))?.id ?? 0;
  await setMapping(w.db, tm, "C0TMKAN01", ["U0TMANNA"], "2026-11-29T09:00:00.000Z");
  await recordChannelCheck(w.db, "C0TMKAN01", state, "2026-11-29T10:00:00.000Z");
  return tm;
}

const view = (locale: "lv" | "en" = "lv", deps: CommandDeps = w.deps) =>
  handle(parse("TM"), deps, as(MEMBER, locale)).then(shown);

/** A fake of Slack's Web API (the process boundary): conversations.info answers `channel`. */
function slackSaying(channel: Record<string, unknown>): CommandDeps["slack"] {
  const info = async () => ({ ok: true, channel: { id: "C0TMKAN01", ...channel } });
  return { conversations: { info } } as unknown as ChannelInfoClient as CommandDeps["slack"];
}

describe("/institution TM with its channel known unreachable", () => {
  it("says since when and why, with the fix for the cause (lv, en)", async () => {
    await tmChecked("not_member");
    const lv = await view("lv");
    expect(lv).toContain(
      "⚠️ *Kanāls <#C0TMKAN01> nav sasniedzams* (lietotne nav pievienota kanālam) kopš svētd. 29.11.2026. 12:00: atgādinājumi tur neizdosies.",
    );
    expect(lv).toContain("Uzaiciniet lietotni: kanālā rakstiet `/invite @Koordinators`.");
    const en = await view("en");
    expect(en).toContain(
      "⚠️ *The channel <#C0TMKAN01> cannot be reached* (the app is not in the channel) since Sun 29 Nov 2026 12:00: reminders there will fail.",
    );
    expect(en).toContain("Invite the app: write `/invite @Koordinators` in the channel.");
  });

  it("an archived channel: unarchive or give another; one Slack does not know: another", async () => {
    await tmChecked("archived");
    expect(await view("lv")).toContain(
      "Atarhivējiet kanālu vai norādiet citu: `/institution set TM #kanāls @kontaktpersona`.",
    );
    expect(await view("en")).toContain("(the channel is archived) since");
    await recordChannelCheck(w.db, "C0TMKAN01", "not_found", "2026-11-29T11:00:00.000Z");
    const lv = await view("lv");
    expect(lv).toContain("(Slack kanāls nav atrasts) kopš svētd. 29.11.2026. 13:00");
    expect(lv).toContain("ja kanāla vairs nav, norādiet citu: `/institution set TM #kanāls");
  });

  it("says nothing once a reminder was sent there, or Slack last said all is well", async () => {
    const tm = await tmChecked("not_member");
    const programme = await currentProgramme(w.db);
    const cutoff = await insertCutoff(w.db, {
      programmeId: programme?.id ?? 0,
      at: "2026-12-10T21:59:59.000Z",
      title: "Pārbaude",
      taskNumbers: ["1"],
      createdBy: "cli",
      createdAt: "2026-11-29T09:00:00.000Z",
    });
    const row = await upsertPlannedReminder(w.db, {
      cutoffId: cutoff.id,
      institutionId: tm,
      kind: "before-P7D",
      scheduledAt: "2026-11-29T11:00:00.000Z",
      cutoffAt: cutoff.at,
    });
    await markSent(w.db, row.id, {
      channelId: "C0TMKAN01",
      messageTs: "1.000001",
      at: "2026-11-29T11:00:00.000Z",
    });
    expect(await view("lv")).not.toContain("nav sasniedzams");
    await recordChannelCheck(w.db, "C0TMKAN01", "ok", "2026-11-29T11:30:00.000Z");
    expect(await view("lv")).not.toContain("⚠️");
  });

  it("asks Slack again: the app can post now – recorded, no warning; another cause – shown from now", async () => {
    await tmChecked("not_member");
    const archived = { ...w.deps, slack: slackSaying({ is_member: true, is_archived: true }) };
    // The clock is 2026-11-29 12:00 UTC: 14:00 in Riga.
    expect(await view("lv", archived)).toContain(
      "(kanāls ir arhivēts) kopš svētd. 29.11.2026. 14:00",
    );
    const fine = { ...w.deps, slack: slackSaying({ is_member: true }) };
    expect(await view("lv", fine)).not.toContain("⚠️");
    expect(await unreachableSince(w.db, "C0TMKAN01")).toBeNull();
    expect(await view("lv")).not.toContain("nav sasniedzams");
  });
});

describe("/institution (the overview) with a channel known unreachable", () => {
  const overview = (text: string, locale: "lv" | "en") =>
    handle(parse(text), w.deps, as(MEMBER, locale)).then(shown);

  it("marks it ⚠️ with the short reason, not ✅ (lv, en; `list` alike)", async () => {
    await tmChecked("not_member");
    const lv = await overview("", "lv");
    expect(lv).toContain(
      "⚠️ *TM* Tieslietu ministrija → <#C0TMKAN01> – _kanāls nav sasniedzams: lietotne nav pievienota kanālam_",
    );
    expect(lv).not.toContain("✅ *TM*");
    // `list` is the same list, without the usage before it.
    expect(await overview("list", "lv")).toContain(
      "⚠️ *TM* Tieslietu ministrija → <#C0TMKAN01> – _kanāls nav sasniedzams: lietotne nav pievienota kanālam_",
    );
    expect(await overview("list", "en")).toContain(
      "⚠️ *TM* Tieslietu ministrija → <#C0TMKAN01> – _the channel cannot be reached: the app is not in the channel_",
    );
  });

  it("✅ again once Slack last said the app can post there", async () => {
    await tmChecked("archived");
    expect(await overview("", "en")).toContain(
      "the channel cannot be reached: the channel is archived",
    );
    await recordChannelCheck(w.db, "C0TMKAN01", "ok", "2026-11-29T11:30:00.000Z");
    expect(await overview("", "lv")).toContain("✅ *TM* Tieslietu ministrija → <#C0TMKAN01>");
  });
});
