/**
 * `/digest` keeps the repeat rule (src/digest/repeat.ts) that `digest --post` and the
 * after-cut-off digest keep (a fresh user's finding: `/digest` 40 s after the automatic
 * after-cut-off digest posted an empty "Jaunu atbilžu nav."). Within the minute after a digest
 * for the working group — automatic or by hand — for the same window and cut-off, with nothing
 * new stored since, the secretary is told privately which digest it was (its link) and how to
 * have a new one anyway, and nothing is posted; a reply stored since makes it a new digest, and
 * so does asking again after the minute. The App Home's button keeps it too (told by direct
 * message). Real app, signed requests, the emulator, a clock the test sets; both stores.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDigests } from "../../db/digests.ts";
import { buildDigest } from "../../jobs/index.ts";
import type { DigestModel } from "../../src/digest/model.ts";
import { chooseLanguageOnHome } from "../../src/emulator/home-language.ts";
import { isCall } from "../../src/emulator/server.ts";
import { ActionId } from "../../src/slack/ids.ts";
import { fixedClock } from "../../src/time.ts";
import { CUTOFF_AT, scriptStore } from "../digest/support.ts";
import type { TestApp } from "../helpers/app.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { nextLine } from "../replies/support.ts";
import { SECRETARY, startDigestApp, WG } from "./support/digest.ts";
import { storeReply } from "./support/replies.ts";

/** A minute after the current cut-off passed: its digest is due. */
const T0 = "2027-02-01T22:01:00.000Z";
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();
const clock = fixedClock(T0);
let t: TestApp;
let logs: LogWatch;
let cutoffId: number;

beforeAll(async () => {
  ({ t, logs } = await startDigestApp(clock));
  ({ currentId: cutoffId } = await scriptStore(t.app.db));
});
afterAll(async () => {
  await t?.stop();
});

type Answer = { text?: string; blocks?: unknown[] };

/** `/digest` as the secretary from C0LOCAL01 at `iso`: its answer's blocks as JSON. */
async function digestAt(iso: string): Promise<string> {
  clock.set(iso);
  const res = await t.slack.command("/digest", "", { userId: SECRETARY, channelId: "C0LOCAL01" });
  let body = res.body as Answer | "";
  if (body === "" || body.blocks === undefined)
    body = (await t.slack.waitForResponse(res.responseUrl, 10_000)).body as Answer;
  return JSON.stringify(body.blocks);
}

/** Runs `act` and waits for the digest it has posted to the working group. */
async function posted(act: () => Promise<unknown>): Promise<void> {
  const next = nextLine(logs, (l) => l.msg === "digest posted" && l.channel === WG);
  await act();
  await next();
}

const parents = () => t.emulator.messagesIn(WG).filter((m) => m.thread_ts === undefined).length;

describe("/digest after a digest, within the minute", () => {
  it("names the after-cut-off digest when nothing is new, and posts nothing", async () => {
    const data: buildDigest.Data = {
      key: `cutoff-${cutoffId}-${Date.parse(CUTOFF_AT)}`,
      kind: "cutoff",
      at: T0,
      requestedBy: "schedule",
      cutoffId,
      cutoffAt: CUTOFF_AT,
    };
    const queue = t.app.queue;
    if (!queue) throw new Error("no queue");
    await posted(() => queue.add(buildDigest.name, data, { jobId: buildDigest.jobId(data) }));
    const [auto] = await listDigests(t.app.db);
    expect(auto?.kind).toBe("cutoff");
    const before = parents();

    const answer = await digestAt(at(40));
    expect(answer).toContain(
      `✅ Automātiskais kopsavilkums pēc ziņošanas termiņa (*#${auto?.id}*) jau ir publicēts `,
    );
    expect(answer).toContain(`<https://slack.com/archives/${WG}/p`);
    expect(answer).toContain("Kopš tā nekas jauns nav saglabāts, tāpēc otru tādu pašu negatavoju.");
    expect(answer).toContain("Ja vajag jaunu, pēc minūtes vēlreiz izpildiet `/digest`.");
    expect(await listDigests(t.app.db)).toHaveLength(1);
    expect(parents()).toBe(before);
  });

  it("builds one when a reply was stored since; a repeat of that one is named", async () => {
    await storeReply(t.app.db, {
      code: "LM",
      cutoffId,
      task: "2",
      channelId: "C0LM",
      ts: "1800000001.000100",
      userId: "U0LMOK",
      text: "2: vēl viena atbilde",
      verified: true,
      receivedAt: at(45),
    });
    let answer = "";
    await posted(async () => {
      answer = await digestAt(at(50));
    });
    expect(answer).toContain("Gatavoju kopsavilkumu");
    const [manual] = await listDigests(t.app.db);
    const model = JSON.parse(manual?.content ?? "{}") as DigestModel;
    expect(model.replies.map((r) => r.excerpt)).toEqual(["vēl viena atbilde"]);

    const again = await digestAt(at(55));
    expect(again).toContain(`✅ Šis kopsavilkums (*#${manual?.id}*) jau ir publicēts `);
    expect(again).toContain("Kopš tā nekas jauns nav saglabāts");
  });

  it("the App Home's button is told by direct message, in the secretary's language", async () => {
    const home = await chooseLanguageOnHome({
      client: t.slack,
      emulatorUrl: t.emulator.url,
      userId: SECRETARY,
      language: "en",
    });
    const [manual] = await listDigests(t.app.db);
    const before = parents();
    const dm = t.emulator.waitFor(
      isCall("chat.postMessage", (c) => String(c.args.text ?? "").includes("Nothing new")),
      20_000,
    );
    clock.set(at(58));
    const res = await t.slack.blockAction({
      actionId: ActionId.digestRequest,
      userId: SECRETARY,
      view: home,
    });
    expect(res.status).toBe(200);
    const told = String((await dm).args.text);
    expect(told).toContain(`✅ This digest (*#${manual?.id}*) was already posted `);
    expect(told).toContain(
      "Nothing new has been stored since, so I am not preparing a second copy.\nIf you need a new one, run `/digest` again in a minute.",
    );
    expect(parents()).toBe(before);
  });

  it("the Home button's direct message refused by Slack is logged as a side effect", async () => {
    const before = parents();
    const logged = nextLine(
      logs,
      (l) => l.msg === "side effect failed" && l.step === "digest_repeat_dm",
    );
    t.emulator.failNext("conversations.open", { error: "user_not_found" });
    clock.set(at(59));
    const res = await t.slack.blockAction({ actionId: ActionId.digestRequest, userId: SECRETARY });
    expect(res.status).toBe(200);
    expect((await logged()).err).toContain("user_not_found");
    expect(logs.lines.some((l) => l.msg === "unhandled listener error")).toBe(false);
    expect(parents()).toBe(before);
  });

  it("after the minute, /digest builds a new one even with nothing new", async () => {
    const count = (await listDigests(t.app.db)).length;
    let answer = "";
    await posted(async () => {
      answer = await digestAt(at(111));
    });
    expect(answer).toContain("Preparing the digest");
    expect(await listDigests(t.app.db)).toHaveLength(count + 1);
  });
});
