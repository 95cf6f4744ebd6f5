/**
 * A reply the app stores after a digest has already covered its post time is in the next
 * digest's new replies, once (a fresh user's high: such a reply was stored but never shown,
 * because the digest chose replies by the message's own post time). Two ways it happens: a
 * refused number-only message ("14:") edited into a reply after a digest, and a message the
 * collection job catches up after a digest. Each is listed in the next digest with when it was
 * sent and stored, and not in the one after (windows are (since, until]).
 * Real app, worker and store (SQLite or PostgreSQL), private Redis, digests as `/digest` asks
 * for them, signed Events API callbacks, the real collection job, the emulator's working-group thread; waits on log lines, never on time.
 */
import { describe, expect, it } from "vitest";
import { findReplyByMessage } from "../../db/replies.ts";
import { collect } from "../../jobs/index.ts";
import { digestDocument } from "../../src/digest/document.ts";
import type { DigestModel, DigestReply } from "../../src/digest/model.ts";
import { digestMarkdown } from "../../src/digest/render-markdown.ts";
import type { TestApp } from "../helpers/app.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { WG } from "../replies/findings-support.ts";
import { jobDepsOf, nextLine, PEOPLE, replySteps, sendMessageChanged } from "../replies/support.ts";
import { sectionTexts } from "./digest-upcoming-fixture.ts";
import { findingsAppHooks, manualDigest } from "./support/findings.ts";

let t: TestApp;
let logs: LogWatch;

findingsAppHooks((app) => ({ t, logs } = app));
const { thread } = replySteps(() => ({ t, logs }), "C0STLT");

/**
 * Asks for a digest as `/digest` does (a "manual" build-digest job, since the previous digest),
 * waits until the real worker has posted it to the working group, and returns its model. Added
 * to the app's queue directly: `/digest` collapses repeats within a minute (MANUAL_REPEAT_MS,
 * BullMQ deduplication on Redis's clock), and this suite asks three times in a few seconds.
 */
const digest = (): Promise<DigestModel> => manualDigest(t, logs);

/** The digest's new-reply lines for message `excerpt` (its text without the task number). */
const linesOf = (model: DigestModel, excerpt: string): DigestReply[] =>
  model.replies.filter((r) => r.excerpt === excerpt);

/** Every section text the working group's channel has, thread replies included. */
const groupTexts = () =>
  t.emulator
    .messagesIn(WG)
    .flatMap((m) => sectionTexts(m.blocks as unknown[] | undefined))
    .join("\n");

/** Three digests (chart and DOCX each) on a loaded machine. */
const TEST_MS = 240_000;

describe("a reply stored after a digest covered its post time", () => {
  it(
    "a refused '14:' edited into a reply: in the next digest once, marked, not in the one after",
    async () => {
      const f = await thread(["5", "14"]);
      const refused = nextLine(logs, (l) => l.msg === "reply refused");
      const { ts } = await t.slack.userMessage({
        channelId: f.channel,
        threadTs: f.threadTs,
        text: "14:",
        userId: PEOPLE.anna,
      });
      expect((await refused()).ts).toBe(ts);
      const before = await digest();
      expect(linesOf(before, "tagad ar tekstu")).toEqual([]);

      const stored = nextLine(logs, (l) => l.msg === "reply stored" && l.ts === ts);
      await sendMessageChanged(t, f, ts, "14:", "14: tagad ar tekstu", "1920000000.000001");
      expect((await stored()).created).toBe(true);
      const reply = await findReplyByMessage(t.app.db, f.channel, ts);
      expect((reply?.receivedAt ?? "") <= before.builtAt).toBe(true);

      const next = await digest();
      expect(next.since).toBe(before.builtAt);
      const [line, ...more] = linesOf(next, "tagad ar tekstu");
      expect(more).toEqual([]);
      expect(line).toMatchObject({ number: "14", institution: "LM", at: reply?.receivedAt });
      expect((line?.storedAt ?? "") > before.builtAt).toBe(true);
      expect(line?.edited).toBeUndefined();

      // The thread says when it was sent and when stored, in Latvian; English from the model.
      const zone = t.config.timezone;
      const lv = digestMarkdown(digestDocument(next, { zone, variant: "digest", locale: "lv" }));
      expect(lv).toMatch(
        // Seconds on both times when they fall in the same minute (stored-later.ts).
        /„tagad ar tekstu”.* _\(saņemta \S+ \d\d\.\d\d\.\d{4}\. \d\d:\d\d(:\d\d)?, saglabāta (\S+ \d\d\.\d\d\.\d{4}\. )?\d\d:\d\d(:\d\d)?\)_/u,
      );
      const en = digestMarkdown(digestDocument(next, { zone, variant: "digest", locale: "en" }));
      expect(en).toMatch(
        /“tagad ar tekstu”.* _\(sent \S+ \d{1,2} \S+ \d{4} \d\d:\d\d(:\d\d)?, stored /u,
      );
      const shown = groupTexts()
        .split("\n")
        .filter((l) => l.includes("tagad ar tekstu"));
      expect(shown).toHaveLength(1);
      expect(shown[0]).toContain(", saglabāta ");

      const after = await digest();
      expect(after.since).toBe(next.builtAt);
      expect(linesOf(after, "tagad ar tekstu")).toEqual([]);
    },
    TEST_MS,
  );

  it(
    "a reply the collection job catches up after a digest: in the next digest once",
    async () => {
      const f = await thread(["5", "14"]);
      // Sent while no event reached the app (it was down): only the collection job will see it.
      const ts = t.emulator.postAsUser({
        channelId: f.channel,
        userId: PEOPLE.anna,
        threadTs: f.threadTs,
        text: "5: pieņemts dīkstāves laikā",
      });
      const before = await digest();
      expect(linesOf(before, "pieņemts dīkstāves laikā")).toEqual([]);
      expect(await findReplyByMessage(t.app.db, f.channel, ts)).toBeUndefined();

      const run = await collect.process({ trigger: "manual" }, jobDepsOf(t));
      expect(run).toMatchObject({ created: 1 });
      const reply = await findReplyByMessage(t.app.db, f.channel, ts);
      expect(reply?.source).toBe("collect");
      expect((reply?.receivedAt ?? "") <= before.builtAt).toBe(true);

      const next = await digest();
      const lines = linesOf(next, "pieņemts dīkstāves laikā");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ number: "5", at: reply?.receivedAt });
      expect((lines[0]?.storedAt ?? "") > before.builtAt).toBe(true);
      // Replies sent and stored inside the window carry no such mark.
      expect(next.replies.filter((r) => r.storedAt !== undefined)).toHaveLength(1);

      const after = await digest();
      expect(linesOf(after, "pieņemts dīkstāves laikā")).toEqual([]);
    },
    TEST_MS,
  );
});
