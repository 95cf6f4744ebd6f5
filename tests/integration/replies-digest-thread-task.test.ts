/**
 * A contact of both IEM and LM who writes "1: …" in the digest's thread is pointed to the
 * reminder thread that asks about task 1 — IEM's, not LM's (a fresh user's finding: the note
 * linked LM's thread for a cut-off where LM is not asked about the task). The cut-off asks
 * about 1 (IEM's task) and 14 (LM's); "14: …" links LM's; a number neither reminder asks
 * about (2, LM's task outside the cut-off) links both, as before. Real app, signed Events API
 * callbacks, the emulator; SQLite or PostgreSQL (TEST_DATABASE).
 */
import { describe, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { groupPostOf, listDigests } from "../../db/digests.ts";
import { findInstitution } from "../../db/institutions.ts";
import { insertThread } from "../../db/threads.ts";
import { messageLink } from "../../src/slack/render-task-cutoff.ts";
import { createJobWebClient } from "../../src/slack/web.ts";
import type { TestApp } from "../helpers/app.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { WG } from "../replies/findings-support.ts";
import { ephemeralTo, PEOPLE, reminderThread } from "../replies/support.ts";
import { findingsAppHooks } from "./support/findings.ts";

const BOTH = PEOPLE.anna;
let t: TestApp;
let logs: LogWatch;

findingsAppHooks((app) => ({ t, logs } = app));

const LEAD =
  "Kopsavilkuma pavedienā atbildes netiek apkopotas, tāpēc jūsu ziņa nav saglabāta kā atbilde. Atbildiet savas institūcijas atgādinājuma pavedienā";

describe("the digest thread's note to a contact of two institutions", () => {
  it("links the thread whose reminder asks about the task named; else every one", async () => {
    const db = t.app.db;
    const lm = await reminderThread(
      { db, emulator: t.emulator },
      { code: "LM", channel: "C0DTTLM", tasks: ["1", "14"], contacts: [BOTH] },
    );
    // IEM's reminder thread for the same cut-off, in its own channel.
    const iem = await findInstitution(db, "IEM");
    if (!iem) throw new Error("no IEM");
    t.emulator.addChannel({ id: "C0DTTIEM", name: "iem" });
    await setMapping(db, iem.id, "C0DTTIEM", [BOTH], new Date().toISOString());
    const bot = createJobWebClient(t.emulator.botToken, t.emulator.apiUrl);
    const root = await bot.chat.postMessage({ channel: "C0DTTIEM", text: "Atgādinājums: IEM" });
    const iemTs = String(root.ts);
    await insertThread(db, {
      cutoffId: lm.cutoffId,
      institutionId: iem.id,
      channelId: "C0DTTIEM",
      threadTs: iemTs,
      at: new Date().toISOString(),
    });
    await t.slack.command("/digest", "", { userId: PEOPLE.secretary, channelId: WG });
    await logs.waitFor((l) => l.msg === "digest posted", 20_000);
    const digest = (await listDigests(db, 1))[0];
    const post = digest ? await groupPostOf(db, digest.id) : undefined;
    if (!post) throw new Error("the digest was not posted to the working group");
    const iemLink = `IEM: <${messageLink("C0DTTIEM", iemTs)}|atvērt>`;
    const lmLink = `LM: <${messageLink(lm.channel, lm.threadTs)}|atvērt>`;

    const cases = [
      ["1: pabeigts", ` (${iemLink})`],
      ["14: pabeigts", ` (${lmLink})`],
      ["2: pabeigts", ` (${iemLink}; ${lmLink})`],
    ] as const;
    for (const [text, links] of cases) {
      const told = t.emulator.waitFor(ephemeralTo(BOTH, WG));
      await t.slack.userMessage({ channelId: WG, threadTs: post.parentTs, text, userId: BOTH });
      expect(String((await told).args.text)).toContain(`${LEAD}${links},`);
    }
  });
});
