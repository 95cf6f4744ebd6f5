/**
 * The digest still names who has not answered a cut-off that has just passed when it is about the
 * next one (a fresh user's finding: cut-off #1 passed, the automatic after-cut-off digest said
 * "Vēl nav atbildējušas uz #1: …", and a `/digest` 25 s later, about the next cut-off #2, dropped
 * them, while the App Home and `/task` still showed them). Now every digest about #2 — `/digest`,
 * the App Home's button, `digest --post` (the same build) — adds "*Vēl nav atbildējušas uz #1
 * (pagājis 01.02.2027.):* IEM (5); …", as the secretary's Home says it, while #1 is within the
 * grace days and someone still owes it; a verified reply takes its institution off. Real app,
 * signed requests, the emulator, the worker and the queue, a clock the test sets; SQLite or
 * PostgreSQL (TEST_DATABASE).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { type Cutoff, insertCutoff } from "../../db/cutoffs.ts";
import { listDigests } from "../../db/digests.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { buildDigest } from "../../jobs/index.ts";
import { buildDigestModel } from "../../src/digest/build.ts";
import { digestDocument } from "../../src/digest/document.ts";
import type { DigestModel } from "../../src/digest/model.ts";
import { digestMarkdown } from "../../src/digest/render-markdown.ts";
import { ActionId } from "../../src/slack/ids.ts";
import { fixedClock } from "../../src/time.ts";
import type { TestApp } from "../helpers/app.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { nextLine } from "../replies/support.ts";
import { SECRETARY, startDigestApp, WG } from "./support/digest.ts";
import { openHome } from "./support/home.ts";
import { storeReply } from "./support/replies.ts";

/** Cut-off #1 "Pārbaude" (23:59 Riga on 1 Feb 2027) and, ahead, #2 "Otrais"; both on task 5. */
const PASSED_AT = "2027-02-01T21:59:00.000Z";
const AHEAD_AT = "2027-04-01T20:59:00.000Z";
/** A minute after #1 passed: its after-cut-off digest is built. */
const T0 = "2027-02-01T22:00:00.000Z";
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();
const clock = fixedClock(T0);
let t: TestApp;
let logs: LogWatch;
let passed: Cutoff;
let ahead: Cutoff;

beforeAll(async () => {
  ({ t, logs } = await startDigestApp(clock));
  const db = t.app.db;
  const lm = await findInstitution(db, "LM");
  await setMapping(db, lm?.id ?? 0, "C0LM", ["U0LMOK"], T0);
  const programmeId = (await currentProgramme(db))?.id ?? 0;
  const add = (when: string, title: string) =>
    insertCutoff(db, {
      programmeId,
      at: when,
      title,
      taskNumbers: ["5"],
      createdBy: SECRETARY,
      createdAt: "2027-01-10T08:00:00.000Z",
    });
  passed = await add(PASSED_AT, "Pārbaude");
  ahead = await add(AHEAD_AT, "Otrais");
});
afterAll(async () => {
  await t?.stop();
});

/** Runs `act` and returns the section texts of the digest it posted to the working group. */
async function postedText(act: () => Promise<unknown>): Promise<string> {
  const from = t.emulator.messagesIn(WG).length;
  const next = nextLine(logs, (l) => l.msg === "digest posted" && l.channel === WG);
  await act();
  await next();
  return t.emulator
    .messagesIn(WG)
    .slice(from)
    .flatMap((m) =>
      ((m.blocks ?? []) as Array<{ text?: { text?: string } }>).map((b) => b.text?.text ?? ""),
    )
    .join("\n");
}

/** `/digest` as the secretary at `iso`; resolves once its answer is in. */
async function digestAt(iso: string): Promise<void> {
  clock.set(iso);
  const res = await t.slack.command("/digest", "", { userId: SECRETARY, channelId: "C0LOCAL01" });
  expect(res.status).toBe(200);
}

const newest = async () =>
  JSON.parse((await listDigests(t.app.db))[0]?.content ?? "{}") as DigestModel;

