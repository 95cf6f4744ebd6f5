/**
 * `/institution set` asks Slack about the channel (conversations.info) and warns when the app
 * cannot post there, saving the mapping all the same, also when Slack does not answer (429);
 * `/institution LM` shows the channel's stored unreachable state and the last reminder that could
 * not be delivered, and what to do.
 * Through the app's signed HTTP endpoint, against the Slack emulator.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getMapping } from "../../db/contacts.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { markSending, markSkipped, upsertPlannedReminder } from "../../db/reminders.ts";
import type { TestApp } from "../helpers/app.ts";
import { slashText } from "../helpers/slash.ts";
import { startInstitutionApp } from "./support/institution.ts";

const SECRETARY = "U0SEC0001";
const ANNA = "U0ANNA01";
let t: TestApp;

beforeAll(async () => {
  t = await startInstitutionApp({
    secretary: SECRETARY,
    users: [{ id: ANNA, name: "anna", locale: "lv-LV" }],
    channels: [
      { id: "C0LMOUT01", name: "lm-bez-lietotnes", botIsMember: false },
      { id: "C0LMOK001", name: "lm-darba-grupa" },
    ],
  });
});
afterAll(async () => {
  await t?.stop();
});

/** A signed slash command's answer as text (from the ack or its response_url). */
const slash = (text: string, userId = SECRETARY) => slashText(t, "/institution", text, userId);

async function lmChannel(): Promise<string | null | undefined> {
  const lm = await findInstitution(t.app.db, "LM");
  return (await getMapping(t.app.db, lm?.id ?? 0))?.channelId;
}

describe("/institution set checks the channel with Slack", () => {
  it("a channel Slack does not know: saved, with a warning and how to invite the app", async () => {
    const text = await slash("set LM <#C0LMKAN01> <@U0ANNA01>");
    expect(text).toContain("piesaistīta Slack: kanāls #C0LMKAN01");
    expect(text).toContain("Slack kanālu #C0LMKAN01 lietotne neredz");
    expect(text).toContain("`/invite @Koordinators`");
    expect(await lmChannel()).toBe("C0LMKAN01");
  });

  it("a channel without the app: saved, with the invitation to write there", async () => {
    const text = await slash("set LM <#C0LMOUT01|lm-bez-lietotnes> <@U0ANNA01>");
    expect(text).toContain("Lietotne nav pievienota kanālam #C0LMOUT01");
    expect(text).toContain("kanālā rakstiet `/invite @Koordinators`");
    expect(await lmChannel()).toBe("C0LMOUT01");
    // LM's view keeps saying so (Slack still says the app is not there), to anyone.
    const view = await slash("LM", ANNA);
    expect(view).toContain(
      "⚠️ *Kanāls #C0LMOUT01 nav sasniedzams* (lietotne nav pievienota kanālam) kopš svētd. 29.11.2026. 14:00: atgādinājumi tur neizdosies.",
    );
    expect(view).toContain("Uzaiciniet lietotni: kanālā rakstiet `/invite @Koordinators`.");
  });

  it("a channel the app is in: no warning", async () => {
    const text = await slash("set LM <#C0LMOK001|lm-darba-grupa> <@U0ANNA01>");
    expect(text).toContain("kanāls #C0LMOK001");
    expect(text).not.toContain("⚠️");
    expect(text).not.toContain("/invite");
  });

  it("Slack rate-limits the check (429): saved anyway, and the answer says it was not checked", async () => {
    // Bolt's client waits out Retry-After (pausing its other calls): longer than the check's 3 s.
    t.emulator.failNext("conversations.info", { error: "ratelimited", retryAfter: 5 });
    const text = await slash("set LM <#C0LMOUT01|lm-bez-lietotnes> <@U0ANNA01>");
    expect(text).toContain("piesaistīta Slack: kanāls #C0LMOUT01");
    expect(text).toContain("Slack neatbildēja, tāpēc nevarēja pārbaudīt");
    expect(await lmChannel()).toBe("C0LMOUT01");
  });
});

describe("/institution LM shows the last delivery problem", () => {
  it("names the failure and what to do, then that the channel now works", async () => {
    await slash("set LM <#C0LMKAN02> <@U0ANNA01>");
    const db = t.app.db;
    const lm = await findInstitution(db, "LM");
    const programme = await currentProgramme(db);
    const cutoff = await insertCutoff(db, {
      programmeId: programme?.id ?? 0,
      at: "2026-11-30T06:29:00.000Z",
      title: "Pārbaude",
      taskNumbers: ["14"],
      createdBy: SECRETARY,
      createdAt: "2026-11-29T12:00:00.000Z",
    });
    // What the sender records when Slack answers channel_not_found (jobs/send-reminder.ts).
    const row = await upsertPlannedReminder(db, {
      cutoffId: cutoff.id,
      institutionId: lm?.id ?? 0,
      kind: "before-PT1M",
      scheduledAt: "2026-11-30T06:28:00.000Z",
      cutoffAt: cutoff.at,
    });
    await markSending(db, row.id, "C0LMKAN02");
    await markSkipped(db, row.id, "failed", "channel_not_found");

    const text = await slash("LM", ANNA);
    expect(text).toContain(
      "Pēdējo atgādinājumu (pirmd. 30.11.2026. 08:28) nosūtīt neizdevās:* Slack kanāls nav atrasts.",
    );
    expect(text).toContain("uzaiciniet tajā lietotni (`/invite @Koordinators`)");
    expect(text).toContain("`/institution set LM #kanāls @kontaktpersona`");

    t.emulator.addChannel({ id: "C0LMKAN02", name: "lm-privats" });
    const fixed = await slash("LM", ANNA);
    expect(fixed).toContain("nosūtīt neizdevās");
    expect(fixed).toContain("Tagad lietotne kanālā rakstīt var");
    // The list, too, shows the channel's failed reminder rather than ✅ (and to anyone).
    const list = await slash("", ANNA);
    expect(list).toContain(
      "⚠️ *LM* Labklājības ministrija → #C0LMKAN02 – _pēdējais atgādinājums netika nosūtīts: Slack kanāls nav atrasts_",
    );
    expect(list).not.toContain("✅ *LM*");

    // A mapping to another channel is not haunted by the old channel's failure.
    await slash("set LM <#C0LMOK001|lm-darba-grupa> <@U0ANNA01>");
    expect(await slash("LM", ANNA)).not.toContain("neizdevās");
    expect(await slash("help", ANNA)).toContain("✅ *LM* Labklājības ministrija → #C0LMOK001");
  });
});
