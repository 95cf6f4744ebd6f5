import { strFromU8, unzipSync } from "fflate";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDigests } from "../../db/digests.ts";
import { listSessions } from "../../db/sessions.ts";
import { chartSize } from "../../src/digest/chart.ts";
import { isCall } from "../../src/emulator/server.ts";
import type { EmulatorRecord, RecordedCall } from "../../src/emulator/types.ts";
import { validateBlocks, validateView } from "../../src/slack/block-limits.ts";
import { ActionId } from "../../src/slack/ids.ts";
import { fixedClock } from "../../src/time.ts";
import { scriptStore } from "../digest/support.ts";
import type { TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { report } from "../helpers/store.ts";
import { SECRETARY, startDigestApp, WG } from "./support/digest.ts";

const MEMBER = "U0MEMBER1";
let t: TestApp;
let logs: LogWatch;
const clock = fixedClock("2027-01-20T10:00:00Z");

beforeAll(async () => {
  ({ t, logs } = await startDigestApp(clock));
  t.emulator.addUser({ id: MEMBER, name: "john", locale: "en-US" });
  await chooseLanguage(t, MEMBER, "en");
  await scriptStore(t.app.db);
});
afterAll(async () => {
  await t?.stop();
});

type Answer = { response_type?: string; text?: string; blocks?: unknown[] };

async function slash(command: string, text: string, userId: string): Promise<string> {
  const res = await t.slack.command(command, text, { userId, channelId: "C0LOCAL01" });
  let body = res.body as Answer | "";
  if (body === "" || body.blocks === undefined)
    body = (await t.slack.waitForResponse(res.responseUrl, 10_000)).body as Answer;
  expect(validateBlocks(body.blocks, "message")).toEqual([]);
  return JSON.stringify(body.blocks);
}

/** The next completed upload of a file whose name ends with `ext`, in `channel`. */
function uploaded(channel: string, ext: string): (r: EmulatorRecord) => r is RecordedCall {
  return isCall(
    "files.completeUploadExternal",
    (c) => c.ok && c.args.channel_id === channel && JSON.stringify(c.response.files).includes(ext),
  );
}

function fileBytes(call: RecordedCall): Buffer {
  const id = (call.response.files as Array<{ id: string }>)[0]?.id ?? "";
  const bytes = t.emulator.files.get(id)?.bytes;
  if (!bytes) throw new Error(`no bytes for ${id}`);
  return bytes;
}

describe("/digest end to end", () => {
  it("refuses anyone but the secretary, kindly", async () => {
    const text = await slash("/digest", "", MEMBER);
    expect(text).toContain("only the secretary can prepare a digest");
    expect(text).toContain(`<@${SECRETARY}>`);
    expect(await listDigests(t.app.db)).toEqual([]);
  });

  it("posts the parent, the thread, the chart and the DOCX to the working group", async () => {
    const docx = t.emulator.waitFor(uploaded(WG, ".docx"), 20_000);
    const png = t.emulator.waitFor(uploaded(WG, ".png"), 20_000);
    const ack = await slash("/digest", "", SECRETARY);
    expect(ack).toContain("Gatavoju kopsavilkumu");
    expect(ack).toContain(`<#${WG}>`);
    const [docxCall, pngCall] = await Promise.all([docx, png]);
    await logs.waitFor((l) => l.msg === "digest posted" && l.channel === WG, 10_000);
    const messages = t.emulator.messagesIn(WG);
    const parent = messages[0];
    expect(parent?.text).toContain("Darba grupas kopsavilkums");
    expect(JSON.stringify(parent?.blocks)).toContain("visu prasīto iesniegušas *2* no *5*");
    const thread = messages.filter((m) => m.thread_ts === parent?.ts);
    expect(thread.length).toBeGreaterThanOrEqual(6);
    for (const m of messages) if (m.blocks) expect(validateBlocks(m.blocks, "message")).toEqual([]);
    expect(JSON.stringify(thread)).toContain(
      "Vēl nav atbildējušas uz #2:* ĀM (10.1.3, 11, 13.1, 21; nepārbaudīta atbilde: 11)",
    );
    expect(pngCall.args.thread_ts).toBe(parent?.ts);
    const image = PNG.sync.read(fileBytes(pngCall));
    expect({ width: image.width, height: image.height }).toEqual(chartSize(5));
    const xml = strFromU8(
      unzipSync(new Uint8Array(fileBytes(docxCall)))["word/document.xml"] ?? new Uint8Array(),
    );
    for (const task of report().tasks) expect(xml).toContain(`>${task.number}<`);
    const [stored] = await listDigests(t.app.db);
    expect(stored?.postedAt).not.toBeNull();
  });

  it("answers a second /digest moments later (a double submit) with the posted one, posting nothing", async () => {
    const before = t.emulator.messagesIn(WG).length;
    clock.set("2027-01-20T10:00:04Z");
    const again = await slash("/digest", "", SECRETARY);
    const digests = await listDigests(t.app.db);
    expect(digests).toHaveLength(1);
    expect(again).toContain(`Šis kopsavilkums (*#${digests[0]?.id}*) jau ir publicēts`);
    expect(again).toContain(`https://slack.com/archives/${WG}/p`);
    expect(again).toContain("pēc minūtes vēlreiz");
    expect(t.emulator.messagesIn(WG)).toHaveLength(before);
  });

  it("lists and shows stored digests", async () => {
    const [stored] = await listDigests(t.app.db);
    expect(await slash("/digest", "list", SECRETARY)).toContain(`*#${stored?.id}*`);
    const shown = await slash("/digest", `show ${stored?.id}`, SECRETARY);
    expect(shown).toContain(`Kopsavilkums #${stored?.id}`);
    expect(await slash("/digest", "since 2027-13-01", SECRETARY)).toContain(
      "Datums „2027-13-01” neeksistē",
    );
  });
});

describe("sessions, the draft before a session, and the App Home", () => {
  it("adds a session; its draft reaches the secretary, whose button posts it", async () => {
    const refused = await slash("/session", "add 2027-01-22 10:00 Sēde", MEMBER);
    expect(refused).toContain("only the secretary can plan working group sessions");
    const dm = t.emulator.waitFor(
      isCall("chat.postMessage", (c) =>
        JSON.stringify(c.args.blocks ?? "").includes(ActionId.digestPost),
      ),
      20_000,
    );
    const added = await slash("/session", "add 2027-01-22 10:00 Darba grupas 5. sēde", SECRETARY);
    // The app's clock is past the draft's time: it goes out at once, and the answer says so.
    expect(added).toContain(
      "Kopsavilkuma melnraksts sekretāram: tūlīt (tā laiks, trešd. 20.01.2027. 09:00, jau pagājis).",
    );
    const [session] = await listSessions(t.app.db);
    expect(session?.at).toBe("2027-01-22T08:00:00.000Z");
    const draft = await dm;
    const channelId = String(draft.response.channel);
    const ts = String(draft.response.ts);
    expect(await slash("/task", "help", MEMBER)).toContain("Next session: *Fri 22 Jan 2027 10:00*");

    const refusedPress = await t.slack.blockAction({
      actionId: ActionId.digestPost,
      userId: MEMBER,
      channelId,
      messageTs: ts,
    });
    const refusal = await t.slack.waitForResponse(String(refusedPress.responseUrl), 10_000);
    expect(refusal.body.text).toContain("only the secretary");

    const posted = t.emulator.waitFor(uploaded(WG, ".docx"), 20_000);
    await t.slack.blockAction({
      actionId: ActionId.digestPost,
      userId: SECRETARY,
      channelId,
      messageTs: ts,
    });
    await posted;
    const parents = t.emulator
      .messagesIn(WG)
      .filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts);
    expect(parents).toHaveLength(2);
  });

  it("publishes each user's Home: the secretary's with who has not answered and the digest button", async () => {
    const published = t.emulator.waitFor(
      isCall("views.publish", (c) => c.args.user_id === SECRETARY),
      10_000,
    );
    await t.slack.event({
      type: "app_home_opened",
      user: SECRETARY,
      channel: "D0SEC0001",
      tab: "home",
    });
    const call = await published;
    expect(call.ok).toBe(true);
    const view = call.args.view as { blocks: unknown[] };
    expect(validateView(view, "home")).toEqual([]);
    const text = JSON.stringify(view.blocks);
    // As the digest lists them (line 92): an unverified reply answers nothing.
    expect(text).toMatch(
      /Vēl nav atbildējušas uz #\d+:\* ĀM \(10\.1\.3, 11, 13\.1, 21; nepārbaudīta atbilde: 11\); IEM \(/u,
    );
    expect(text).toContain(ActionId.digestRequest);
  });

  it("shows a task's history, newest first", async () => {
    const text = await slash("/task", "1 history", MEMBER);
    expect(text).toContain("History of task 1");
    expect(text).toContain("*IEM*");
    expect(text).toContain("Imported with status");
  });
});

describe("/digest twice in a row for the same window", () => {
  it("builds and posts one digest; the second request is told it is on its way", async () => {
    const before = (await listDigests(t.app.db)).length;
    const posted = t.emulator.waitFor(uploaded(WG, ".docx"), 20_000);
    clock.set("2027-01-20T10:10:00Z");
    const first = await slash("/digest", "since 2027-01-04", SECRETARY);
    clock.set("2027-01-20T10:10:02Z");
    const second = await slash("/digest", "since 2027-01-04", SECRETARY);
    expect(first).toContain("Gatavoju kopsavilkumu");
    expect(second).toMatch(
      // On the queue; built and on its way (the repeat rule); or posted already.
      /jau tiek gatavots \(pieprasīts trešd\. 20\.01\.2027\. 12:10\)|jau tiek publicēts kanālā <#C0WG00001> \(sagatavots trešd\. 20\.01\.2027\. 12:10\)|jau ir publicēts/u,
    );
    await posted;
    expect(await listDigests(t.app.db)).toHaveLength(before + 1);
    // Another window is another digest, at once.
    const other = await slash("/digest", "since 2027-01-11", SECRETARY);
    expect(other).toContain("Gatavoju kopsavilkumu");
  });
});