describe("a digest about the next cut-off, just after one passed", () => {
  it("the after-cut-off digest names who has not answered #1", async () => {
    const data: buildDigest.Data = {
      key: `cutoff-${passed.id}-${Date.parse(PASSED_AT)}`,
      kind: "cutoff",
      at: T0,
      requestedBy: "schedule",
      cutoffId: passed.id,
      cutoffAt: PASSED_AT,
    };
    const queue = t.app.queue;
    if (!queue) throw new Error("no queue");
    const text = await postedText(() =>
      queue.add(buildDigest.name, data, { jobId: buildDigest.jobId(data) }),
    );
    expect(text).toContain(`*Vēl nav atbildējušas uz #${passed.id}:* IEM (5); IZM (5); LM (5)`);
  });

  it("/digest 25 s later, about #2, still names who has not answered #1", async () => {
    const text = await postedText(() => digestAt(at(25)));
    expect(text).toContain(`Ziņošanas termiņš *Otrais* (#${ahead.id}, `);
    expect(text).toContain(`*Vēl nav atbildējušas uz #${ahead.id}:* IEM (5); IZM (5); LM (5)`);
    expect(text).toContain(
      `*Vēl nav atbildējušas uz #${passed.id} (pagājis 01.02.2027.):* IEM (5); IZM (5); LM (5)`,
    );
    const model = await newest();
    expect(model.cutoff?.id).toBe(ahead.id);
    expect(model.passedNotAnswered).toEqual([
      {
        id: passed.id,
        title: "Pārbaude",
        at: PASSED_AT,
        institutions: ["IEM", "IZM", "LM"].map((code) => ({
          code,
          unanswered: ["5"],
          unverified: [],
        })),
      },
    ]);
    // In English and Markdown from the stored model, as `digest --md` renders it.
    const md = digestMarkdown(
      digestDocument(model, { locale: "en", zone: t.config.timezone, variant: "digest" }),
    );
    expect(md).toContain(
      `**Still not answered for #${passed.id} (passed 1 Feb 2027):** IEM (5); IZM (5); LM (5)`,
    );
    // The secretary's App Home names the same ones, in the same words.
    expect(await openHome(t, SECRETARY)).toContain(
      `*Vēl nav atbildējušas uz #${passed.id} (pagājis 01.02.2027.):* IEM (5); IZM (5); LM (5)`,
    );
  });

  it("the Home's button, after LM's late reply (unverified, then verified): LM is off #1's list", async () => {
    const reply = (ts: string, userId: string, verified: boolean, seconds: number) =>
      storeReply(t.app.db, {
        code: "LM",
        cutoffId: passed.id,
        task: "5",
        channelId: "C0LM",
        ts,
        userId,
        text: "5: izpildīts",
        verified,
        receivedAt: at(seconds),
      });
    await reply("1801000000.000001", "U0STRANGER", false, 30);
    const press = async (seconds: number) => {
      clock.set(at(seconds));
      const res = await t.slack.blockAction({
        actionId: ActionId.digestRequest,
        userId: SECRETARY,
      });
      expect(res.status).toBe(200);
    };
    let text = await postedText(() => press(35));
    expect(text).toContain(
      `*Vēl nav atbildējušas uz #${passed.id} (pagājis 01.02.2027.):* IEM (5); IZM (5); LM (5; nepārbaudīta atbilde: 5)`,
    );
    await reply("1801000000.000002", "U0LMOK", true, 40);
    text = await postedText(() => press(45));
    expect(text).toContain(
      `*Vēl nav atbildējušas uz #${passed.id} (pagājis 01.02.2027.):* IEM (5); IZM (5)\n`,
    );
    expect(text).toContain(`*Vēl nav atbildējušas uz #${ahead.id}:* IEM (5); IZM (5); LM (5)`);
  });

  it("once #1 is past the grace days, or all have answered it, the digest has no such list", async () => {
    const later = await buildDigestModel(t.app.db, {
      now: clock.now().plus({ days: 31 }),
      zone: t.config.timezone,
    });
    expect(later.cutoff?.id).toBe(ahead.id);
    expect(later.passedNotAnswered).toBeUndefined();
    for (const [i, code] of ["IEM", "IZM"].entries())
      await storeReply(t.app.db, {
        code,
        cutoffId: passed.id,
        task: "5",
        channelId: `C0${code}`,
        ts: `1801000001.00000${i}`,
        userId: `U0${code}OK`,
        text: "5: izpildīts",
        verified: true,
        receivedAt: at(50),
      });
    const now = await buildDigestModel(t.app.db, { now: clock.now(), zone: t.config.timezone });
    expect(now.passedNotAnswered).toBeUndefined();
    const md = digestMarkdown(
      digestDocument(now, { locale: "lv", zone: t.config.timezone, variant: "digest" }),
    );
    expect(md).not.toContain("(pagājis");
  });
});
