/**
 * A contact of IZM (no channel: no reminder thread for any cut-off) writes "5: …" in the digest's
 * thread while the current cut-off (#2, ahead, task 8) does not ask IZM at all and another live
 * one (#1, passed within the grace days) asks it task 5 (fresh-user finding): the note names #1
 * and the Home's "Submit update" button ("Atgādinājuma pavediena uz #1 vēl nav (IZM): …"),
 * not "answer in your institution's reminder thread", a thread that does not exist. Real app,
 * `/digest` and the signed Events API callback, the emulator; SQLite or PostgreSQL; lv and en.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { type Cutoff, insertCutoff } from "../../db/cutoffs.ts";
import { groupPostOf, listDigests } from "../../db/digests.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { findReplyByMessage } from "../../db/replies.ts";
import { institutionScope } from "../../db/scope.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { ephemeralTo } from "../replies/support.ts";

const NOW = "2026-12-02T10:00:00Z";
const SECRETARY = "U0SEC0001";
const WG = "C0WG00001";
const IZM_LV = "U0IZMLV";
const IZM_EN = "U0IZMEN";
let t: TestApp;
let logs: LogWatch;
let first: Cutoff;
let second: Cutoff;

beforeAll(async () => {
  logs = watchLogs();
  t = await startTestApp({
    logger: logs.logger,
    clock: fixedClock(NOW),
    config: { secretaryUserIds: [SECRETARY], workgroupChannelId: WG },
  });
  t.emulator.addUser({ id: SECRETARY, name: "sekretare", locale: "lv-LV" });
  t.emulator.addUser({ id: IZM_LV, name: "inga", locale: "lv-LV" });
  t.emulator.addUser({ id: IZM_EN, name: "ian", locale: "en-US" });
  t.emulator.addChannel({ id: WG, name: "darba-grupa" });
  const db = t.app.db;
  const izm = await findInstitution(db, "IZM");
  await setMapping(db, izm?.id ?? 0, null, [IZM_LV, IZM_EN], NOW);
  const programmeId = (await currentProgramme(db))?.id ?? 0;
  const add = (at: string, title: string, taskNumbers: string[]) =>
    insertCutoff(db, { programmeId, at, title, taskNumbers, createdBy: SECRETARY, createdAt: NOW });
  first = await add("2026-12-01T21:59:59.999Z", "Pārbaude", ["5"]);
  second = await add("2027-02-01T21:59:59.999Z", "Otrais", ["8"]);
  await chooseLanguage(t, IZM_EN, "en");
});
afterAll(async () => {
  await t?.stop();
});

describe("the digest thread's note when another live cut-off asks the task and left no thread", () => {
  it("names that cut-off and the Home's button; lv, en", async () => {
    const db = t.app.db;
    const izm = await findInstitution(db, "IZM");
    // The premise: #1 asks IZM task 5, the current #2 asks it nothing.
    expect((await institutionScope(db, first, izm?.id ?? 0)).map((x) => x.number)).toEqual(["5"]);
    expect(await institutionScope(db, second, izm?.id ?? 0)).toEqual([]);
    const res = await t.slack.command("/digest", "", { userId: SECRETARY, channelId: WG });
    expect(res.status).toBe(200);
    await logs.waitFor((l) => l.msg === "digest posted" && l.channel === WG, 60_000);
    const digest = (await listDigests(db, 1))[0];
    const post = digest ? await groupPostOf(db, digest.id) : undefined;
    if (!post) throw new Error("the digest was not posted to the working group");
    const cases = [
      [
        IZM_LV,
        "5: izpildīts",
        `Kopsavilkuma pavedienā atbildes netiek apkopotas, tāpēc jūsu ziņa nav saglabāta kā atbilde. Atgādinājuma pavediena uz #${first.id} vēl nav (IZM): atbildiet lietotnes sākumlapā (Home) ar pogu „Iesniegt atjauninājumu”.`,
      ],
      [
        IZM_EN,
        "5: done",
        `Replies are not collected in the digest's thread, so your message was not saved as a reply. There is no reminder thread for #${first.id} yet (IZM): reply with the "Submit update" button on the app's Home tab.`,
      ],
    ] as const;
    for (const [user, text, answer] of cases) {
      const told = t.emulator.waitFor(ephemeralTo(user, WG));
      const { ts } = await t.slack.userMessage({
        channelId: WG,
        threadTs: post.parentTs,
        text,
        userId: user,
      });
      await logs.waitFor(
        (l) => l.msg === "reply refused" && l.ts === ts && l.reason === "digest_thread",
      );
      expect(await findReplyByMessage(db, WG, ts)).toBeUndefined();
      expect(String((await told).args.text)).toBe(answer);
    }
  });
});
