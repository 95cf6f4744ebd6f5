/**
 * The App Home's secretary part names who has not answered another cut-off that has passed (a
 * fresh user's finding: with #3 passed unanswered and #1 ahead, the Home listed only #1's, while
 * the digest said "Vēl nav atbildējušas uz #3: IEM (5); …"): "*Vēl nav atbildējušas uz #3
 * (pagājis 01.12.2026.):* IEM (5); …" / "*Still not answered for #3 (passed 1 Dec 2026):* …",
 * beside the current cut-off's list. Both orders: the passed one beside one ahead, and the one
 * ahead beside the passed one (then the current one is the one ahead, #1's list the extra one).
 * Through the signed endpoint (`app_home_opened`, `views.publish` in the emulator), lv and en.
 * SQLite or PostgreSQL (TEST_DATABASE).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { type Cutoff, insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { insertReply } from "../../db/replies.ts";
import { isCall } from "../../src/emulator/server.ts";
import type { RecordedCall } from "../../src/emulator/types.ts";
import { validateView } from "../../src/slack/block-limits.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";

const NOW = "2026-12-02T10:00:00Z";
const PASSED = "2026-12-01T21:59:59.999Z";
const AHEAD = "2027-02-01T21:59:59.999Z";
const SECRETARY = "U0SEC0001";
const JOHN = "U0JOHN001";
const ANNA = "U0ANNA001";

/** An app at NOW with cut-offs "Pirmais" at `firstAt` and "Trešais" at `thirdAt` (task 5). */
function fixture(firstAt: string, thirdAt: string) {
  const s = {} as { t: TestApp; first: Cutoff; third: Cutoff };
  beforeAll(async () => {
    s.t = await startTestApp({
      clock: fixedClock(NOW),
      worker: false,
      config: { secretaryUserIds: [SECRETARY, JOHN] },
    });
    const db = s.t.app.db;
    s.t.emulator.addUser({ id: SECRETARY, name: "sekretare", locale: "lv-LV" });
    s.t.emulator.addUser({ id: JOHN, name: "john", locale: "en-US" });
    s.t.emulator.addUser({ id: ANNA, name: "anna", locale: "lv-LV" });
    await chooseLanguage(s.t, JOHN, "en");
    const lm = await findInstitution(db, "LM");
    await setMapping(db, lm?.id ?? 0, "C0LM", [ANNA], NOW);
    const programmeId = (await currentProgramme(db))?.id ?? 0;
    const add = (at: string, title: string) =>
      insertCutoff(db, {
        programmeId,
        at,
        title,
        taskNumbers: ["5"],
        createdBy: SECRETARY,
        createdAt: NOW,
      });
    s.first = await add(firstAt, "Pirmais");
    s.third = await add(thirdAt, "Trešais");
  }, 60_000);
  afterAll(async () => {
    await s.t?.stop();
  });
  return s;
}

/** Opens `userId`'s Home tab through the signed endpoint; the published view as text. */
async function openHome(t: TestApp, userId: string): Promise<string> {
  const after = t.emulator.calls.length;
  const call = t.emulator.waitFor(
    isCall("views.publish", (c) => c.args.user_id === userId && c.seq > after),
    60_000,
  );
  await t.slack.event({ type: "app_home_opened", user: userId, channel: "D0HOME001", tab: "home" });
  const done: RecordedCall = await call;
  expect(done.ok, JSON.stringify(done.response)).toBe(true);
  const view = done.args.view as { type: "home"; blocks: unknown[] };
  expect(validateView(view, "home")).toEqual([]);
  return blocksToText(view.blocks as Parameters<typeof blocksToText>[0]);
}

/** LM's reply to `cutoff` under task 5 (`verified`: from its contact). */
async function reply(t: TestApp, cutoff: Cutoff, ts: string, verified: boolean) {
  const db = t.app.db;
  const lm = await findInstitution(db, "LM");
  const task = await db
    .selectFrom("tasks")
    .select("id")
    .where("number", "=", "5")
    .executeTakeFirstOrThrow();
  await insertReply(db, {
    cutoffId: cutoff.id,
    institutionId: lm?.id ?? 0,
    taskId: task.id,
    channelId: "C0LM",
    ts,
    threadTs: null,
    userId: verified ? ANNA : "U0STRANGER",
    text: "5: paveikts",
    files: [],
    statusClaim: null,
    verified,
    source: "event",
    receivedAt: "2026-11-30T10:00:00.000Z",
  });
}

describe("#3 passed with no answers, #1 ahead", () => {
  const s = fixture(AHEAD, PASSED);

  it("the secretary sees who has not answered #3 beside #1's list, lv and en", async () => {
    const lv = await openHome(s.t, SECRETARY);
    expect(lv).toMatch(
      new RegExp(`\\*Vēl nav atbildējušas uz #${s.first.id}:\\* .*LM \\(5\\)`, "u"),
    );
    expect(lv).toMatch(
      new RegExp(
        `\\*Vēl nav atbildējušas uz #${s.third.id} \\(pagājis 01\\.12\\.2026\\.\\):\\* .*LM \\(5\\)`,
        "u",
      ),
    );
    const en = await openHome(s.t, JOHN);
    expect(en).toMatch(
      new RegExp(
        `\\*Still not answered for #${s.third.id} \\(passed 1 Dec 2026\\):\\* .*LM \\(5\\)`,
        "u",
      ),
    );
    // A contact is not shown the secretary's lists.
    expect(await openHome(s.t, ANNA)).not.toContain("pagājis 01.12.2026.):*");
  });

  it("an unverified reply answers nothing; LM's verified one takes it off #3's list", async () => {
    await reply(s.t, s.third, "1800000000.000001", false);
    expect(await openHome(s.t, SECRETARY)).toMatch(
      /\(pagājis 01\.12\.2026\.\):\* .*LM \(5; nepārbaudīta atbilde: 5\)/u,
    );
    await reply(s.t, s.third, "1800000000.000002", true);
    const lv = await openHome(s.t, SECRETARY);
    expect(lv).not.toMatch(/\(pagājis 01\.12\.2026\.\):\* .*LM \(5/u);
    // #1's list still names LM: the reply to #3 is no answer to #1.
    expect(lv).toMatch(
      new RegExp(`\\*Vēl nav atbildējušas uz #${s.first.id}:\\* .*LM \\(5\\)`, "u"),
    );
  });
});

describe("#1 passed with no answers, #3 ahead", () => {
  const s = fixture(PASSED, AHEAD);

  it("the secretary sees who has not answered #1 beside #3's list, lv and en", async () => {
    const lv = await openHome(s.t, SECRETARY);
    expect(lv).toMatch(
      new RegExp(`\\*Vēl nav atbildējušas uz #${s.third.id}:\\* .*LM \\(5\\)`, "u"),
    );
    expect(lv).toMatch(
      new RegExp(
        `\\*Vēl nav atbildējušas uz #${s.first.id} \\(pagājis 01\\.12\\.2026\\.\\):\\* .*LM \\(5\\)`,
        "u",
      ),
    );
    const en = await openHome(s.t, JOHN);
    expect(en).toMatch(
      new RegExp(
        `\\*Still not answered for #${s.first.id} \\(passed 1 Dec 2026\\):\\* .*LM \\(5\\)`,
        "u",
      ),
    );
  });
});
